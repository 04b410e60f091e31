"""Overview, phase pages, health and the network switcher."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import overview
from .middleware import SESSION_NETWORK_KEY
from .phases import PHASES
from .policies import MEMBER, PUBLIC, policy
from .scoping import system_context
from .views_base import MemberTemplateView


class HomeView(MemberTemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        # "overview" and "my_access" come from the networks app (registered in its ready).
        data.update(overview.context_for(self.viewer))
        data["phases"] = PHASES
        return data


class PhaseView(MemberTemplateView):
    template_name = "core/phase.html"
    phase: str = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["phase"] = PHASES[self.phase]
        return data


@policy(PUBLIC)
def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@policy(MEMBER)
@require_POST
def switch_network(request: HttpRequest) -> HttpResponse:
    wanted = request.POST.get("network", "")
    memberships = request.user.memberships.filter(is_active=True)  # type: ignore[union-attr]
    with system_context("the signed-in user's own memberships, to switch network"):
        allowed = wanted.isdigit() and memberships.filter(network_id=int(wanted)).exists()
    if allowed:
        request.session[SESSION_NETWORK_KEY] = int(wanted)
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)
