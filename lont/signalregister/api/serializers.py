"""API serializers. A signal row is serialised in full or as a summary, per row, by the viewer's
access: summary rows carry only organisation, date, groups, indicators with weight and status."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lont.core.api.serializers import SummaryFieldsMixin
from lont.core.visibility import access_for
from lont.networks.choices import Access

from ..models import ContextNote, EngagementObservation, Signal, SignalAttachment
from ..summaries import group_names, indicator_tags

FULL_ONLY = (
    "source_type",
    "category",
    "platform",
    "professional_account",
    "link",
    "description",
    "mentioned_time",
    "mentioned_until",
    "mentioned_place",
    "call_to_action",
    "threat",
    "is_drill",
    "drill_weapons_shown",
    "drill_members_shown",
    "drill_personal_attacks",
    "people",
    "attachments",
    "retain_until",
)


class IndicatorTagSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    weight = serializers.CharField()


class SignalPersonSerializer(serializers.Serializer):
    # Both empty once the person expired (principle 9); the role stays.
    person = serializers.IntegerField(source="person_id", allow_null=True)
    alias = serializers.CharField(source="person.alias", allow_null=True)
    role = serializers.CharField()


class SignalSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    """Fields after ``status`` are present only for rows the viewer reads in full; what a
    summary shows is declared with the registration (``summary_fields``, ``summary``)."""

    extra_summary_fields = ("groups", "indicators")

    organisation = serializers.CharField(source="organisation.name")
    groups = serializers.SerializerMethodField()
    indicators = serializers.SerializerMethodField()
    people = SignalPersonSerializer(many=True, required=False)
    attachments = serializers.SerializerMethodField()
    # The roster account (P3) by id, as the write takes it; read-only here.
    professional_account: serializers.PrimaryKeyRelatedField = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )

    class Meta:
        model = Signal
        fields = [
            "id",
            "organisation",
            "observed_at",
            "access",
            "summary",
            "groups",
            "indicators",
            "status",
            *FULL_ONLY,
        ]
        extra_kwargs = {name: {"required": False} for name in FULL_ONLY}

    def get_groups(self, obj: Signal) -> list[str]:
        return group_names(self._viewer(), obj)

    @extend_schema_field(IndicatorTagSerializer(many=True))
    def get_indicators(self, obj: Signal) -> list[dict[str, str]]:
        return indicator_tags(obj)

    def get_attachments(self, obj: Signal) -> list[str]:
        return [
            reverse("api:signal-attachment-download", args=[a.pk]) for a in obj.attachments.all()
        ]


class ContextNoteSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name")
    reason = serializers.SerializerMethodField()

    class Meta:
        model = ContextNote
        fields = ["id", "signal", "organisation", "adjustment", "reason", "created_at"]

    def get_reason(self, obj: ContextNote) -> str | None:
        """The reason is content: only for viewers who read the note in full."""
        return obj.reason if access_for(self.context["viewer"], obj) == Access.FULL else None


class ContextNoteWriteSerializer(serializers.Serializer):
    signal = serializers.IntegerField()
    adjustment = serializers.IntegerField(min_value=-2, max_value=2)
    reason = serializers.CharField(max_length=1000)


class EngagementObservationSerializer(serializers.ModelSerializer):
    class Meta:
        model = EngagementObservation
        fields = ["id", "signal", "at", "views", "likes", "reposts", "comments"]


class SignalAttachmentSerializer(serializers.ModelSerializer):
    download = serializers.SerializerMethodField()

    class Meta:
        model = SignalAttachment
        fields = ["id", "signal", "kind", "content_type", "size", "width", "height", "download"]

    def get_download(self, obj: SignalAttachment) -> str:
        return reverse("api:signal-attachment-download", args=[obj.pk])
