"""Target groups, people and their relations: the shared context partners build together."""

from .groups import AssessmentContribution, AssessmentStep, Group, GroupAssessment
from .people import GroupMembership, Person, PersonJustification, PersonRelation
from .relations import ConflictEvent, GroupRelation

__all__ = [
    "AssessmentContribution",
    "AssessmentStep",
    "ConflictEvent",
    "Group",
    "GroupAssessment",
    "GroupMembership",
    "GroupRelation",
    "Person",
    "PersonJustification",
    "PersonRelation",
]
