"""Helpers shared by the incident room's pages: the two forms both the picture and its steps build
(a row is read with ``core.views_base.fetch_for_page``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from lont.core.visibility import visible
from lont.subjects.models import Group

from .. import selectors
from ..forms import MessageForm, OutreachForm
from ..models import Incident


def message_form(incident: Incident) -> MessageForm:
    """The draft is checked by the analyser as it is typed (htmx posts the form to the check)."""
    form = MessageForm(auto_id="message_%s")
    form.fields["text"].widget.attrs.update(
        {
            "hx-post": reverse("crisis:check", args=[incident.pk]),
            "hx-trigger": "input changed delay:400ms",
            "hx-target": "#message-check",
            "hx-swap": "innerHTML",
        }
    )
    return form


def outreach_form(viewer: Any, incident: Incident, data: Any = None) -> OutreachForm:
    """Contacts the viewer reads in full (a name to call, typed to choose), groups of this
    incident it may see (a select: they are the incident's few)."""
    groups = visible(viewer, Group.objects.filter(incidents=incident)).order_by("name", "pk")
    return OutreachForm(
        data=data,
        contacts=selectors.contacts_to_reach(viewer),
        groups=groups,
        auto_id="outreach_%s",
    )
