"""API representations. Fields beyond the summary appear only at full access; identifying fields
of a person only with identifying access — the keys are absent, not empty, otherwise."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from lont.core.api.fields import ScopedPrimaryKeyRelatedField
from lont.core.related import access_name
from lont.core.visibility import access_for, effective_access, registration_for, visible
from lont.networks.choices import Access

from .. import selectors
from ..models import (
    ConflictEvent,
    Group,
    GroupAssessment,
    GroupMembership,
    GroupRelation,
    Person,
    PersonRelation,
)
from ..models.people import IDENTIFYING_FIELDS

BASE = ("id", "organisation", "access")


class AccessSerializer(serializers.ModelSerializer):
    serializer_related_field = ScopedPrimaryKeyRelatedField  # many-to-many read through the layer
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    access = serializers.SerializerMethodField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        viewer = self.context.get("viewer")
        if viewer is None:
            return
        # Related objects offered for writing: only what the caller may see.
        for name, field in self.fields.items():
            field = getattr(field, "child_relation", field)  # many-to-many: its item field
            queryset = getattr(field, "queryset", None)
            if queryset is not None and name != "organisation":
                field.queryset = visible(viewer, queryset.model)  # type: ignore[union-attr]

    def get_access(self, obj: Any) -> str:
        return access_name(effective_access(self.context["viewer"], obj))

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        # A row is shown no further than its least visible end (a membership's person).
        if effective_access(self.context["viewer"], instance) < Access.FULL:
            # What a summary shows is declared once, with the model's registration.
            keep = set(BASE) | set(registration_for(type(instance)).summary_fields)
            data = {k: v for k, v in data.items() if k in keep}
        return data


class GroupSerializer(AccessSerializer):
    class Meta:
        model = Group
        fields = [
            *BASE,
            "name",
            "other_names",
            "areas",
            "binds",
            "meeting_places",
            "platforms",
            "online_channels",
            "size_estimate",
            "age_min",
            "age_max",
            "description",
            "strengths",
            "formation_stage",
            "core_purpose",
            "created_at",
            "updated_at",
        ]


class PersonSerializer(AccessSerializer):
    class Meta:
        model = Person
        fields = [
            *BASE,
            "alias",
            "handles",
            "real_name",
            "address",
            "date_of_birth",
            "involvement",
            "age_band",
            "area",
            "school_or_work",
            "protective_factors",
            "future_perspective",
            "contact_professionals",
            "review_date",
        ]
        read_only_fields = ["review_date"]

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not selectors.identifying_access(self.context["viewer"], instance):
            for name in IDENTIFYING_FIELDS:
                data.pop(name, None)
        return data


class MembershipSerializer(AccessSerializer):
    class Meta:
        model = GroupMembership
        fields = [*BASE, "group", "person", "role", "basis", "basis_note", "since", "until"]


class PersonRelationSerializer(AccessSerializer):
    class Meta:
        model = PersonRelation
        fields = [*BASE, "person_a", "person_b", "kind", "date", "note"]


class ConflictEventSerializer(AccessSerializer):
    class Meta:
        model = ConflictEvent
        fields = [*BASE, "relation", "date", "description"]


class GroupRelationSerializer(AccessSerializer):
    events = serializers.SerializerMethodField()

    class Meta:
        model = GroupRelation
        fields = [
            *BASE,
            "group_a",
            "group_b",
            "kind",
            "since",
            "description",
            "threat_a",
            "threat_b",
            "events",
        ]

    def get_events(self, obj: GroupRelation) -> list[dict[str, Any]]:
        viewer = self.context["viewer"]
        events = getattr(obj, "visible_events", None)
        if events is None:
            events = selectors.conflict_events(viewer, obj)
        return ConflictEventSerializer(events, many=True, context=self.context).data  # type: ignore[return-value]


class AssessmentSerializer(AccessSerializer):
    steps = serializers.SerializerMethodField()

    class Meta:
        model = GroupAssessment
        fields = [
            *BASE,
            "group",
            "started_on",
            "steps",
            "problem_definition",
            "plan",
            "monitoring_notes",
            "scale_down_decision",
            "norms_values",
            "shortlist_type",
            "shortlist_rationale",
            "shortlist_by",
            "prototypical_members",
            "credible_messengers",
        ]
        read_only_fields = ["steps"]

    def get_steps(self, obj: GroupAssessment) -> list[dict[str, Any]]:
        rows = selectors.assessment_steps(
            self.context["viewer"],
            obj,
            steps=getattr(obj, "visible_steps", None),
            contributions=getattr(obj, "visible_contributions", None),
        )
        full = access_for(self.context["viewer"], obj) == Access.FULL
        return [
            {
                "number": row["number"],
                "status": row["step"].status if row["step"] else None,
                "started_on": row["step"].started_on if row["step"] else None,
                "completed_on": row["step"].completed_on if row["step"] else None,
                **(
                    {
                        "contributions": [
                            {"organisation": c.organisation.name, "date": c.date, "text": c.text}
                            for c in row["contributions"]
                        ]
                    }
                    if full
                    else {}
                ),
            }
            for row in rows
        ]
