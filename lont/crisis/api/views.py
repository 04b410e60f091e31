"""REST API of the incident room, on the same services, visibility layer and access log."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from lont.audit.models import AccessVia
from lont.core.api.views import ServiceViewSet, VisibleReadOnlyViewSet
from lont.core.filters import int_param
from lont.core.selectors import get_visible

from .. import services
from ..models import Incident, IncidentLogEntry, IncidentTask, ReportedPost
from .serializers import (
    IncidentLogEntrySerializer,
    IncidentOpenSerializer,
    IncidentSerializer,
    IncidentTaskSerializer,
    LogWriteSerializer,
    ReportedPostSerializer,
)

INCIDENT_FILTER = [OpenApiParameter("incident", int, description="Alleen rijen van dit incident")]


def _visible(view: Any, model: Any, pk: int) -> Any:
    obj, _level = get_visible(
        view.viewer, model, via=AccessVia.API, path=view.request.get_full_path(), pk=pk
    )
    return obj


@extend_schema_view(
    create=extend_schema(request=IncidentOpenSerializer, responses={201: IncidentSerializer})
)
class IncidentViewSet(ServiceViewSet):
    """Incidents; a summary reader gets title, status, level and times only."""

    queryset = Incident.objects.select_related("organisation").order_by("-opened_at", "-pk")
    serializer_class = IncidentSerializer
    write_serializer_class = IncidentOpenSerializer

    def service_create(self, data: dict[str, Any]) -> Any:
        from lont.assessment.models import Situation
        from lont.signalregister.models import Signal

        situation = (
            _visible(self, Situation, data.pop("situation")) if data.get("situation") else None
        )
        signal = _visible(self, Signal, data.pop("signal")) if data.get("signal") else None
        data.pop("situation", None)
        data.pop("signal", None)
        return services.incident_open(
            viewer=self.viewer, data=data, situation=situation, signal=signal
        )


class _ByIncident:
    request: Any

    def filter_incident(self, queryset: QuerySet) -> QuerySet:
        pk = int_param(self.request.query_params, "incident")
        return queryset.filter(incident_id=pk) if pk else queryset


@extend_schema_view(
    list=extend_schema(parameters=INCIDENT_FILTER),
    create=extend_schema(request=LogWriteSerializer, responses={201: IncidentLogEntrySerializer}),
)
class IncidentLogViewSet(_ByIncident, ServiceViewSet):
    """The append-only incident log: read, and add a line (a correction names the line it
    corrects). No update or delete exists."""

    queryset = IncidentLogEntry.objects.select_related("organisation").order_by("-at", "-pk")
    serializer_class = IncidentLogEntrySerializer
    write_serializer_class = LogWriteSerializer

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.filter_incident(super().filter_queryset(queryset))

    def service_create(self, data: dict[str, Any]) -> Any:
        incident = _visible(self, Incident, data["incident"])
        corrects = (
            _visible(self, IncidentLogEntry, data["corrects"]) if data.get("corrects") else None
        )
        return services.log_add(
            viewer=self.viewer, incident=incident, text=data["text"], corrects=corrects
        )


@extend_schema_view(list=extend_schema(parameters=INCIDENT_FILTER))
class IncidentTaskViewSet(_ByIncident, VisibleReadOnlyViewSet):
    queryset = IncidentTask.objects.select_related("organisation").order_by("created_at", "pk")
    serializer_class = IncidentTaskSerializer
    required_permission = "case.read"

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.filter_incident(super().filter_queryset(queryset))


@extend_schema_view(list=extend_schema(parameters=INCIDENT_FILTER))
class ReportedPostViewSet(_ByIncident, VisibleReadOnlyViewSet):
    queryset = ReportedPost.objects.select_related("organisation").order_by(
        "first_reported_at", "pk"
    )
    serializer_class = ReportedPostSerializer
    required_permission = "case.read"

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.filter_incident(super().filter_queryset(queryset))
