"""Case meetings and action due dates in a member's iCalendar feed (``lont.riskcalendar.feed``,
registered in ``apps.ready``): only what the member sees, at their access level."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from lont.core.choices import Access, AccessVia
from lont.core.related import filter_visible
from lont.core.viewer import Viewer
from lont.core.visibility import effective_access, visible
from lont.riskcalendar.feed import FeedItem

from .choices import ActionStatus
from .models import Action, CaseMeeting


def meeting_items(viewer: Viewer, start: dt.date, end: dt.date) -> list[FeedItem]:
    rows = visible(viewer, CaseMeeting.objects.filter(date__gte=start, date__lte=end))
    return [
        FeedItem(
            uid=f"meeting-{m.pk}",
            start=m.date,
            end=m.date,
            summary=_("Casusoverleg"),
            url=m.get_absolute_url(),
        )
        for m in filter_visible(viewer, list(rows.order_by("date", "pk")), via=AccessVia.EXPORT)
    ]


def action_items(viewer: Viewer, start: dt.date, end: dt.date) -> list[FeedItem]:
    rows = visible(
        viewer,
        Action.objects.filter(
            due_date__gte=start, due_date__lte=end, status=ActionStatus.OPEN
        ).select_related("organisation", "item"),
    )
    out = []
    for action in filter_visible(
        viewer, list(rows.order_by("due_date", "pk")), via=AccessVia.EXPORT
    ):
        summary = _("Actie van %(partner)s uiterlijk vandaag") % {
            "partner": action.organisation.name
        }
        if effective_access(viewer, action) == Access.FULL:
            summary = f"{summary}: {action.description[:120]}"
        out.append(
            FeedItem(
                uid=f"action-{action.pk}",
                start=action.due_date,
                end=action.due_date,
                summary=summary,
                url=reverse("assessment:actions"),
            )
        )
    return out
