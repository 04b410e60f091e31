"""Signals written through the API: register (POST) and correct (PUT/PATCH, versioned) with the
same services and the same systematic-observation guard as the form, so a partner can connect its
own registration system. Reads stay those of :class:`SignalViewSet`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from lont.core.api.views import ServiceViewSet

from .. import services
from ..models import GuardEvent, Signal, platform_error, window_error
from . import guard_flow
from .serializers import SignalSerializer
from .views import SignalViewSet
from .write_serializers import (
    SIGNAL_FIELDS,
    GuardConflictSerializer,
    GuardHandoverSerializer,
    GuardOutcomeSerializer,
    GuardStopSerializer,
    SignalCorrectionSerializer,
    SignalWriteSerializer,
)

CONFLICT = OpenApiResponse(
    GuardConflictSerializer,
    description=(
        "Drempel stelselmatige observatie overschreden: niets opgeslagen behalve de waarschuwing "
        "(guard_events). Vervolg: politie stuurt het verzoek opnieuw met prosecutor_order en "
        "guard_events; andere partners geven door (guard-handover) of stoppen (guard-stop)."
    ),
)
INVALID = OpenApiResponse(description="Ongeldige invoer (Nederlandse meldingen per veld).")
FORBIDDEN = OpenApiResponse(description="Geen recht om signalen vast te leggen of te corrigeren.")
WRITE_RESPONSES = {400: INVALID, 403: FORBIDDEN, 409: CONFLICT}


@extend_schema_view(
    create=extend_schema(
        summary="Signaal registreren",
        description=(
            "Zoals het registratieformulier: dezelfde service, dezelfde waarborg tegen "
            "stelselmatige observatie (409). Personen en groepen die u niet volledig mag zien "
            "gelden als onbekend."
        ),
        request=SignalWriteSerializer,
        responses={201: SignalSerializer, **WRITE_RESPONSES},
    ),
    update=extend_schema(
        summary="Signaal corrigeren (volledig)",
        description="Alleen de organisatie die het signaal vastlegde; de vorige versie blijft bewaard.",
        request=SignalCorrectionSerializer,
        responses={200: SignalSerializer, **WRITE_RESPONSES, 404: OpenApiResponse()},
    ),
    partial_update=extend_schema(
        summary="Signaal corrigeren (gedeeltelijk)",
        description=(
            "Alleen de organisatie die het signaal vastlegde; alleen de meegegeven velden "
            "veranderen (personen, groepen en indicatoren vervangen de opgeslagen selectie). De "
            "vorige versie blijft bewaard."
        ),
        request=SignalCorrectionSerializer,
        responses={200: SignalSerializer, **WRITE_RESPONSES, 404: OpenApiResponse()},
    ),
)
class SignalWriteViewSet(SignalViewSet, ServiceViewSet):  # type: ignore[misc]  # both say case.read
    full_update = True
    write_permission = "case.write"

    def write_serializer(self, instance: Any = None, partial: bool = False) -> Any:
        kind = SignalWriteSerializer if instance is None else SignalCorrectionSerializer
        return kind(data=self.request.data, partial=partial, context=self.get_serializer_context())

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, guard_flow.GuardConflict):
            return Response(exc.body, status=status.HTTP_409_CONFLICT)
        return super().handle_exception(exc)

    def _as_read(self, signal: Signal) -> Signal:
        """The saved signal as the reader sees it: read back through the layer with the list's
        prefetches, so the answer is serialised exactly like a GET (and nothing unscoped)."""
        return self.base_queryset().get(pk=signal.pk)

    def service_create(self, data: dict[str, Any]) -> Signal:
        return self._as_read(self._create(data))

    def _create(self, data: dict[str, Any]) -> Signal:
        fields = {name: data[name] for name in SIGNAL_FIELDS}
        parts = guard_flow.parts_from(data, fields["observed_at"])
        return guard_flow.guarded_save(
            self.viewer,
            fields=fields,
            parts=parts,
            data=data,
            save=lambda: services.signal_create(viewer=self.viewer, fields=fields, parts=parts),
        )

    def service_update(self, obj: Signal, data: dict[str, Any]) -> Signal:
        return self._as_read(self._update(obj, data))

    def _update(self, obj: Signal, data: dict[str, Any]) -> Signal:
        """PUT hands every field; PATCH only the changed ones, the rest is the stored state."""
        fields = {name: data.get(name, getattr(obj, name)) for name in SIGNAL_FIELDS}
        _check_platform(fields)
        _check_window(fields)
        # What a PATCH leaves out stays as stored (an expired person is no longer linked).
        if "people" not in data:
            data["people"] = [
                {"person": p.person, "role": p.role}
                for p in obj.people.for_viewer(self.viewer).select_related("person")
                if p.person
            ]
        if "groups" not in data:
            data["groups"] = [
                g.group for g in obj.groups.for_viewer(self.viewer).select_related("group")
            ]
        if "indicators" not in data:
            data["indicators"] = [
                i.indicator
                for i in obj.indicators.for_viewer(self.viewer).select_related("indicator")
            ]
        parts = guard_flow.parts_from(data, fields["observed_at"])
        changed = {name: fields[name] for name in SIGNAL_FIELDS if name in data}
        return guard_flow.guarded_save(
            self.viewer,
            fields=fields,
            parts=parts,
            data=data,
            corrected=obj,
            save=lambda: services.signal_update(
                viewer=self.viewer,
                signal=obj,  # the service checks the owner and re-reads it under a row lock
                fields=changed,
                parts=parts,
                reason=data["reason"].strip(),
            ),
        )

    @extend_schema(
        summary="Na een waarschuwing: stoppen",
        request=GuardStopSerializer,
        responses={200: GuardOutcomeSerializer, 400: INVALID, 403: FORBIDDEN},
    )
    @action(detail=False, methods=["post"], url_path="guard-stop", url_name="guard-stop")
    def guard_stop(self, request: Request) -> Response:
        given = GuardStopSerializer(data=request.data, context=self.get_serializer_context())
        given.is_valid(raise_exception=True)
        ids = given.validated_data["guard_events"]
        guard_flow.stop(self.viewer, ids)
        return Response(
            {
                "detail": _("Gestopt: het signaal is niet opgeslagen."),
                "outcome": GuardEvent.Outcome.STOPPED,
                "guard_events": ids,
            }
        )

    @extend_schema(
        summary="Na een waarschuwing: doorgeven aan een partner met de bevoegdheid",
        request=GuardHandoverSerializer,
        responses={200: GuardOutcomeSerializer, 400: INVALID, 403: FORBIDDEN},
    )
    @action(detail=False, methods=["post"], url_path="guard-handover", url_name="guard-handover")
    def guard_handover(self, request: Request) -> Response:
        given = GuardHandoverSerializer(data=request.data, context=self.get_serializer_context())
        given.is_valid(raise_exception=True)
        data = given.validated_data
        guard_flow.handover(self.viewer, data["guard_events"], data["to"], data["note"])
        return Response(
            {
                "detail": _(
                    "De informatie is doorgegeven aan %(org)s. Het signaal is niet opgeslagen."
                )
                % {"org": data["to"].name},
                "outcome": GuardEvent.Outcome.HANDOVER,
                "guard_events": data["guard_events"],
            }
        )


def _check_platform(fields: dict[str, Any]) -> None:
    """The form's rule on the corrected state (a PATCH may change only one of the two)."""
    platform = platform_error(fields["source_type"], fields["platform"])
    if platform:
        raise ValidationError({"platform": platform})


def _check_window(fields: dict[str, Any]) -> None:
    """The form's rule on a mentioned window, on the corrected state: a PATCH may give only the
    end (before the stored start) or empty only the start."""
    window = window_error(fields["mentioned_time"], fields["mentioned_until"])
    if window:
        raise ValidationError({"mentioned_until": window})
