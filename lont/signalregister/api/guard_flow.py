"""The systematic-observation guard through the API: the same services and the same answers as the
page (``signalregister.guard_flow``), in JSON. A crossing is a 409 that names the thresholds, the
people (by alias, where the caller may see them), and the ways forward: a prosecutor order (police:
retry with ``prosecutor_order``), a handover to a partner with the power, or stop. The warning is
logged and the coordinator notified exactly as on the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import Access, PartnerType

from .. import selectors, services
from ..models import Signal

GUARD_CODE = "stelselmatige_observatie"


class GuardConflict(Exception):
    """The guard stopped the save; ``body`` is the 409 answer."""

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__("systematic observation threshold crossed")
        self.body = body


def parts_from(data: dict[str, Any], observed_at: Any) -> services.SignalParts:
    """The service's parts from validated API input (engagement defaults to the observed time)."""
    return services.SignalParts(
        people=[(row["person"], row["role"]) for row in data.get("people", [])],
        groups=list(data.get("groups", [])),
        indicators=list(data.get("indicators", [])),
        engagement=[
            {**row, "at": row.get("at") or observed_at} for row in data.get("engagement", [])
        ],
        requests=[dict(row) for row in data.get("requests", [])],
        perpetrator_override=data.get("perpetrator_override") or "",
    )


def guarded_save(
    viewer: Viewer,
    *,
    fields: dict[str, Any],
    parts: services.SignalParts,
    data: dict[str, Any],
    save: Callable[[], Signal],
    corrected: Signal | None = None,
) -> Signal:
    """Record the prosecutor order the caller sends (if any) and ``save()``, all or nothing;
    raises :class:`GuardConflict` when the guard stops the save. A first crossing is logged as
    guard events and the coordinator notified; a retry that names its ``guard_events`` is not
    logged again (as the page)."""
    event_ids: list[int] = list(data.get("guard_events") or [])
    try:
        with transaction.atomic():
            order = data.get("prosecutor_order")
            if order:
                _record_orders(viewer, order, fields, parts, event_ids, corrected)
            return save()
    except services.GuardCrossed as crossed:
        if not event_ids:
            events = services.guard_warning_record(viewer=viewer, checks=crossed.checks)
            event_ids = [event.pk for event in events]
        raise GuardConflict(conflict_body(viewer, crossed.checks, event_ids, corrected)) from None


def _record_orders(
    viewer: Viewer,
    order: dict[str, Any],
    fields: dict[str, Any],
    parts: services.SignalParts,
    event_ids: list[int],
    corrected: Signal | None,
) -> None:
    """One order per person whose threshold the save crosses (police only, as the page)."""
    if viewer.partner_type != PartnerType.POLICE:
        raise PermissionDenied(
            _("Alleen de politie kan een bevel van de officier van justitie vastleggen.")
        )
    people = {person.pk: person for person, _role in parts.people}
    checks = services.guard.blocking(
        services.guard_checks(
            viewer,
            people=parts.people,
            source_type=fields["source_type"],
            observed_at=fields["observed_at"],
            signal_id=corrected.pk if corrected is not None else None,
        )
    )
    for index, item in enumerate(checks):
        try:
            services.prosecutor_order_create(
                viewer=viewer,
                person=people[item.person_id],
                reference=order["reference"],
                issued_on=order["date"],
                valid_until=order.get("valid_until"),
                scope=order["scope"],
                guard_event_id=event_ids[index] if index < len(event_ids) else None,
            )
        except ValidationError as error:
            raise ValidationError({"prosecutor_order": error.messages}) from None


def conflict_body(
    viewer: Viewer, checks: list[Any], event_ids: list[int], corrected: Signal | None
) -> dict[str, Any]:
    is_police = viewer.partner_type == PartnerType.POLICE
    not_saved = (
        _("De correctie is niet opgeslagen.")
        if corrected is not None
        else _("Het signaal is niet opgeslagen.")
    )
    seen = _seen_people(viewer, [item.person_id for item in checks])
    crossings = []
    for index, item in enumerate(checks):
        crossings.append(
            {
                "person": item.person_id,
                "alias": item.alias if item.person_id in seen else None,
                "thresholds": list(item.check.codes),
                "count": item.check.count,
                "message": item.check.message_nl,
                "guard_event": event_ids[index] if index < len(event_ids) else None,
            }
        )
    recipients = [] if is_police else selectors.handover_recipients(viewer)
    return {
        "detail": _("Let op: mogelijk stelselmatige observatie.")
        + " "
        + not_saved
        + " "
        + _("Uw organisatiecoördinator is op de hoogte gebracht."),
        "code": GUARD_CODE,
        "advice": checks[0].check.advice_nl if checks else "",
        "crossings": crossings,
        "guard_events": event_ids,
        "ways_forward": {
            "prosecutor_order": {
                "available": is_police,
                "how": _(
                    "Stuur hetzelfde verzoek opnieuw met prosecutor_order (reference, date, "
                    "scope, eventueel valid_until) en guard_events."
                )
                if is_police
                else _("Alleen de politie kan een bevel van de officier van justitie vastleggen."),
            },
            "handover": {
                "available": not is_police and bool(recipients),
                "endpoint": reverse("api:signal-guard-handover"),
                "organisations": [{"id": org.pk, "name": org.name} for org in recipients],
            },
            "stop": {"available": True, "endpoint": reverse("api:signal-guard-stop")},
        },
    }


def _seen_people(viewer: Viewer, ids: list[int]) -> set[int]:
    """Of these people, those whose alias the caller may read (summary or more)."""
    from lont.subjects.models import Person

    rows = visible(viewer, Person, minimum=Access.SUMMARY).filter(pk__in=ids)
    return set(rows.values_list("pk", flat=True))


@transaction.atomic
def stop(viewer: Viewer, event_ids: list[int]) -> None:
    for event_id in event_ids:
        services.guard_stop(viewer=viewer, guard_event_id=event_id)


@transaction.atomic
def handover(viewer: Viewer, event_ids: list[int], to: Any, note: str) -> None:
    for event_id in event_ids:
        services.guard_handover(viewer=viewer, guard_event_id=event_id, to=to, note=note)
