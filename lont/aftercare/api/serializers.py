"""API shapes of aftercare: in full, or the registered summary fields only (SummaryFieldsMixin)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lont.core.api.serializers import SummaryFieldsMixin

from ..debunk import check_debunk
from ..models import AftercarePlan, Debunk, Evaluation, ExposureReport, Lesson, PlanTask, Rumour


class PlanSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = AftercarePlan
        fields = [
            "id",
            "access",
            "summary",
            "situation",
            "organisation",
            "title",
            "notes",
            "status",
            "level_at_start",
            "created_at",
        ]


class PlanTaskSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = PlanTask
        fields = [
            "id",
            "access",
            "summary",
            "plan",
            "organisation",
            "step",
            "title",
            "owner",
            "due_date",
            "status",
            "result",
        ]


class ExposureReportSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = ExposureReport
        fields = [
            "id",
            "access",
            "summary",
            "organisation",
            "reporter",
            "kind",
            "occurred_on",
            "description",
            "impact",
            "support_wanted",
            "status",
        ]


class EvaluationSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Evaluation
        fields = [
            "id",
            "access",
            "summary",
            "organisation",
            "situation",
            "title",
            "spot_evaluation",
            "status",
            "merged",
            "created_at",
        ]


class LessonSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    """A lesson and the work it became (action, covenant version, parameters, indicator)."""

    class Meta:
        model = Lesson
        fields = [
            "id",
            "access",
            "summary",
            "evaluation",
            "text",
            "kind",
            "proposal",
            "status",
            "action",
            "covenant_version",
            "parameters",
            "indicator",
            "decided_at",
        ]


class RumourSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Rumour
        fields = [
            "id",
            "access",
            "summary",
            "organisation",
            "situation",
            "claim",
            "where",
            "status",
            "created_at",
        ]


class RuleResultSerializer(serializers.Serializer):
    rule = serializers.CharField()
    ok = serializers.BooleanField()
    message = serializers.CharField()


class DebunkSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    checks = serializers.SerializerMethodField()

    class Meta:
        model = Debunk
        fields = [
            "id",
            "access",
            "summary",
            "rumour",
            "facts",
            "text",
            "audience",
            "messenger",
            "status",
            "checks",
        ]

    @extend_schema_field(RuleResultSerializer(many=True))
    def get_checks(self, obj: Debunk) -> list[dict[str, Any]]:
        return [
            {"rule": r.rule, "ok": r.ok, "message": r.message}
            for r in check_debunk(
                claim=obj.rumour.claim,
                facts=obj.facts,
                text=obj.text,
                audience=obj.audience,
                has_messenger=obj.messenger_id is not None,
            )
        ]
