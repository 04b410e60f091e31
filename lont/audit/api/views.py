from __future__ import annotations

from typing import Any

from rest_framework import serializers

from lont.core.api.views import PlainReadOnlyViewSet

from .. import selectors
from ..models import AccessLogEntry, ChangeLogEntry


class ChangeLogSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChangeLogEntry
        fields = [
            "id",
            "at",
            "actor",
            "action",
            "event",
            "object_type",
            "object_id",
            "object_repr",
            "before",
            "after",
            "reason",
            "via",
            "request_id",
        ]


class AccessLogSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessLogEntry
        fields = [
            "id",
            "at",
            "actor",
            "organisation",
            "role",
            "via",
            "object_type",
            "object_id",
            "object_repr",
            "access",
            "purpose",
            "path",
            "request_id",
        ]


def _filters(params: Any) -> dict[str, Any]:
    return {key: params[key] for key in ("object_type", "object_id") if params.get(key)}


class ChangeLogViewSet(PlainReadOnlyViewSet):
    """The change log of the caller's network (privacy officer only). Read-only by design."""

    serializer_class = ChangeLogSerializer
    required_permission = "audit.read"
    queryset = ChangeLogEntry.objects.none()

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return ChangeLogEntry.objects.none()
        return selectors.change_log(viewer=self.viewer, **_filters(self.request.query_params))


class AccessLogViewSet(PlainReadOnlyViewSet):
    """Who read which personal data, when and why (privacy officer only). Read-only by design."""

    serializer_class = AccessLogSerializer
    required_permission = "audit.read"
    queryset = AccessLogEntry.objects.none()

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return AccessLogEntry.objects.none()
        return selectors.access_log(viewer=self.viewer, **_filters(self.request.query_params))
