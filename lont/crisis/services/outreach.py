"""Outreach to influencers and credible messengers from the social map (C2, guide: "Betrek
verschillende netwerkpartners …"): who of which partner asked which contact what, when and how,
and — later — what came of it. The incident log names the kind of contact, never the person: the
log is append-only and outlives the contact."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.core import guards
from lont.core.viewer import Viewer

from ..choices import LogKind, OutreachOutcome
from ..models import Incident, Outreach
from ._common import _log, _require_open, _save


def outreach_add(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> Outreach:
    """Record that the viewer's partner reached out to a contact. The contact must be one the
    viewer reads in full (a name and a number to call); the group, if given, one of the
    incident's."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    contact = data["contact"]
    guards.require_same_network(viewer, contact)
    guards.require_full(viewer, contact)
    group = data.get("group")
    if group is not None and not _names_group(incident, group.pk):
        raise ValidationError({"group": _("Kies een groep van dit incident.")})
    with transaction.atomic():
        outreach = Outreach(
            network=incident.network,
            organisation=viewer.organisation,
            incident=incident,
            contact=contact,
            group=group,
            by=viewer.user,
            at=data.get("at") or timezone.now(),
            channel=data["channel"],
            ask=data["ask"],
        )
        _apply_outcome(outreach, data)
        _save(outreach)
        _log(
            viewer,
            incident,
            LogKind.OUTREACH,
            _("%(partner)s benaderde een contact (%(kind)s) via %(channel)s: %(outcome)s.")
            % {
                "partner": viewer.organisation.name,
                "kind": contact.get_kind_display().lower(),
                "channel": outreach.get_channel_display().lower(),
                "outcome": outreach.get_outcome_display().lower(),
            },
        )
    return outreach


def outreach_outcome(*, viewer: Viewer, outreach: Outreach, data: dict[str, Any]) -> Outreach:
    """The outcome, recorded later by the partner that reached out."""
    guards.require_full(viewer, outreach)
    if outreach.organisation_id != viewer.organisation.pk:
        raise PermissionDenied(
            _("Alleen de partner die het contact benaderde legt de uitkomst vast.")
        )
    _require_open(outreach.incident)
    with transaction.atomic():
        _apply_outcome(outreach, data)
        _save(outreach)
        _log(
            viewer,
            outreach.incident,
            LogKind.OUTREACH,
            _("Uitkomst van een benadering door %(partner)s: %(outcome)s.")
            % {
                "partner": viewer.organisation.name,
                "outcome": outreach.get_outcome_display().lower(),
            },
        )
    return outreach


def _names_group(incident: Incident, group_id: int) -> bool:
    """Is the group one of the incident's (ids only, through the link table)?"""
    links = Incident.groups.through.objects.filter(incident_id=incident.pk, group_id=group_id)
    return bool(links.exists())


def _apply_outcome(outreach: Outreach, data: dict[str, Any]) -> None:
    outcome = data.get("outcome") or OutreachOutcome.PENDING
    outreach.outcome = outcome
    outreach.outcome_note = data.get("outcome_note", "") or ""
    outreach.outcome_at = None if outcome == OutreachOutcome.PENDING else timezone.now()
