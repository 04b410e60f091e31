"""REST API of the risk calendar: windows (manual ones written here) and events (each
generating its windows). Same visibility layer, services and access log as the pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError

from lont.core.api.views import ServiceViewSet

from .. import selectors, services
from ..models import CalendarEvent, RiskWindow
from .serializers import (
    EventSerializer,
    EventWriteSerializer,
    WindowSerializer,
    WindowWriteSerializer,
)


def _groups(viewset: ServiceViewSet, data: dict[str, Any]) -> dict[str, Any]:
    ids = set(data.pop("groups", []) or [])
    groups = list(selectors.visible_groups(viewset.viewer).filter(pk__in=ids))
    if len(groups) != len(ids):
        raise ValidationError(
            {"groups": [_("Deze groep bestaat niet of is voor u niet zichtbaar.")]}
        )
    data["groups"] = groups
    return data


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("gebied", str, description="Gebied"),
            OpenApiParameter("groep", int, description="Raakt deze groep"),
            OpenApiParameter("soort", str, description="Soort venster"),
        ]
    ),
    create=extend_schema(request=WindowWriteSerializer, responses={201: WindowSerializer}),
)
class WindowViewSet(ServiceViewSet):
    """Risk-calendar windows. A summary reader gets the kind and the dates, never the title."""

    serializer_class = WindowSerializer
    write_serializer_class = WindowWriteSerializer
    queryset = RiskWindow.objects.all()

    def get_queryset(self) -> QuerySet[RiskWindow]:
        if getattr(self, "swagger_fake_view", False):
            return RiskWindow.objects.none()
        return selectors.windows(self.viewer, selectors.parse_filters(self.request.query_params))

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.window_create(viewer=self.viewer, **_groups(self, data))

    def service_delete(self, obj: Any) -> None:
        services.window_delete(viewer=self.viewer, window=obj)


@extend_schema_view(
    create=extend_schema(request=EventWriteSerializer, responses={201: EventSerializer}),
)
class EventViewSet(ServiceViewSet):
    """Recorded events (incident, sentence demand, verdict, release); creating one generates
    its windows."""

    serializer_class = EventSerializer
    write_serializer_class = EventWriteSerializer
    queryset = CalendarEvent.objects.all()

    def get_queryset(self) -> QuerySet[CalendarEvent]:
        if getattr(self, "swagger_fake_view", False):
            return CalendarEvent.objects.none()
        return selectors.events(self.viewer)

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.event_record(
            viewer=self.viewer, network=self.viewer.network, **_groups(self, data)
        )

    def service_delete(self, obj: Any) -> None:
        services.event_delete(viewer=self.viewer, event=obj)
