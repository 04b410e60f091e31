"""API serializers. A signal row is serialised in full or as a summary, per row, by the viewer's
access: summary rows carry only organisation, date, groups, indicators with weight and status."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lont.core.visibility import access_for
from lont.networks.choices import Access

from ..models import ContextNote, EngagementObservation, Signal, SignalAttachment
from ..summaries import indicator_tags, summary_text

FULL_ONLY = (
    "source_type",
    "category",
    "platform",
    "professional_account",
    "link",
    "description",
    "mentioned_time",
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


class SignalSerializer(serializers.ModelSerializer):
    """Fields after ``status`` are present only for rows the viewer reads in full."""

    organisation = serializers.CharField(source="organisation.name")
    access = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    groups = serializers.SerializerMethodField()
    indicators = serializers.SerializerMethodField()
    people = SignalPersonSerializer(many=True, required=False)
    attachments = serializers.SerializerMethodField()

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

    def _access(self, obj: Signal) -> Access:
        cache: dict[int, Access] = self.__dict__.setdefault("_access_cache", {})
        if obj.pk not in cache:
            cache[obj.pk] = access_for(self.context["viewer"], obj)
        return Access(cache[obj.pk])

    def get_access(self, obj: Signal) -> str:
        return "full" if self._access(obj) == Access.FULL else "summary"

    def get_summary(self, obj: Signal) -> str:
        return summary_text(obj)

    def get_groups(self, obj: Signal) -> list[str]:
        return [row.group.name for row in obj.groups.all()]

    @extend_schema_field(IndicatorTagSerializer(many=True))
    def get_indicators(self, obj: Signal) -> list[dict[str, str]]:
        return indicator_tags(obj)

    def get_attachments(self, obj: Signal) -> list[str]:
        return [
            reverse("api:signal-attachment-download", args=[a.pk]) for a in obj.attachments.all()
        ]

    def to_representation(self, instance: Signal) -> dict[str, Any]:
        if self._access(instance) == Access.FULL:
            return super().to_representation(instance)
        # Summary rows: the full-only fields are never even computed.
        fields = self.fields
        data: dict[str, Any] = {}
        for name in self.Meta.fields:
            if name in FULL_ONLY:
                continue
            field = fields[name]
            attribute = field.get_attribute(instance)
            data[name] = field.to_representation(attribute) if attribute is not None else None
        return data


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
