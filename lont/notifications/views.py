"""The inbox: the viewer's own notifications, newest first; one button marks them read."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from lont.core.views_base import MemberTemplateView

from . import selectors, services


class NotificationListView(MemberTemplateView):
    template_name = "notifications/inbox.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["rows"] = list(selectors.notifications(self.viewer)[:100])
        return data

    def post(self, request: HttpRequest) -> HttpResponse:
        for note in selectors.notifications(self.viewer).filter(read_at__isnull=True):
            services.notification_mark_read(user=request.user, notification=note)
        return redirect(reverse("notifications:inbox"))
