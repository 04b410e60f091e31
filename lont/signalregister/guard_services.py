"""Writes of the systematic-observation guard.

Split from ``services`` for size; ``services`` re-exports these names, so callers use one module.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role
from lont.networks.models import Membership, Organisation
from lont.notifications.services import notification_mark_read as notification_mark_read
from lont.notifications.services import notification_send as notification_create

from . import guard
from .models import GuardEvent, ProsecutorOrder


def _require_write(viewer: Viewer) -> None:
    if not viewer.can("case.write"):
        raise PermissionDenied


def _same_network(viewer: Viewer, obj: Any) -> None:
    if obj.network_id != viewer.network.pk:
        raise ValidationError(_("Onbekende keuze."))


def _notify_coordinators(organisation: Organisation, text: str, url: str) -> int:
    with system_context("notification recipients: the organisation's coordinators"):
        coordinators = list(
            Membership.objects.filter(
                organisation=organisation, role=Role.COORDINATOR, is_active=True
            ).select_related("user")
        )
    for membership in coordinators:
        notification_create(
            user=membership.user,
            text=text,
            url=url,
            network=organisation.network,
            event="guard.event",
        )
    return len(coordinators)


@transaction.atomic
def guard_warning_record(*, viewer: Viewer, checks: list[guard.PersonCheck]) -> list[GuardEvent]:
    """A crossing shown to a member: logged, and the organisation coordinator is notified."""
    events = []
    for item in checks:
        event = GuardEvent(
            network=viewer.network,
            organisation=viewer.organisation,
            person_id=item.person_id,
            member=viewer.membership,
            thresholds=item.check.codes,
        )
        event.full_clean()
        event.save()
        record_event(
            event="signal.guard_crossed",
            obj=event,
            actor=viewer.user,
            details={"person": item.person_id, "thresholds": item.check.codes},
        )
        events.append(event)
    _notify_coordinators(
        viewer.organisation,
        _("Drempel stelselmatige observatie overschreden bij het registreren van een signaal."),
        reverse("signalregister:guard_report"),
    )
    return events


def _own_event(viewer: Viewer, event_id: int) -> GuardEvent:
    try:
        return (
            GuardEvent.objects.for_viewer(viewer)
            .select_for_update()
            .get(pk=event_id, organisation=viewer.organisation, member=viewer.membership)
        )
    except GuardEvent.DoesNotExist:
        raise PermissionDenied from None


@transaction.atomic
def prosecutor_order_create(
    *,
    viewer: Viewer,
    person: Any,
    reference: str,
    issued_on: dt.date,
    scope: str,
    valid_until: dt.date | None = None,
    guard_event_id: int | None = None,
) -> ProsecutorOrder:
    """Police only: an order of the public prosecutor covering systematic observation."""
    _require_write(viewer)
    if viewer.partner_type != PartnerType.POLICE:
        raise PermissionDenied
    _same_network(viewer, person)
    order = ProsecutorOrder(
        network=viewer.network,
        organisation=viewer.organisation,
        person=person,
        reference=reference.strip(),
        issued_on=issued_on,
        valid_until=valid_until,
        scope=scope.strip(),
        recorded_by=viewer.membership,
    )
    problems = guard.engine_order(order).problems_nl(timezone.localdate())  # type: ignore[union-attr]
    if problems:
        raise ValidationError(problems)
    order.full_clean()
    order.save()
    if guard_event_id:
        event = _own_event(viewer, guard_event_id)
        event.outcome = GuardEvent.Outcome.ORDER
        event.order = order
        event.save()
    record_event(event="signal.prosecutor_order_recorded", obj=order, actor=viewer.user)
    return order


@transaction.atomic
def guard_stop(*, viewer: Viewer, guard_event_id: int) -> GuardEvent:
    event = _own_event(viewer, guard_event_id)
    event.outcome = GuardEvent.Outcome.STOPPED
    event.save()
    record_event(event="signal.guard_stopped", obj=event, actor=viewer.user)
    return event


@transaction.atomic
def guard_handover(
    *, viewer: Viewer, guard_event_id: int, to: Organisation, note: str
) -> GuardEvent:
    """A partner without the power hands the information to one that has it (a note, no signal)."""
    event = _own_event(viewer, guard_event_id)
    if to.network_id != viewer.network.pk or to.pk == viewer.organisation.pk:
        raise ValidationError(_("Kies een andere partner in dit netwerk."))
    if not guard.may_receive_handover(to):
        raise ValidationError(
            _(
                "%(org)s heeft niet de wettelijke bevoegdheid om strafrechtelijke gegevens te "
                "verwerken. Kies een partner die die bevoegdheid wel heeft."
            )
            % {"org": to.name}
        )
    if not note.strip():
        raise ValidationError({"note": _("Schrijf kort op wat u doorgeeft.")})
    event.outcome = GuardEvent.Outcome.HANDOVER
    event.handover_to = to
    event.handover_note = note.strip()
    event.full_clean()
    event.save()
    _notify_coordinators(
        to,
        _("%(org)s heeft informatie over een persoon aan uw organisatie doorgegeven.")
        % {"org": viewer.organisation.name},
        reverse("signalregister:handovers"),
    )
    record_event(event="signal.guard_handover", obj=event, actor=viewer.user, details={"to": to.pk})
    return event
