"""Signals other apps listen to. ``incident_entered_aftercare`` is sent once the transaction that
moved an incident into *nazorg* commits, with ``incident=`` (the aftercare app seeds its plan)."""

from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

from lont.notifications import events as notices

incident_entered_aftercare = Signal()


# The incident's notices (X6): opening and escalation to acuut reach everyone who may see the
# incident and cannot be switched off; the other state changes can go to the daily digest.
OPENED = "crisis.incident_opened"
ESCALATED = "crisis.incident_escalated"
STATE_CHANGED = "crisis.incident_state"


def register_notices() -> None:
    notices.register(OPENED, label=_("Incident geopend"), may_switch_off=False)
    notices.register(ESCALATED, label=_("Incident opgeschaald naar acuut"), may_switch_off=False)
    notices.register(STATE_CHANGED, label=_("Incident actief of afgeschaald"))
