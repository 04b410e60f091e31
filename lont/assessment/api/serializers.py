"""API shapes: a situation's explanation at the viewer's access level, meetings and actions."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lont.core.api.serializers import SummaryFieldsMixin
from lont.core.related import access_name
from lont.core.visibility import access_for
from lont.networks.choices import Access

from .. import selectors
from ..models import Action, AgendaItem, CaseMeeting, Situation


class ContributionSerializer(serializers.Serializer):
    kind = serializers.CharField()
    ref = serializers.CharField()
    amount = serializers.FloatField()
    text = serializers.CharField()
    access = serializers.CharField()  # "full", "summary" or "none" (a partner's unseen signal)
    url = serializers.CharField(
        allow_blank=True, help_text="De pagina van het signaal, als u die mag openen."
    )


class TrendBreakSerializer(serializers.Serializer):
    subject = serializers.CharField()
    subject_ref = serializers.CharField()
    kind = serializers.CharField()
    evidence_nl = serializers.CharField()
    p_value = serializers.FloatField(allow_null=True)
    at = serializers.CharField()


class SituationSerializer(serializers.ModelSerializer):
    access = serializers.SerializerMethodField()
    trend_breaks = serializers.SerializerMethodField()
    contributions = serializers.SerializerMethodField()
    summary_nl = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()

    class Meta:
        model = Situation
        fields = [
            "id",
            "kind",
            "title",
            "description",
            "level",
            "score",
            "computed_at",
            "access",
            "summary_nl",
            "contributions",
            "trend_breaks",
        ]

    def _viewer(self) -> Any:
        return self.context["view"].viewer

    def get_access(self, obj: Situation) -> str:
        return access_name(access_for(self._viewer(), obj))

    @extend_schema_field(serializers.CharField(allow_blank=True))
    def get_description(self, obj: Situation) -> str:
        return obj.description if access_for(self._viewer(), obj) == Access.FULL else ""

    @extend_schema_field(serializers.CharField())
    def get_summary_nl(self, obj: Situation) -> str:
        return str(obj.explanation.get("summary_nl", ""))

    @extend_schema_field(TrendBreakSerializer(many=True))
    def get_trend_breaks(self, obj: Situation) -> list[dict[str, Any]]:
        # Network changes carry ids of people and groups: rendered per viewer, never raw.
        fields = ("subject", "subject_ref", "kind", "evidence_nl", "p_value", "at")
        return [
            {name: line.get(name) for name in fields}
            for line in selectors.trend_break_lines(self._viewer(), obj)
        ]

    @extend_schema_field(ContributionSerializer(many=True))
    def get_contributions(self, obj: Situation) -> list[dict[str, Any]]:
        return [
            {**line, "access": access_name(line["access"])}
            for line in selectors.explanation_lines(self._viewer(), obj)
        ]


class ActionSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    """In full, or (summary access) who does it by when — never what or its result."""

    situation = serializers.IntegerField(
        source="item.situation_id", read_only=True, allow_null=True
    )
    meeting = serializers.IntegerField(source="item.meeting_id", read_only=True, allow_null=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "access",
            "summary",
            "meeting",
            "situation",
            "organisation",
            "owner",
            "description",
            "due_date",
            "mode",
            "status",
            "result",
        ]


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["id", "situation", "stage", "computed_level", "judged_level", "decision"]


class MeetingSerializer(serializers.ModelSerializer):
    items = serializers.SerializerMethodField()

    class Meta:
        model = CaseMeeting
        fields = ["id", "date", "chair", "participants", "status", "items"]

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_items(self, obj: CaseMeeting) -> list[dict[str, Any]]:
        items = selectors.meeting_items(self.context["view"].viewer, obj)
        return list(AgendaItemSerializer(items, many=True).data)
