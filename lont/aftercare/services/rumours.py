"""A4 writes: the rumour register, reach over time, debunks and prebunks."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core.viewer import Viewer

from ..choices import DebunkStatus, RumourStatus
from ..debunk import check_debunk
from ..models import Debunk, Prebunk, Rumour, RumourReach
from ._common import require_full, require_visible, require_write, save


def rumour_create(*, viewer: Viewer, data: dict[str, Any]) -> Rumour:
    require_write(viewer)
    situation = data.get("situation")
    require_visible(viewer, situation)
    with transaction.atomic():
        rumour = Rumour(
            network=viewer.network,
            organisation=viewer.organisation,
            situation=situation,
            claim=data["claim"],
            where=data["where"],
        )
        save(rumour)
        record_event(event="aftercare.rumour_created", obj=rumour, actor=viewer.user)
    return rumour


def rumour_update(*, viewer: Viewer, rumour: Rumour, status: str) -> Rumour:
    require_full(viewer, rumour)
    if status not in RumourStatus.values:
        raise ValidationError({"status": _("Onbekende status.")})
    with transaction.atomic():
        rumour.status = status
        save(rumour)
    return rumour


def reach_add(*, viewer: Viewer, rumour: Rumour, data: dict[str, Any]) -> RumourReach:
    require_full(viewer, rumour)
    with transaction.atomic():
        row = RumourReach(
            network=viewer.network,
            organisation=viewer.organisation,
            rumour=rumour,
            observed_on=data["observed_on"],
            reach=data["reach"],
        )
        save(row)
    return row


def debunk_save(
    *, viewer: Viewer, rumour: Rumour, data: dict[str, Any], debunk: Debunk | None = None
) -> Debunk:
    """Create or rewrite a draft. Marking it ready requires every rule check to pass."""
    require_full(viewer, rumour)
    if debunk is not None:
        require_full(viewer, debunk)
    messenger = data.get("messenger")
    require_visible(viewer, messenger)
    status = data.get("status") or DebunkStatus.DRAFT
    if status != DebunkStatus.DRAFT:
        failing = [
            r
            for r in check_debunk(
                claim=rumour.claim,
                facts=data["facts"],
                text=data["text"],
                audience=data.get("audience", ""),
                has_messenger=messenger is not None,
            )
            if not r.ok
        ]
        if failing:
            raise ValidationError(
                {
                    "status": _("Nog niet klaar: %(rules)s")
                    % {"rules": " ".join(r.message for r in failing)}
                }
            )
    with transaction.atomic():
        row = debunk or Debunk(
            network=viewer.network, organisation=viewer.organisation, rumour=rumour
        )
        row.facts = data["facts"]
        row.text = data["text"]
        row.audience = data.get("audience", "")
        row.messenger = messenger
        row.status = status
        save(row)
        record_event(
            event="aftercare.debunk_saved", obj=row, actor=viewer.user, details={"status": status}
        )
    return row


def prebunk_save(*, viewer: Viewer, data: dict[str, Any]) -> Prebunk:
    require_write(viewer)
    with transaction.atomic():
        row = Prebunk(
            network=viewer.network,
            organisation=viewer.organisation,
            title=data["title"],
            technique=data["technique"],
            text=data["text"],
            audience=data.get("audience", ""),
        )
        save(row)
    return row
