"""Aftercare models: plans (A1), staff support (A2), evaluations (A3), rumours (A4)."""

from .evaluation import AdvisoryMember, Evaluation, EvaluationAnswer, Lesson
from .plan import AftercarePlan, PersonPerspective, PlanTask, TipsterCare
from .rumours import Debunk, Prebunk, Rumour, RumourReach
from .staff import (
    ExposureCheckIn,
    ExposureReport,
    StressorParticipation,
    StressorSurvey,
    StressorTally,
    SupportPointer,
)

__all__ = [
    "AdvisoryMember",
    "AftercarePlan",
    "Debunk",
    "Evaluation",
    "EvaluationAnswer",
    "ExposureCheckIn",
    "ExposureReport",
    "Lesson",
    "PersonPerspective",
    "PlanTask",
    "Prebunk",
    "Rumour",
    "RumourReach",
    "StressorParticipation",
    "StressorSurvey",
    "StressorTally",
    "SupportPointer",
    "TipsterCare",
]
