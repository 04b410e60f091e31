"""API shapes of the incident room: in full, or (summary access) only the declared summary."""

from __future__ import annotations

from rest_framework import serializers

from lont.core.api.serializers import SummaryFieldsMixin

from ..choices import IncidentLevel
from ..models import CHECKLIST, DIMENSIONS, Incident, IncidentLogEntry, IncidentTask, ReportedPost


class IncidentSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Incident
        fields = [
            "id",
            "access",
            "summary",
            "title",
            "state",
            "level",
            "origin",
            "organisation",
            "situation",
            "signal",
            "occurred_at",
            "location",
            "description",
            "call_text",
            *[name for n in CHECKLIST for name in (n, f"{n}_note")],
            "immediate",
            "immediate_note",
            "legal_check",
            "safety_first",
            *[name for n in DIMENSIONS for name in (n, f"{n}_reason")],
            "mediation_offered",
            "line",
            "line_reason",
            "spot_evaluation",
            "opened_at",
            "closed_at",
        ]
        read_only_fields = fields


class IncidentOpenSerializer(serializers.Serializer):
    """Open an incident by hand, from a situation at hoog/acuut or from a signal."""

    title = serializers.CharField(max_length=120)
    reason = serializers.CharField()
    level = serializers.ChoiceField(choices=IncidentLevel.choices, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    location = serializers.CharField(required=False, allow_blank=True, max_length=120)
    call_text = serializers.CharField(required=False, allow_blank=True)
    occurred_at = serializers.DateTimeField(required=False, allow_null=True)
    situation = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    signal = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class IncidentLogEntrySerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = IncidentLogEntry
        fields = [
            "id",
            "access",
            "summary",
            "incident",
            "organisation",
            "author",
            "at",
            "kind",
            "text",
            "from_state",
            "to_state",
            "corrects",
        ]
        read_only_fields = fields


class LogWriteSerializer(serializers.Serializer):
    incident = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    text = serializers.CharField()
    corrects = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class IncidentTaskSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = IncidentTask
        fields = [
            "id",
            "access",
            "summary",
            "incident",
            "organisation",
            "kind",
            "description",
            "confirmed_by",
            "confirmed_at",
        ]
        read_only_fields = fields


class ReportedPostSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = ReportedPost
        fields = [
            "id",
            "access",
            "summary",
            "incident",
            "organisation",
            "url",
            "platform",
            "platform_reference",
            "outcome",
            "first_reported_at",
            "removed_at",
            "copy_sha256",
        ]
        read_only_fields = fields
