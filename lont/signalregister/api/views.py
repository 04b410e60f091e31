"""REST API of the signal register: same visibility layer, services and access log as the pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.api.views import ServiceViewSet, VisibleReadOnlyViewSet
from lont.core.related import prefetch_visible
from lont.core.selectors import get_visible
from lont.core.visibility import access_for, visible
from lont.networks.choices import Access

from .. import selectors, services
from ..models import ContextNote, EngagementObservation, Signal, SignalAttachment
from .serializers import (
    ContextNoteSerializer,
    ContextNoteWriteSerializer,
    EngagementObservationSerializer,
    SignalAttachmentSerializer,
    SignalSerializer,
)


class SignalViewSet(VisibleReadOnlyViewSet):
    """Signals: each row in full or as a summary, by the covenant. Filters as on the list page
    (status, bron, groep or groep_naam — a fragment of a visible group's name —, indicator, van, tot,
    q — q searches only rows read in full)."""

    queryset = Signal.objects.all()
    serializer_class = SignalSerializer
    required_permission = "case.read"

    def base_queryset(self) -> QuerySet[Signal]:
        return (
            Signal.objects.for_viewer(self.viewer)
            .select_related("organisation")
            .prefetch_related(
                *selectors.summary_prefetch(self.viewer),
                *selectors.people_and_attachments_prefetch(self.viewer),
            )
        )

    def get_queryset(self) -> QuerySet[Signal]:
        if getattr(self, "swagger_fake_view", False):
            return Signal.objects.none()
        return selectors.signals(
            self.viewer,
            selectors.parse_filters(self.request.query_params),
        ).prefetch_related(*selectors.people_and_attachments_prefetch(self.viewer))

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        # People name a person (a tipster may be in a category the reader does not share):
        # only people the reader may see (at least the alias), fetched through the layer, logged.
        if args and not getattr(self, "swagger_fake_view", False):
            rows = list(args[0]) if kwargs.get("many") else [args[0]]
            full = [row for row in rows if access_for(self.viewer, row) == Access.FULL]
            prefetch_visible(
                self.viewer,
                full,
                "people",
                minimum=Access.SUMMARY,
                via=AccessVia.API,
                path=self.request.get_full_path(),
            )
            args = (rows if kwargs.get("many") else rows[0], *args[1:])
        return super().get_serializer(*args, **kwargs)


@extend_schema_view(
    create=extend_schema(request=ContextNoteWriteSerializer, responses={201: ContextNoteSerializer})
)
class ContextNoteViewSet(ServiceViewSet):
    """Context notes, visible by the same rules as their signal; POST adds one."""

    queryset = ContextNote.objects.select_related("organisation")
    serializer_class = ContextNoteSerializer
    write_serializer_class = ContextNoteWriteSerializer

    def service_create(self, data: dict[str, Any]) -> Any:
        signal, _level = get_visible(
            self.viewer,
            Signal,
            via=AccessVia.API,
            path=self.request.get_full_path(),
            pk=data["signal"],
        )
        return services.context_note_create(
            viewer=self.viewer,
            signal=signal,
            adjustment=data["adjustment"],
            reason=data["reason"],
        )


class EngagementObservationViewSet(VisibleReadOnlyViewSet):
    queryset = EngagementObservation.objects.all()
    serializer_class = EngagementObservationSerializer
    required_permission = "case.read"
    # Reach figures are content of the signal: full access only, in the list and the detail.
    minimum_access = Access.FULL


class SignalAttachmentViewSet(VisibleReadOnlyViewSet):
    """Attachment metadata (full access only) and the file through the same check."""

    queryset = SignalAttachment.objects.all()
    serializer_class = SignalAttachmentSerializer
    required_permission = "case.read"
    minimum_access = Access.FULL

    @extend_schema(responses={(200, "image/*"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path="download")
    def download(self, request: Request, pk: str | None = None) -> FileResponse:
        try:
            attachment = (
                visible(self.viewer, SignalAttachment, minimum=Access.FULL)
                .select_related("signal")
                .get(pk=pk)
            )
        except (SignalAttachment.DoesNotExist, ValueError):
            raise Http404 from None
        if access_for(self.viewer, attachment.signal) != Access.FULL:
            raise Http404
        log_reads(self.viewer, [attachment], via=AccessVia.API, path=request.get_full_path())
        response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
