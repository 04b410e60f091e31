from __future__ import annotations

from rest_framework import serializers

from lont.core.api.serializers import SummaryFieldsMixin

from ..models import AwarenessActivity, Source, VisionVersion


class VisionVersionSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = VisionVersion
        fields = [
            "id",
            "access",
            "summary",
            "organisation",
            "number",
            "target_group",
            "terms",
            "terms_note",
            "goal_focus",
            "goal_priority",
            "online_offline",
            "online_information",
            "staff_time",
            "status",
            "reason",
            "created_at",
            "approved_at",
            "approval_reason",
        ]
        read_only_fields = fields


class SourceSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "id",
            "access",
            "summary",
            "title",
            "url",
            "good_for",
            "owner",
            "review_on",
            "recommendations",
            "from_guide",
        ]
        read_only_fields = fields


class AwarenessActivitySerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = AwarenessActivity
        fields = [
            "id",
            "access",
            "summary",
            "kind",
            "title",
            "audience",
            "held_on",
            "reach",
            "organisation",
            "trainer",
            "trusted_by_youth",
            "evaluation",
        ]
        read_only_fields = fields
