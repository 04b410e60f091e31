"""Helpers shared by the incident room's services: saving, the closed check, the log line and
the notices."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access
from lont.networks.models import Membership
from lont.notifications.services import notifications_send

from ..choices import (
    IncidentState,
)
from ..models import (
    Incident,
    IncidentLogEntry,
)


def _save(obj: Any) -> None:
    obj.full_clean()
    obj.save()


def _require_open(incident: Incident) -> None:
    if incident.state == IncidentState.CLOSED:
        raise ValidationError(_("Dit incident is gesloten; er kan niets meer bij."))


def _log(
    viewer: Viewer, incident: Incident, kind: str, text: str, **extra: Any
) -> IncidentLogEntry:
    entry = IncidentLogEntry(
        network=incident.network,
        organisation=viewer.organisation,
        incident=incident,
        author=viewer.user,
        kind=kind,
        text=text,
        **extra,
    )
    _save(entry)
    return entry


def _notify(viewer: Viewer, incident: Incident, template: str, event: str) -> None:
    """Tell every member who may see the incident (at least as a summary), except the actor.
    The text names the incident by its title — a summary field — never by number or content."""
    url = reverse("crisis:detail", args=[incident.pk])
    with system_context("notify the members who may see the incident"):
        memberships = list(
            Membership.objects.filter(network_id=incident.network_id, is_active=True)
            .exclude(user_id=viewer.user.pk)
            .select_related("organisation", "network", "user")
        )
    text = template % {"title": incident.title}
    # One write for all (with one preference lookup), as the notification service offers.
    notifications_send(
        recipients=[
            (membership.user, text)
            for membership in memberships
            if access_for(Viewer(membership), incident) >= Access.SUMMARY
        ],
        url=url,
        network=incident.network,
        event=event,
    )
