"""The registry of notification event types (X6). Any app registers its own in ``ready()``::

    from lont.notifications import events
    events.register("crisis.incident_opened", label=_("Incident geopend"))
    events.register("crisis.activated", label=_("Crisisaanpak gestart"), may_switch_off=False)

and then sends with ``notification_send(user=…, text=…, url=…, network=…, event="crisis.incident_opened")``.
A member chooses per event type: immediately (in-app and e-mail now), in a daily digest (in-app
now, e-mail once a day) or off. An event type that may not be switched off (level *acuut*) is
always delivered immediately.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EventType:
    code: str
    label: Any  # a lazy translation
    may_switch_off: bool = True


_REGISTRY: dict[str, EventType] = {}


def register(code: str, *, label: Any, may_switch_off: bool = True) -> EventType:
    """Register (or re-register, idempotently) an event type."""
    if not code or len(code) > 40:
        raise ValueError(f"Event code must be 1–40 characters: {code!r}")
    event = EventType(code=code, label=label, may_switch_off=may_switch_off)
    _REGISTRY[code] = event
    return event


def get(code: str) -> EventType | None:
    return _REGISTRY.get(code)


def event_types() -> list[EventType]:
    """All registered event types, in registration order."""
    return list(_REGISTRY.values())
