"""Retention's writes: the nightly purge, and setting and ending legal holds (audited)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core import visibility
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.choices import Role
from lont.networks.models import Network

from . import holds, purge
from .models import LegalHold, PurgeRun
from .rules import purging_rules

logger = logging.getLogger(__name__)

# Who manages retention: the privacy officer supervises it, the director answers for the network.
MANAGERS = frozenset({Role.PRIVACY_OFFICER, Role.DIRECTOR})


def can_manage(viewer: Viewer) -> bool:
    return viewer.role in MANAGERS


def _require_manager(viewer: Viewer) -> None:
    if not can_manage(viewer):
        raise PermissionDenied


def purge_network(network: Network, today: dt.date) -> PurgeRun:
    """Purge every registered model's expired rows in one network and record the counts."""
    started = timezone.now()
    covenant = network.active_covenant()
    counts: purge.Counts = Counter()
    failures: list[dict[str, Any]] = []
    if covenant is not None:
        held = holds.held_keys(network, today)
        days = {str(k): int(v) for k, v in (covenant.retention_days or {}).items() if v}
        for rule in purging_rules():
            purge.purge_rule(
                rule,
                network_id=network.pk,
                retention_days=days,
                today=today,
                held=held.get(rule.label, set()),
                counts=counts,
                failures=failures,
            )
    run = PurgeRun.objects.create(
        network=network,
        started_at=started,
        finished_at=timezone.now(),
        counts=purge.nest(counts),
        failures=failures,
    )
    record_event(
        event="retention.purged",
        obj=run,
        network=network,
        details={"counts": run.counts, "failed": len(failures)},
    )
    logger.info("retention in network #%s: %s", network.pk, run.counts)
    return run


def purge_expired(today: dt.date | None = None) -> list[PurgeRun]:
    """The nightly job: every network, every registered model (rules in ``declarations``)."""
    today = today or timezone.localdate()
    return [purge_network(network, today) for network in Network.objects.order_by("pk")]


def _target(viewer: Viewer, label: str, object_id: int) -> models.Model:
    try:
        model = next(m for m in visibility.registered_models() if m._meta.label == label)
    except StopIteration:
        raise ValidationError(_("Onbekende soort gegevens.")) from None
    reg = visibility.registration_for(model)
    # The privacy officer names a record by number without reading it (no case content): a
    # visible system read, limited to the viewer's network.
    with system_context("legal hold: the record named by number, in the viewer's network"):
        target = model._base_manager.filter(pk=object_id, **{reg.network_field: viewer.network.pk})
        found = target.first()
    if found is None:
        raise ValidationError(_("Dit nummer bestaat niet in uw netwerk."))
    return found


@transaction.atomic
def legal_hold_set(
    *, viewer: Viewer, label: str, object_id: int, reason: str, ends_on: dt.date
) -> LegalHold:
    _require_manager(viewer)
    if not reason.strip():
        raise ValidationError(_("Geef de reden van de bewaarplicht."))
    if ends_on < timezone.localdate():
        raise ValidationError(_("De einddatum ligt in het verleden."))
    target = _target(viewer, label, object_id)
    hold = LegalHold.objects.create(
        network=viewer.network,
        content_type=ContentType.objects.get_for_model(type(target)),
        object_id=target.pk,
        reason=reason.strip(),
        ends_on=ends_on,
        set_by=viewer.membership,
    )
    record_event(
        event="retention.hold_set",
        obj=hold,
        actor=viewer.user,
        reason=hold.reason,
        details={"model": label, "id": target.pk, "ends_on": ends_on.isoformat()},
    )
    return hold


@transaction.atomic
def legal_hold_end(*, viewer: Viewer, hold: LegalHold, reason: str = "") -> LegalHold:
    _require_manager(viewer)
    if hold.network_id != viewer.network.pk:
        raise PermissionDenied
    if hold.ended_at is not None:
        raise ValidationError(_("Deze bewaarplicht is al beëindigd."))
    hold.ended_at = timezone.now()
    hold.ended_by = viewer.membership
    hold.save(update_fields=["ended_at", "ended_by"])
    record_event(event="retention.hold_ended", obj=hold, actor=viewer.user, reason=reason)
    return hold
