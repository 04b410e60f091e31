"""Re-authentication for sensitive actions (covenant changes, exports)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

SESSION_REAUTH_KEY = "lont_reauth_at"


def mark_reauthenticated(request: HttpRequest) -> None:
    request.session[SESSION_REAUTH_KEY] = time.time()


def recently_authenticated(request: HttpRequest) -> bool:
    at = request.session.get(SESSION_REAUTH_KEY)
    return at is not None and time.time() - float(at) < settings.LONT_REAUTH_SECONDS


def reauth_redirect(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('accounts:reauth')}?{urlencode({'next': request.get_full_path()})}")


class RecentAuthRequiredMixin:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not recently_authenticated(request):
            return reauth_redirect(request)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
