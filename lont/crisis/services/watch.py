"""People and their roles (C3), the escalation watch (C4), de-escalation tactics (C5)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lont.core import guards
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access

from .. import guide
from ..choices import (
    LogKind,
)
from ..models import (
    EscalationReading,
    Incident,
    IncidentPerson,
    TacticCheck,
)
from ._common import _log, _require_open, _save

# Who is violent, and why (C3) -------------------------------------------------------------------


def person_add(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> IncidentPerson:
    guards.require_full(viewer, incident)
    _require_open(incident)
    person = data["person"]
    guards.require_same_network(viewer, person)
    if access_for(viewer, person) < Access.SUMMARY:
        raise PermissionDenied(guards.refused_network())
    with transaction.atomic():
        with system_context("a person is named once per incident, whoever named them"):
            if IncidentPerson.objects.filter(incident=incident, person=person).exists():
                raise ValidationError({"person": _("Deze persoon staat al bij dit incident.")})
        row = IncidentPerson(
            network=incident.network,
            organisation=viewer.organisation,
            incident=incident,
            person=person,
            role_type=data["role_type"],
            motive=data.get("motive", ""),
        )
        _save(row)
        _log(
            viewer,
            incident,
            LogKind.NOTE,
            _("Betrokkene vastgelegd als %(role)s.") % {"role": row.get_role_type_display()},
        )
    return row


# Escalation watch (C4) --------------------------------------------------------------------------


def reading_add(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> EscalationReading:
    """A reading: the conflict stage, a reasoned reading of a video on the non-verbal indicators,
    provocation signs. Indicators alone are not a reading: the text is required."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    known_nonverbal = {i.code for i in guide.indicators("nonverbal")}
    known_provocation = {i.code for i in guide.indicators("provocation")}
    nonverbal = [c for c in data.get("nonverbal", []) if c in known_nonverbal]
    provocation = [c for c in data.get("provocation", []) if c in known_provocation]
    reading = str(data.get("reading", "")).strip()
    if not reading:
        raise ValidationError(
            {"reading": _("Schrijf uw duiding: wat ziet u, en wat betekent het? Geen score.")}
        )
    if nonverbal and not data.get("spontaneity"):
        raise ValidationError(
            {"spontaneity": _("Geef aan of het gedrag in de video spontaan lijkt of geënsceneerd.")}
        )
    with transaction.atomic():
        row = EscalationReading(
            network=incident.network,
            organisation=viewer.organisation,
            incident=incident,
            stage=data.get("stage") or None,
            spontaneity=data.get("spontaneity", ""),
            nonverbal=nonverbal,
            provocation=provocation,
            reading=reading,
        )
        _save(row)
        text = _("Escalatiewacht bijgewerkt.")
        if row.stage:
            text = _("Stadium van het conflict: %(stage)s.") % {"stage": row.get_stage_display()}
        if provocation:
            text += " " + str(guide.PROVOCATION_ADVICE)
        _log(viewer, incident, LogKind.NOTE, text)
    return row


# De-escalation (C5) -----------------------------------------------------------------------------


def tactic_check(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> TacticCheck:
    guards.require_full(viewer, incident)
    _require_open(incident)
    if data.get("tactic") not in guide.tactic_codes():
        raise ValidationError({"tactic": _("Kies een tactiek uit de handreiking.")})
    with transaction.atomic():
        row = TacticCheck(
            network=incident.network,
            organisation=viewer.organisation,
            incident=incident,
            tactic=data["tactic"],
            note=data.get("note", ""),
        )
        _save(row)
        _log(
            viewer,
            incident,
            LogKind.NOTE,
            _("%(partner)s paste toe: %(tactic)s")
            % {"partner": viewer.organisation.name, "tactic": guide.tactic_label(row.tactic)},
        )
    return row
