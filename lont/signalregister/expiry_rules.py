"""What the expiry of a person (principle 9, ``lont.subjects.expiry``) does with the signal
register's links to them. Registered from ``apps.ready``."""

from __future__ import annotations

from typing import Any

from lont.subjects import expiry


def register() -> None:
    # A signal keeps its people's roles with the person emptied: "an expired person, possible
    # perpetrator" still tells the case meeting what the signal was about, and nothing about who.
    expiry.register("signalregister.SignalPerson", "person", expiry.PLACEHOLDER)
    expiry.register("signalregister.SignalRequest", "requester_person", expiry.PLACEHOLDER)
    expiry.register("signalregister.SignalRequest", "target_person", expiry.PLACEHOLDER)
    expiry.register("signalregister.Signal", "drill_target_person", expiry.PLACEHOLDER)
    # An order exists only for the person; the FG's count of guard crossings stays, without the
    # person and without the handover note (free text about them).
    expiry.register("signalregister.ProsecutorOrder", "person", expiry.DELETE)
    expiry.register(
        "signalregister.GuardEvent", "person", expiry.PLACEHOLDER, also_clear=("handover_note",)
    )
    expiry.register_hook("notifications", _forget_in_notifications)


def _forget_in_notifications(person: Any) -> int:
    from lont.notifications.expiry import notifications_forget_person

    return notifications_forget_person(
        network_id=person.network_id, alias=person.alias, url_prefix=person.get_absolute_url()
    )
