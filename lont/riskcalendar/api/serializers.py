"""API shapes of the risk calendar: windows and events at the caller's access level."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lont.core.api.serializers import SummaryFieldsMixin
from lont.core.filters import MAX_ID
from lont.core.visibility import visible
from lont.subjects.models import Group

from ..choices import MANUAL_KINDS, EventKind
from ..models import CalendarEvent, RiskWindow


class _GroupIds(serializers.Serializer):
    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_groups(self, obj: Any) -> list[int]:
        viewer = self._viewer()  # type: ignore[attr-defined]
        return list(
            visible(viewer, Group.objects.filter(pk__in=_ids(obj))).values_list("pk", flat=True)
        )


def _ids(obj: Any) -> Any:
    return obj.groups.through.objects.filter(**{_owner_column(obj): obj.pk}).values("group_id")


def _owner_column(obj: Any) -> str:
    return "calendarevent_id" if isinstance(obj, CalendarEvent) else "riskwindow_id"


class WindowSerializer(SummaryFieldsMixin, _GroupIds, serializers.ModelSerializer):
    groups = serializers.SerializerMethodField()

    class Meta:
        model = RiskWindow
        fields = [
            "id",
            "access",
            "summary",
            "kind",
            "title",
            "starts_on",
            "ends_on",
            "peak_on",
            "flagged",
            "area",
            "notes",
            "event",
            "situation",
            "groups",
            "owner",
            "organisation",
        ]
        read_only_fields = fields


class WindowWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=MANUAL_KINDS)
    title = serializers.CharField(max_length=160)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    area = serializers.CharField(max_length=120, required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True)
    flagged = serializers.BooleanField(required=False)
    groups = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), required=False
    )


class EventSerializer(SummaryFieldsMixin, _GroupIds, serializers.ModelSerializer):
    groups = serializers.SerializerMethodField()

    class Meta:
        model = CalendarEvent
        fields = [
            "id",
            "access",
            "summary",
            "kind",
            "occurred_at",
            "title",
            "area",
            "lower_than_expected",
            "situation",
            "groups",
            "owner",
            "organisation",
        ]
        read_only_fields = fields


class EventWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=EventKind.choices)
    occurred_at = serializers.DateTimeField()
    title = serializers.CharField(max_length=160)
    area = serializers.CharField(max_length=120, required=False, allow_blank=True)
    lower_than_expected = serializers.BooleanField(required=False)
    groups = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), required=False
    )
