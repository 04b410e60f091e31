"""The inbox (the viewer's own notifications, newest first; one button marks them read) and the
member's preferences per event type."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from lont.core.views_base import MemberTemplateView

from . import events, selectors, services
from .choices import Delivery


class NotificationListView(MemberTemplateView):
    template_name = "notifications/inbox.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["rows"] = list(selectors.notifications(self.viewer)[:100])
        return data

    def post(self, request: HttpRequest) -> HttpResponse:
        services.notifications_mark_all_read(
            user=request.user,
            rows=selectors.notifications(self.viewer).filter(read_at__isnull=True),
        )
        return redirect(reverse("notifications:inbox"))


class UnreadCountView(MemberTemplateView):
    """The header's unread count, loaded by htmx after the page (so no page pays its query)."""

    template_name = "notifications/_unread.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["count"] = selectors.unread_count(self.viewer)
        return data


class PreferencesView(MemberTemplateView):
    """Per event type: immediately, daily digest or off (level *acuut* cannot be switched off)."""

    template_name = "notifications/preferences.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["rows"] = [
            {**row, "name": f"event-{row['event'].code}"}
            for row in selectors.preference_rows(self.viewer)
        ]
        data["choices"] = Delivery.choices
        # Where e-mail goes in this installation (the demo: the console of the worker process).
        data["email_backend"] = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
        return data

    def post(self, request: HttpRequest) -> HttpResponse:
        choices = {
            kind.code: request.POST.get(f"event-{kind.code}", "")
            for kind in events.event_types()
            if f"event-{kind.code}" in request.POST
        }
        try:
            services.preferences_set(user=request.user, choices=choices)
        except ValidationError:
            messages.error(request, _("Kies per soort melding direct, dagelijks overzicht of uit."))
            return render(request, self.template_name, self.get_context_data(), status=400)
        messages.success(request, _("Uw meldingsvoorkeuren zijn opgeslagen."))
        return redirect(reverse("notifications:preferences"))
