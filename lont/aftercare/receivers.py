"""What aftercare does when the incident room moves an incident into *nazorg*."""

from __future__ import annotations

from typing import Any


def incident_entered_aftercare(sender: Any, *, incident: Any, **kwargs: Any) -> None:
    from .services import plan_open_for_incident

    plan_open_for_incident(incident=incident)


def connect() -> None:
    from lont.crisis.events import incident_entered_aftercare as signal

    signal.connect(incident_entered_aftercare, dispatch_uid="aftercare.incident_entered")
