"""REST API of the incident room, on the same services, visibility layer and access log."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from lont.audit.models import AccessVia
from lont.core.api.views import ServiceViewSet, VisibleReadOnlyViewSet
from lont.core.filters import int_param
from lont.core.selectors import get_visible
from lont.core.visibility import visible
from lont.networks.choices import Access

from .. import services
from ..models import (
    EscalationReading,
    Incident,
    IncidentLogEntry,
    IncidentMessage,
    IncidentPerson,
    IncidentTask,
    Outreach,
    ReportedPost,
)
from .serializers import (
    EscalationReadingSerializer,
    IncidentLogEntrySerializer,
    IncidentMessageSerializer,
    IncidentOpenSerializer,
    IncidentPersonSerializer,
    IncidentSerializer,
    IncidentTaskSerializer,
    LogWriteSerializer,
    OutreachOutcomeSerializer,
    OutreachSerializer,
    OutreachWriteSerializer,
    PostOutcomeSerializer,
    PostReportSerializer,
    PostWriteSerializer,
    ReportedPostSerializer,
    TaskDoneSerializer,
    TaskWriteSerializer,
)

INCIDENT_FILTER = [OpenApiParameter("incident", int, description="Alleen rijen van dit incident")]


def _visible(view: Any, model: Any, pk: int, minimum: Access = Access.SUMMARY) -> Any:
    obj, _level = get_visible(
        view.viewer,
        model,
        via=AccessVia.API,
        path=view.request.get_full_path(),
        minimum=minimum,
        pk=pk,
    )
    return obj


def _given(serializer_class: Any, request: Request) -> dict[str, Any]:
    given = serializer_class(data=request.data)
    given.is_valid(raise_exception=True)
    return dict(given.validated_data)


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
    viewer: Any

    def filter_incident(self, queryset: QuerySet) -> QuerySet:
        # Only an incident the reader may see: rows filtered by a hidden incident's id would
        # tell which of them belong to it (a hidden or unknown id finds none alike).
        pk = int_param(self.request.query_params, "incident")
        if not pk:
            return queryset
        return queryset.filter(incident__in=visible(self.viewer, Incident).filter(pk=pk))


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


@extend_schema_view(
    list=extend_schema(parameters=INCIDENT_FILTER),
    create=extend_schema(request=TaskWriteSerializer, responses={201: IncidentTaskSerializer}),
)
class IncidentTaskViewSet(_ByIncident, ServiceViewSet):
    """Tasks and positions per partner: add one, confirm it (only that partner), report it
    done with its result (only that partner) — the page's services."""

    queryset = IncidentTask.objects.select_related("organisation").order_by("created_at", "pk")
    serializer_class = IncidentTaskSerializer
    write_serializer_class = TaskWriteSerializer

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.filter_incident(super().filter_queryset(queryset))

    def service_create(self, data: dict[str, Any]) -> Any:
        from lont.networks.models import Organisation

        incident = _visible(self, Incident, data["incident"])
        if data.get("organisation"):
            data["organisation"] = _visible(self, Organisation, data["organisation"])
        return services.task_add(viewer=self.viewer, incident=incident, data=data)

    @extend_schema(request=None, responses={200: IncidentTaskSerializer})
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: Any = None) -> Response:
        task = services.task_confirm(viewer=self.viewer, task=self.get_object())
        return Response(self.get_serializer(task).data)

    @extend_schema(request=TaskDoneSerializer, responses={200: IncidentTaskSerializer})
    @action(detail=True, methods=["post"])
    def done(self, request: Request, pk: Any = None) -> Response:
        data = _given(TaskDoneSerializer, request)
        task = services.task_done(viewer=self.viewer, task=self.get_object(), **data)
        return Response(self.get_serializer(task).data)


