"""Incidents: open, picture, plan, transitions, level, log (C1)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core import guards
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access
from lont.riskcalendar.choices import EventKind
from lont.riskcalendar.services import event_record

from .. import events
from ..choices import (
    OPENING_LEVELS,
    TRANSITIONS,
    ActChoice,
    IncidentLevel,
    IncidentOrigin,
    IncidentState,
    LogKind,
)
from ..events import ESCALATED, OPENED, STATE_CHANGED
from ..models import (
    CHECKLIST,
    DIMENSIONS,
    Incident,
    IncidentLogEntry,
    label,
)
from ._common import _log, _notify, _require_open, _save

# Incidents -------------------------------------------------------------------------------------


def incident_open(
    *,
    viewer: Viewer,
    data: dict[str, Any],
    situation: Any = None,
    signal: Any = None,
) -> Incident:
    """Open an incident from a situation at *hoog*/*acuut*, from a signal, or by hand."""
    guards.require_write(viewer)
    guards.require_same_network(viewer, situation, signal)
    origin = IncidentOrigin.MANUAL
    if situation is not None:
        if access_for(viewer, situation) < Access.SUMMARY:
            raise PermissionDenied(guards.refused_network())
        if situation.level not in OPENING_LEVELS:
            raise ValidationError(
                _("Een incident opent u vanuit een situatie op niveau hoog of acuut.")
            )
        origin = IncidentOrigin.SITUATION
    elif signal is not None:
        if access_for(viewer, signal) < Access.SUMMARY:
            raise PermissionDenied(guards.refused_network())
        origin = IncidentOrigin.SIGNAL
    level = data.get("level") or (
        situation.level if situation is not None and situation.level in OPENING_LEVELS else "hoog"
    )
    with transaction.atomic():
        incident = Incident(
            network=viewer.network,
            organisation=viewer.organisation,
            title=data["title"],
            description=data.get("description", ""),
            level=level,
            origin=origin,
            situation=situation,
            signal=signal,
            occurred_at=data.get("occurred_at"),
            location=data.get("location", ""),
            call_text=data.get("call_text", ""),
        )
        _save(incident)
        groups = list(data.get("groups") or [])
        if situation is not None and not groups:
            groups = list(situation.groups.for_viewer(viewer))
        guards.require_same_network(viewer, *groups)
        if groups:
            with system_context("the service sets the links it writes"):
                incident.groups.set(groups)
        _log(
            viewer,
            incident,
            LogKind.STATE,
            data.get("reason") or _("Incident geopend."),
            to_state=IncidentState.REPORTED,
        )
        record_event(event="incident.opened", obj=incident, actor=viewer.user)
        transaction.on_commit(
            lambda: _notify(viewer, incident, _("Incident geopend: %(title)s"), OPENED)
        )
    return incident


def incident_update(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> Incident:
    """The picture: title, description, time, place, the call; the information checklist
    (point 1), immediate action and extra people (point 2), the legal bounds (point 3)."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    fields = [
        "title",
        "description",
        "occurred_at",
        "location",
        "call_text",
        *CHECKLIST,
        *(f"{name}_note" for name in CHECKLIST),
        "immediate",
        "immediate_note",
        "legal_check",
        "partners_as_targets",
    ]
    with transaction.atomic():
        changed = [
            name for name in fields if name in data and getattr(incident, name) != data[name]
        ]
        for name in changed:
            setattr(incident, name, data[name])
        _save(incident)
        if changed:
            labels = ", ".join(label(n) for n in changed)
            _log(
                viewer,
                incident,
                LogKind.NOTE,
                _("Beeld bijgewerkt: %(fields)s.") % {"fields": labels},
            )
    return incident


def incident_plan(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> Incident:
    """The action plan (point 4): safety first, and on each dimension a–f a choice with its
    reason. Not intervening is a valid choice, recorded like any other. Also the network's line."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    errors: dict[str, str] = {}
    if not data.get("safety_first"):
        errors["safety_first"] = _(
            "Een actieplan begint bij de veiligheid van professionals en burgers: bevestig dat."
        )
    for name in DIMENSIONS:
        if data.get(name) and not str(data.get(f"{name}_reason", "")).strip():
            errors[f"{name}_reason"] = _("Geef de reden van deze keuze.")
    if data.get("line") and not str(data.get("line_reason", "")).strip():
        errors["line_reason"] = _("Geef de reden van de lijn.")
    if errors:
        raise ValidationError(errors)
    names = [
        "safety_first",
        *DIMENSIONS,
        *(f"{name}_reason" for name in DIMENSIONS),
        "mediation_offered",
        "line",
        "line_reason",
    ]
    with transaction.atomic():
        changed = [name for name in names if name in data and getattr(incident, name) != data[name]]
        for name in changed:
            setattr(incident, name, data[name])
        _save(incident)
        chosen = [
            f"{label(name)}: {getattr(incident, f'get_{name}_display')()}"
            for name in DIMENSIONS
            if name in changed and getattr(incident, name)
        ]
        if incident.act == ActChoice.NOTHING and "act" in changed:
            chosen.append(_("bewust niet ingrijpen is vastgelegd als keuze"))
        if changed:
            _log(
                viewer,
                incident,
                LogKind.DECISION,
                _("Actieplan bijgewerkt. %(choices)s")
                % {"choices": "; ".join(chosen) or _("Redenen aangevuld.")},
            )
            record_event(event="incident.plan", obj=incident, actor=viewer.user)
    return incident


def incident_transition(
    *,
    viewer: Viewer,
    incident: Incident,
    to_state: str,
    reason: str,
    spot_evaluation: str = "",
) -> Incident:
    """Move the incident on, with who, when and why in the log. Scaling down asks for the short
    on-the-spot evaluation (point 5), which seeds the aftercare evaluation."""
    guards.require_full(viewer, incident)
    before = incident.state
    if to_state not in TRANSITIONS.get(before, ()):
        raise ValidationError(
            {
                "to_state": _("Van %(from)s kan een incident niet naar %(to)s.")
                % {"from": incident.get_state_display(), "to": to_state}
            }
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Geef aan waarom.")})
    if to_state == IncidentState.SCALED_DOWN:
        spot_evaluation = spot_evaluation.strip() or incident.spot_evaluation
        if not spot_evaluation:
            raise ValidationError(
                {"spot_evaluation": _("Evalueer kort ter plaatse voordat u afschaalt.")}
            )
        incident.spot_evaluation = spot_evaluation
    with transaction.atomic():
        incident.state = to_state
        incident.closed_at = timezone.now() if to_state == IncidentState.CLOSED else None
        _save(incident)
        _log(viewer, incident, LogKind.STATE, reason, from_state=before, to_state=to_state)
        record_event(
            event="incident.state",
            obj=incident,
            actor=viewer.user,
            details={"from": before, "to": to_state},
        )
        if to_state in (IncidentState.SCALED_DOWN, IncidentState.CLOSED):
            _remember_in_calendar(viewer, incident)
        if to_state == IncidentState.AFTERCARE:
            transaction.on_commit(
                lambda: events.incident_entered_aftercare.send(sender=Incident, incident=incident)
            )
        messages_by_state: dict[str, str] = {
            IncidentState.ACTIVE: _("Incident actief: %(title)s"),
            IncidentState.SCALED_DOWN: _("Incident afgeschaald: %(title)s"),
        }
        message = messages_by_state.get(to_state)
        if message is not None:
            transaction.on_commit(lambda: _notify(viewer, incident, message, STATE_CHANGED))
    return incident


def _remember_in_calendar(viewer: Viewer, incident: Incident) -> None:
    """The guide's risk calendar ("Maak als gemeente een kalender"): an incident's anniversaries
    are moments of renewed risk. Recorded once (idempotent by its key) when the incident is
    scaled down or closed — by then its groups, people and situation are known — with only
    what the recording member may see."""
    groups = list(incident.groups.for_viewer(viewer))
    with system_context("the people the incident names, each checked below"):
        named = [row.person for row in incident.people_involved.select_related("person")]
    people = [p for p in named if access_for(viewer, p) >= Access.SUMMARY]
    situation = incident.situation
    if situation is not None and access_for(viewer, situation) < Access.SUMMARY:
        situation = None
    event_record(
        viewer=viewer,
        network=incident.network,
        kind=EventKind.INCIDENT,
        occurred_at=incident.occurred_at or incident.opened_at,
        title=incident.title,
        groups=groups,
        people=people,
        situation=situation,
        source_key=f"crisis.incident:{incident.pk}",
    )


def incident_set_level(*, viewer: Viewer, incident: Incident, level: str, reason: str) -> Incident:
    """Escalate (or lower) the level, with a reason; escalation tells the network."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    if level not in IncidentLevel.values:
        raise ValidationError({"level": _("Kies hoog of acuut.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Geef aan waarom.")})
    before = incident.level
    if level == before:
        return incident
    with transaction.atomic():
        incident.level = level
        _save(incident)
        _log(
            viewer,
            incident,
            LogKind.STATE,
            _("Niveau %(old)s → %(new)s: %(reason)s")
            % {"old": before, "new": level, "reason": reason},
        )
        if level == IncidentLevel.ACUTE:
            transaction.on_commit(
                lambda: _notify(
                    viewer, incident, _("Incident opgeschaald naar acuut: %(title)s"), ESCALATED
                )
            )
    return incident


def log_add(
    *, viewer: Viewer, incident: Incident, text: str, corrects: IncidentLogEntry | None = None
) -> IncidentLogEntry:
    """A line in the log. A correction is a new line that names the one it corrects."""
    guards.require_full(viewer, incident)
    if not text.strip():
        raise ValidationError({"text": _("Schrijf wat er gebeurde.")})
    if corrects is not None and corrects.incident_id != incident.pk:
        raise ValidationError({"corrects": _("Die logregel hoort niet bij dit incident.")})
    with transaction.atomic():
        kind = LogKind.CORRECTION if corrects is not None else LogKind.NOTE
        return _log(viewer, incident, kind, text, corrects=corrects)
