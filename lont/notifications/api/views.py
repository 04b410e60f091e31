"""REST API of the member's own notifications and preferences: the same selectors, services and
permissions as the inbox and the preferences page. A member only ever reads and marks their own
notices (another member's answers 404); a notice is a short text and a link."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from lont.core.api.permissions import IsNetworkMember
from lont.core.api.views import ApiViewMixin

from .. import selectors, services
from ..models import Notification
from .serializers import (
    MarkedReadSerializer,
    NotificationSerializer,
    PreferenceSerializer,
    PreferenceWriteSerializer,
)


class OwnDataMember(IsNetworkMember):
    """Any member, also for writes: the data is the caller's own (as on the pages)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        return view.viewer is not None


TRUTHY = {"1", "true", "ja", "yes"}


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "ongelezen", OpenApiTypes.BOOL, description="Alleen ongelezen meldingen"
            )
        ]
    )
)
class NotificationViewSet(
    ApiViewMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The caller's notifications in the current network (and those tied to none), newest
    first."""

    serializer_class = NotificationSerializer
    permission_classes = [OwnDataMember]
    queryset = Notification.objects.none()

    def get_queryset(self) -> QuerySet[Notification]:
        if getattr(self, "swagger_fake_view", False):
            return Notification.objects.none()
        rows = selectors.notifications(self.viewer)
        if self.request.query_params.get("ongelezen", "").lower() in TRUTHY:
            rows = rows.filter(read_at__isnull=True)
        return rows

    @extend_schema(request=None, responses={200: NotificationSerializer})
    @action(detail=True, methods=["post"], url_path="gelezen")
    def read(self, request: Request, pk: Any = None) -> Response:
        note = self.get_object()
        services.notification_mark_read(user=request.user, notification=note)
        return Response(self.get_serializer(note).data)

    @extend_schema(request=None, responses={200: MarkedReadSerializer})
    @action(detail=False, methods=["post"], url_path="alles-gelezen")
    def read_all(self, request: Request) -> Response:
        unread = selectors.notifications(self.viewer).filter(read_at__isnull=True)
        marked = services.notifications_mark_all_read(user=request.user, rows=unread)
        return Response({"marked": marked})


def _row(row: dict[str, Any]) -> dict[str, Any]:
    kind = row["event"]
    return {
        "event": kind.code,
        "name": str(kind.label),
        "may_switch_off": kind.may_switch_off,
        "delivery": row["current"],
    }


class PreferenceViewSet(ApiViewMixin, viewsets.ViewSet):
    """Per registered event type: immediately, daily digest or off. A type that may not be
    switched off (level *acuut*, an incident opened) refuses anything but immediately."""

    permission_classes = [OwnDataMember]
    lookup_field = "event"
    lookup_value_regex = r"[^/]+"
    http_method_names = ["get", "patch", "head", "options"]

    def _rows(self) -> dict[str, dict[str, Any]]:
        return {row["event"]: row for row in map(_row, selectors.preference_rows(self.viewer))}

    def _row(self, event: str) -> dict[str, Any]:
        row = self._rows().get(event)
        if row is None:
            raise Http404
        return row

    @extend_schema(responses={200: PreferenceSerializer(many=True)})
    def list(self, request: Request) -> Response:
        return Response(PreferenceSerializer(list(self._rows().values()), many=True).data)

    @extend_schema(responses={200: PreferenceSerializer})
    def retrieve(self, request: Request, event: str) -> Response:
        return Response(PreferenceSerializer(self._row(event)).data)

    @extend_schema(request=PreferenceWriteSerializer, responses={200: PreferenceSerializer})
    def partial_update(self, request: Request, event: str) -> Response:
        self._row(event)
        given = PreferenceWriteSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        services.preference_set(
            user=request.user, event=event, delivery=given.validated_data["delivery"]
        )
        return Response(PreferenceSerializer(self._row(event)).data)
