from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..choices import LexiconKind, PlaceKind, Platform
from ..forms import TEXT_MAX
from ..models import NAME_MAX, GazetteerPlace, LexiconEntry


# Named enum components of our own: left to drf-spectacular's enum hook, these "kind" fields would
# join other apps' "kind" enums in one naming collision (and a schema warning).
@extend_schema_field(
    {"type": "string", "enum": list(PlaceKind.values)}, component_name="AnalyserPlaceKindEnum"
)
class PlaceKindField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=PlaceKind.choices, **kwargs)


@extend_schema_field(
    {"type": "string", "enum": list(LexiconKind.values)}, component_name="AnalyserLexiconKindEnum"
)
class LexiconKindField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=LexiconKind.choices, **kwargs)


class AnalysisEngagementSerializer(serializers.Serializer):
    views = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    likes = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    reposts = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    comments = serializers.IntegerField(min_value=0, required=False, allow_null=True)


class AnalyseRequestSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=TEXT_MAX, trim_whitespace=False)
    posted_at = serializers.DateTimeField(
        required=False,
        help_text="Moment of posting; default now. Naive times are Europe/Amsterdam.",
    )
    platform = serializers.ChoiceField(choices=Platform.choices, default=Platform.OTHER)
    engagement = AnalysisEngagementSerializer(required=False)
    area = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Optional: the area the post comes from (the group's district); a place name "
        "that several places in the network's list share is resolved by it.",
    )

    def validate_posted_at(self, value: Any) -> Any:
        if value is None:
            return timezone.now()
        # A message on a platform is from this century; far-off years also have local-time
        # offsets in seconds (+00:19:32) that no ISO 8601 reader accepts back.
        if not 2000 <= value.year <= 2100:
            raise serializers.ValidationError(_("Kies een moment tussen 2000 en 2100."))
        return value


class AnalysisSpanSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    text = serializers.CharField()
    value = serializers.CharField()
    confidence = serializers.IntegerField(help_text="Percentage 0–100.")
    ambiguous = serializers.BooleanField()
    alternatives = serializers.ListField(child=serializers.CharField())
    explanation = serializers.CharField()
    grain = serializers.CharField(
        help_text="Time spans: minute, hour, part_of_day, day, week, weekend, month, quarter, "
        "season, year or holiday (a school holiday); empty for other kinds."
    )
    recurrence = serializers.CharField(
        help_text="Recurring times: an RFC 5545 RRULE (FREQ=WEEKLY;BYDAY=FR) repeating the value."
    )


class AnalysisSuggestionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Indicator code in the network's catalogue.")
    label = serializers.CharField()  # type: ignore[assignment]
    reason = serializers.CharField()
    strength = serializers.CharField()
    strength_label = serializers.CharField()
    recommendation = serializers.CharField(help_text="Guide recommendation code, e.g. V5.")
    point = serializers.IntegerField(allow_null=True)
    span_numbers = serializers.ListField(child=serializers.IntegerField())


class AnalyseResponseSerializer(serializers.Serializer):
    posted_at = serializers.DateTimeField()
    platform = serializers.CharField()
    spans = AnalysisSpanSerializer(many=True)
    suggestions = AnalysisSuggestionSerializer(many=True)


class CheckRequestSerializer(serializers.Serializer):
    draft = serializers.CharField(max_length=TEXT_MAX, trim_whitespace=False)
    context_texts = serializers.ListField(
        child=serializers.CharField(max_length=TEXT_MAX, allow_blank=True),
        required=False,
        default=list,
        max_length=20,
        help_text="The planned confrontation post(s) or the rumour being debunked.",
    )


class MessageWarningSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=["repeats_time", "repeats_place", "opens_with_myth"])
    label = serializers.CharField()  # type: ignore[assignment]
    message = serializers.CharField()
    fragment = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()


class CheckResponseSerializer(serializers.Serializer):
    warnings = MessageWarningSerializer(many=True)


class GazetteerPlaceSerializer(serializers.ModelSerializer):
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=NAME_MAX), required=False, default=list
    )
    kind = PlaceKindField()

    class Meta:
        model = GazetteerPlace
        fields = ["id", "name", "aliases", "kind", "area", "updated_at"]
        read_only_fields = ["id", "updated_at"]
        # Uniqueness is checked by the model (case-insensitive) inside the service.
        validators: list[Any] = []


class LexiconEntrySerializer(serializers.ModelSerializer):
    kind = LexiconKindField()

    class Meta:
        model = LexiconEntry
        fields = ["id", "kind", "phrase", "note", "updated_at"]
        read_only_fields = ["id", "updated_at"]
        validators: list[Any] = []
