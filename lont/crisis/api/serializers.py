"""API shapes of the incident room: in full, or (summary access) only the declared summary."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from lont.core.api.serializers import SummaryFieldsMixin

from ..choices import (
    IncidentLevel,
    OutreachChannel,
    OutreachOutcome,
    Platform,
    PostOutcome,
    TaskKind,
)
from ..models import (
    CHECKLIST,
    DIMENSIONS,
    EscalationReading,
    Incident,
    IncidentLogEntry,
    IncidentMessage,
    IncidentPerson,
    IncidentTask,
    Outreach,
    ReportedPost,
)


def _id(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=2**31 - 1, **kwargs)


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
            "done_at",
            "result",
        ]
        read_only_fields = fields


class TaskWriteSerializer(serializers.Serializer):
    """A task or position for a partner (default: the caller's own organisation)."""

    incident = _id()
    organisation = _id(required=False)
    kind = serializers.ChoiceField(choices=TaskKind.choices)
    description = serializers.CharField()


class TaskDoneSerializer(serializers.Serializer):
    result = serializers.CharField(max_length=2000)


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


class PostWriteSerializer(serializers.Serializer):
    """Share a post to report jointly; ``preserved_copy`` only where the covenant allows it."""

    incident = _id()
    url = serializers.CharField(max_length=500)
    platform = serializers.ChoiceField(choices=Platform.choices)
    platform_reference = serializers.CharField(required=False, allow_blank=True, max_length=120)
    reported_at = serializers.DateTimeField(required=False, allow_null=True)
    preserved_copy = serializers.CharField(required=False, allow_blank=True)


class PostReportSerializer(serializers.Serializer):
    reported_at = serializers.DateTimeField(required=False, allow_null=True)


class PostOutcomeSerializer(serializers.Serializer):
    """The platform's reference and outcome; ``removed_at`` (default now) when removed."""

    outcome = serializers.ChoiceField(choices=PostOutcome.choices)
    platform_reference = serializers.CharField(required=False, allow_blank=True, max_length=120)
    removed_at = serializers.DateTimeField(required=False, allow_null=True)


class IncidentMessageSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = IncidentMessage
        fields = [
            "id",
            "access",
            "summary",
            "incident",
            "organisation",
            "channel",
            "text",
            "status",
            "warnings",
            "override_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class IncidentPersonSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = IncidentPerson
        fields = [
            "id",
            "access",
            "summary",
            "incident",
            "organisation",
            "person",
            "role_type",
            "motive",
            "created_at",
        ]
        read_only_fields = fields


class EscalationReadingSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = EscalationReading
        fields = [
            "id",
            "access",
            "summary",
            "incident",
            "organisation",
            "at",
            "stage",
            "spontaneity",
            "nonverbal",
            "provocation",
            "reading",
        ]
        read_only_fields = fields


class OutreachSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Outreach
        fields = [
            "id",
            "access",
            "summary",
            "incident",
            "organisation",
            "contact",
            "group",
            "by",
            "at",
            "channel",
            "ask",
            "outcome",
            "outcome_note",
            "outcome_at",
        ]
        read_only_fields = fields


class OutreachWriteSerializer(serializers.Serializer):
    """Outreach by the caller's organisation to a contact it reads in full."""

    incident = _id()
    contact = _id()
    group = _id(required=False, allow_null=True)
    at = serializers.DateTimeField(required=False, allow_null=True)
    channel = serializers.ChoiceField(choices=OutreachChannel.choices)
    ask = serializers.CharField()
    outcome = serializers.ChoiceField(choices=OutreachOutcome.choices, required=False)
    outcome_note = serializers.CharField(required=False, allow_blank=True)


class OutreachOutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=OutreachOutcome.choices)
    outcome_note = serializers.CharField(required=False, allow_blank=True, max_length=2000)
