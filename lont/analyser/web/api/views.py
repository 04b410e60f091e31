"""API of the analyser: analyse a text and check a draft (nothing stored), and CRUD for the
network's gazetteer places and lexicon entries (writes need ``analyser.manage``)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lont.core.api.permissions import IsNetworkMember, viewer_of
from lont.core.api.views import ApiViewMixin, ServiceViewSet

from .. import services
from ..analysis import analyse_for, check_for, result_context, warning_views
from ..models import GazetteerPlace, LexiconEntry
from .serializers import (
    AnalyseRequestSerializer,
    AnalyseResponseSerializer,
    CheckRequestSerializer,
    CheckResponseSerializer,
    GazetteerPlaceSerializer,
    LexiconEntrySerializer,
)


class ComputeOnly(IsNetworkMember):
    """Any member of the network. These POSTs compute an answer and write nothing, so the
    write permission that guards other unsafe methods does not apply."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        viewer = viewer_of(request)
        permission = getattr(view, "required_permission", None)
        return viewer is not None and (not permission or viewer.can(permission))


class AnalyseApiView(ApiViewMixin, APIView):
    """Mark times, places, calls to action, threats and more in a text; suggest indicators.

    The text is analysed in memory: it is not stored and not logged.
    """

    permission_classes = [ComputeOnly]

    @extend_schema(
        request=AnalyseRequestSerializer,
        responses={200: AnalyseResponseSerializer},
        operation_id="analyse_text",
    )
    def post(self, request: Request) -> Response:
        given = AnalyseRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        posted_at = data.get("posted_at") or timezone.now()
        analysis = analyse_for(
            self.viewer,
            text=data["text"],
            posted_at=posted_at,
            engagement=data.get("engagement") or {},
            area=data.get("area") or None,
        )
        context = result_context(self.viewer, analysis)
        out = AnalyseResponseSerializer(
            {
                "posted_at": posted_at,
                "platform": data["platform"],
                "spans": [vars_of(v) for v in context["spans"]],
                "suggestions": [vars_of(s) for s in context["suggestions"]],
            }
        )
        return Response(out.data)


class MessageCheckApiView(ApiViewMixin, APIView):
    """Warnings for a draft message: repeats the time or place of a planned confrontation, or
    opens with the myth it means to debunk. Nothing is stored."""

    permission_classes = [ComputeOnly]

    @extend_schema(
        request=CheckRequestSerializer,
        responses={200: CheckResponseSerializer},
        operation_id="analyse_check_message",
    )
    def post(self, request: Request) -> Response:
        given = CheckRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        draft = given.validated_data["draft"]
        warnings = check_for(
            self.viewer, draft=draft, context_texts=given.validated_data["context_texts"]
        )
        return Response(CheckResponseSerializer({"warnings": warning_views(draft, warnings)}).data)


def vars_of(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


class GazetteerPlaceViewSet(ServiceViewSet):
    """Read for every member of the network; create, change and delete for ``analyser.manage``.
    Writes go through the services (validation, audit event, cache invalidation)."""

    serializer_class = GazetteerPlaceSerializer
    queryset = GazetteerPlace.objects.order_by("name")
    shows_personal_data = False
    required_permission = None
    write_permission = "analyser.manage"
    full_update = True

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.place_create(viewer=self.viewer, **data)

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        values = {"name": obj.name, "aliases": obj.aliases, "kind": obj.kind, "area": obj.area}
        return services.place_update(viewer=self.viewer, place=obj, **{**values, **data})

    def service_delete(self, obj: Any) -> None:
        services.place_delete(viewer=self.viewer, place=obj)


class LexiconEntryViewSet(GazetteerPlaceViewSet):
    serializer_class = LexiconEntrySerializer  # type: ignore[assignment]
    queryset = LexiconEntry.objects.order_by("kind", "phrase")  # type: ignore[assignment]

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.lexicon_entry_create(viewer=self.viewer, **data)

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        values = {"kind": obj.kind, "phrase": obj.phrase, "note": obj.note}
        return services.lexicon_entry_update(viewer=self.viewer, entry=obj, **{**values, **data})

    def service_delete(self, obj: Any) -> None:
        services.lexicon_entry_delete(viewer=self.viewer, entry=obj)
