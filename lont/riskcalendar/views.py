"""Pages of the risk calendar: month view and list (filters by area, group and kind), windows
and events, the member's calendar feed (the secret address) and the feed itself.

Thin: reads through ``selectors``, writes through ``services``; the feed is built in ``feed``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from lont.core.choices import Access, AccessVia
from lont.core.context import acting
from lont.core.guards import may_change, may_delete, may_write, refused_owner
from lont.core.policies import PUBLIC
from lont.core.related import ACCESS_ATTR, filter_visible, prefetch_visible
from lont.core.viewer import Viewer
from lont.core.views_base import (
    MemberTemplateView,
    MemberView,
    ObjectHistoryView,
    ServiceDeleteView,
    ServiceFormView,
    VisibleDetailView,
    VisibleListView,
)

from . import feed, selectors, services
from .choices import WindowKind
from .forms import DeleteForm, EventForm, GeneratedWindowForm, WindowForm
from .models import CalendarEvent, RiskWindow

MONTHS = (
    gettext_lazy("januari"),
    gettext_lazy("februari"),
    gettext_lazy("maart"),
    gettext_lazy("april"),
    gettext_lazy("mei"),
    gettext_lazy("juni"),
    gettext_lazy("juli"),
    gettext_lazy("augustus"),
    gettext_lazy("september"),
    gettext_lazy("oktober"),
    gettext_lazy("november"),
    gettext_lazy("december"),
)
EVENT_LABELS = {
    "riskcalendar.event_recorded": gettext_lazy("gebeurtenis vastgelegd"),
    "riskcalendar.event_deleted": gettext_lazy("gebeurtenis verwijderd"),
    "riskcalendar.window_deleted": gettext_lazy("venster verwijderd"),
}


def _month(value: str) -> tuple[int, int]:
    """'2027-01' → (2027, 1); anything else: this month."""
    try:
        year, month = (int(part) for part in value.split("-", 1))
        dt.date(year, month, 1)
    except (ValueError, TypeError):
        today = timezone.localdate()
        return today.year, today.month
    if not 1900 <= year <= 2200:
        today = timezone.localdate()
        return today.year, today.month
    return year, month


def _filter_context(viewer: Viewer, filters: selectors.WindowFilters) -> dict[str, Any]:
    return {
        "filters": filters,
        "areas": selectors.area_choices(viewer),
        "groups": selectors.visible_groups(viewer),
        "kinds": WindowKind.choices,
        "can_create": may_write(viewer),
    }


class MonthView(MemberTemplateView):
    """The month at a glance: per day the windows open on it."""

    template_name = "riskcalendar/month.html"
    model = RiskWindow
    shows_personal_data = True
    required_permission = "case.read"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        year, month = _month(self.request.GET.get("maand", ""))
        first = dt.date(year, month, 1)
        weeks_start = first - dt.timedelta(days=first.weekday())
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        weeks_end = last + dt.timedelta(days=6 - last.weekday())
        filters = selectors.parse_filters(self.request.GET)
        rows = filter_visible(
            self.viewer,
            list(selectors.windows(self.viewer, filters, start=weeks_start, end=weeks_end)),
            via=AccessVia.LIST,
            path=self.request.get_full_path(),
        )
        previous = (first - dt.timedelta(days=1)).strftime("%Y-%m")
        following = (last + dt.timedelta(days=1)).strftime("%Y-%m")
        query = filters.query()
        data.update(
            weeks=selectors.month_weeks(year, month, rows),
            month_label=f"{MONTHS[month - 1]} {year}",
            previous=previous,
            following=following,
            windows=[w for w in rows if w.starts_on <= last and w.ends_on >= first],
            today=timezone.localdate(),
            query="&".join(f"{k}={v}" for k, v in query.items()),
            **_filter_context(self.viewer, filters),
        )
        return data


class WindowListView(VisibleListView):
    """Every window the viewer sees, from today on (or all with ?alle=1), filtered."""

    model = RiskWindow
    template_name = "riskcalendar/window_list.html"
    shows_personal_data = True
    required_permission = "case.read"

    def get_queryset(self) -> QuerySet[RiskWindow]:
        filters = selectors.parse_filters(self.request.GET)
        start = None if self.request.GET.get("alle") == "1" else timezone.localdate()
        return selectors.windows(self.viewer, filters, start=start)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        filters = selectors.parse_filters(self.request.GET)
        data.update(
            show_all=self.request.GET.get("alle") == "1",
            today=timezone.localdate(),
            events=filter_visible(
                self.viewer,
                list(selectors.events(self.viewer)[:50]),
                via=AccessVia.LIST,
                path=self.request.get_full_path(),
            ),
            **_filter_context(self.viewer, filters),
        )
        return data


class NamedRowDetailView(VisibleDetailView):
    """A row that names its event or situation: shown at the lowest access over all of them."""

    def get_object(self, queryset: Any = None) -> Any:
        obj = super().get_object(queryset)
        if not filter_visible(self.viewer, [obj]):
            raise Http404
        self.access = min(self.access, getattr(obj, ACCESS_ATTR, self.access))
        return obj


class WindowDetailView(NamedRowDetailView):
    model = RiskWindow
    template_name = "riskcalendar/window_detail.html"
    context_object_name = "window"
    required_permission = "case.read"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        window = self.object
        path = self.request.get_full_path()
        if self.access == Access.FULL:
            prefetch_visible(
                self.viewer, [window], "groups", "people", via=AccessVia.PAGE, path=path
            )
            data["linked_groups"] = list(window.groups.all())
            data["linked_people"] = list(window.people.all())
        data.update(
            is_open=window.is_open(),
            can_change=may_change(self.viewer, window) and may_delete(self.viewer, window),
            can_delete=may_delete(self.viewer, window),
        )
        return data


class WindowCreateView(ServiceFormView):
    form_class = WindowForm
    title = gettext_lazy("Venster toevoegen")
    success_message = gettext_lazy("Het venster staat in de kalender.")
    template_name = "riskcalendar/window_form.html"

    def perform(self, data: dict[str, Any]) -> Any:
        return services.window_create(viewer=self.viewer, **data)

    def cancel_url(self) -> str:
        return reverse("riskcalendar:month")


class WindowUpdateView(ServiceFormView):
    model = RiskWindow
    minimum_access = Access.FULL
    shows_personal_data = True
    title = gettext_lazy("Venster bijwerken")
    success_message = gettext_lazy("De wijzigingen zijn opgeslagen.")
    template_name = "riskcalendar/window_form.html"

    def setup_object(self) -> None:
        super().setup_object()
        if not may_delete(self.viewer, self.object):  # the recording partner or the director
            raise PermissionDenied(refused_owner())

    def form_class(self, **kwargs: Any) -> Any:  # type: ignore[override]
        cls = GeneratedWindowForm if self.object.event_id else WindowForm
        return cls(**kwargs)

    def form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"viewer": self.viewer}
        if self.request.method == "GET":
            w = self.object
            prefetch_visible(self.viewer, [w], "groups")
            kwargs["initial"] = {
                "kind": w.kind,
                "title": w.title,
                "starts_on": w.starts_on,
                "ends_on": w.ends_on,
                "area": w.area,
                "groups": [g.pk for g in w.groups.all()],
                "situation": w.situation_id,
                "flagged": w.flagged,
                "notes": w.notes,
            }
        return kwargs

    def perform(self, data: dict[str, Any]) -> Any:
        groups = data.pop("groups")
        situation = data.pop("situation")
        return services.window_update(
            viewer=self.viewer, window=self.object, groups=groups, situation=situation, **data
        )

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())


class WindowDeleteView(ServiceDeleteView):
    model = RiskWindow
    form_class = DeleteForm

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.window_delete(viewer=self.viewer, window=obj)

    def success_url(self, obj: Any) -> str:
        return reverse("riskcalendar:list")


class WindowHistoryView(ObjectHistoryView):
    model = RiskWindow
    event_labels = EVENT_LABELS


class EventCreateView(ServiceFormView):
    """Record a past incident (or a court date, a release) by hand: its windows follow."""

    form_class = EventForm
    title = gettext_lazy("Gebeurtenis vastleggen")
    success_message = gettext_lazy(
        "De gebeurtenis is vastgelegd; de vensters staan in de kalender."
    )
    template_name = "riskcalendar/event_form.html"

    def perform(self, data: dict[str, Any]) -> Any:
        day = data.pop("occurred_on")
        occurred_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))
        return services.event_record(
            viewer=self.viewer, network=self.viewer.network, occurred_at=occurred_at, **data
        )

    def cancel_url(self) -> str:
        return reverse("riskcalendar:list")


class EventDetailView(NamedRowDetailView):
    model = CalendarEvent
    template_name = "riskcalendar/event_detail.html"
    context_object_name = "event"
    required_permission = "case.read"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        event = self.object
        path = self.request.get_full_path()
        data["windows"] = filter_visible(
            self.viewer,
            list(selectors.windows(self.viewer).filter(event=event)),
            via=AccessVia.PAGE,
            path=path,
        )
        if self.access == Access.FULL:
            prefetch_visible(self.viewer, [event], "groups", via=AccessVia.PAGE, path=path)
            data["linked_groups"] = list(event.groups.all())
        data["can_delete"] = may_delete(self.viewer, event)
        return data


class EventDeleteView(ServiceDeleteView):
    model = CalendarEvent
    form_class = DeleteForm

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.event_delete(viewer=self.viewer, event=obj)

    def success_url(self, obj: Any) -> str:
        return reverse("riskcalendar:list")


class FeedSettingsView(MemberView):
    """The member's own calendar address: make one (shown once), replace it or revoke it."""

    required_permission = "case.read"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.page(request)

    def page(self, request: HttpRequest, raw: str = "") -> HttpResponse:
        context = {
            "feed": selectors.active_feed(self.viewer),
            "feed_url": request.build_absolute_uri(reverse("riskcalendar:feed", args=[raw]))
            if raw
            else "",
        }
        return render(request, "riskcalendar/feed_settings.html", context)

    def post(self, request: HttpRequest) -> HttpResponse:
        if request.POST.get("action") == "intrekken":
            current = selectors.active_feed(self.viewer)
            if current is not None:
                services.feed_revoke(viewer=self.viewer, feed=current)
            messages.success(request, _("Het agenda-adres is ingetrokken; het werkt niet meer."))
            return redirect("riskcalendar:feed_settings")
        _feed, raw = services.feed_create(viewer=self.viewer)
        return self.page(request, raw)


class FeedView(View):
    """The iCalendar feed at its secret address (no session: calendar apps cannot sign in).
    Unknown, replaced or revoked address, or an ended membership: 404. Reads are access-logged
    as an export of the member who owns the address."""

    lont_policy = PUBLIC
    is_export = True

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = services.feed_by_token(token)
        if subscription is None:
            raise Http404
        viewer = Viewer(subscription.membership)
        language = subscription.membership.user.preferred_language or "nl"
        with (
            translation.override(language),
            acting(
                user=viewer.user,
                network=viewer.network,
                via="feed",
                request_id=getattr(request, "request_id", None),
            ),
        ):
            body = feed.build(viewer)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="lont.ics"'
        response["Cache-Control"] = "private, no-store"
        return response