@extend_schema_view(
    list=extend_schema(parameters=INCIDENT_FILTER),
    create=extend_schema(request=PostWriteSerializer, responses={201: ReportedPostSerializer}),
)
class ReportedPostViewSet(_ByIncident, ServiceViewSet):
    """Joint reporting: share a post (the first report), report it too, record the platform's
    reference and outcome (time to removal is measured from the first report)."""

    queryset = ReportedPost.objects.select_related("organisation").order_by(
        "first_reported_at", "pk"
    )
    serializer_class = ReportedPostSerializer
    write_serializer_class = PostWriteSerializer

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.filter_incident(super().filter_queryset(queryset))

    def service_create(self, data: dict[str, Any]) -> Any:
        incident = _visible(self, Incident, data.pop("incident"))
        return services.post_add(viewer=self.viewer, incident=incident, data=data)

    @extend_schema(request=PostReportSerializer, responses={200: ReportedPostSerializer})
    @action(detail=True, methods=["post"])
    def report(self, request: Request, pk: Any = None) -> Response:
        data = _given(PostReportSerializer, request)
        post = self.get_object()
        services.post_report(viewer=self.viewer, post=post, reported_at=data.get("reported_at"))
        return Response(self.get_serializer(post).data)

    @extend_schema(request=PostOutcomeSerializer, responses={200: ReportedPostSerializer})
    @action(detail=True, methods=["post"])
    def outcome(self, request: Request, pk: Any = None) -> Response:
        data = _given(PostOutcomeSerializer, request)
        post = services.post_outcome(
            viewer=self.viewer, post=self.get_object(Access.FULL), data=data
        )
        return Response(self.get_serializer(post).data)


class _IncidentRows(_ByIncident, VisibleReadOnlyViewSet):
    required_permission = "case.read"

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.filter_incident(super().filter_queryset(queryset))


@extend_schema_view(list=extend_schema(parameters=INCIDENT_FILTER))
class IncidentMessageViewSet(_IncidentRows):
    """Messages for the partners' own channels, with the analyser's warnings (read only here)."""

    queryset = IncidentMessage.objects.select_related("organisation").order_by("created_at", "pk")
    serializer_class = IncidentMessageSerializer


@extend_schema_view(list=extend_schema(parameters=INCIDENT_FILTER))
class IncidentPersonViewSet(_IncidentRows):
    """People involved and the role type from which they may use violence (C3)."""

    queryset = IncidentPerson.objects.select_related("organisation").order_by("created_at", "pk")
    serializer_class = IncidentPersonSerializer


@extend_schema_view(list=extend_schema(parameters=INCIDENT_FILTER))
class EscalationReadingViewSet(_IncidentRows):
    """The escalation watch (C4): conflict stage and the reasoned reading of a video."""

    queryset = EscalationReading.objects.select_related("organisation").order_by("-at", "-pk")
    serializer_class = EscalationReadingSerializer


@extend_schema_view(
    list=extend_schema(parameters=INCIDENT_FILTER),
    create=extend_schema(request=OutreachWriteSerializer, responses={201: OutreachSerializer}),
)
class OutreachViewSet(_ByIncident, ServiceViewSet):
    """Outreach to contacts from the social map (C2); shown no further than the least visible of
    the incident and the contact."""

    queryset = Outreach.objects.select_related("organisation").order_by("at", "pk")
    serializer_class = OutreachSerializer
    write_serializer_class = OutreachWriteSerializer

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.filter_incident(super().filter_queryset(queryset))

    def service_create(self, data: dict[str, Any]) -> Any:
        from lont.socialmap.models import Contact
        from lont.subjects.models import Group

        data["incident"] = incident = _visible(self, Incident, data["incident"])
        data["contact"] = _visible(self, Contact, data["contact"], Access.FULL)
        if data.get("group"):
            data["group"] = _visible(self, Group, data["group"])
        return services.outreach_add(viewer=self.viewer, incident=incident, data=data)

    @extend_schema(request=OutreachOutcomeSerializer, responses={200: OutreachSerializer})
    @action(detail=True, methods=["post"])
    def outcome(self, request: Request, pk: Any = None) -> Response:
        data = _given(OutreachOutcomeSerializer, request)
        outreach = services.outreach_outcome(
            viewer=self.viewer, outreach=self.get_object(Access.FULL), data=data
        )
        return Response(self.get_serializer(outreach).data)
