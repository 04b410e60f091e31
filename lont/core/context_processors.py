from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .scoping import system_context


def viewer(request: HttpRequest) -> dict[str, Any]:
    current = getattr(request, "viewer", None)
    memberships = []
    if current is not None:
        with system_context("the signed-in user's own memberships, for the network switcher"):
            memberships = list(
                current.user.memberships.filter(is_active=True)
                .select_related("network")
                .order_by("network__name")
            )
    return {
        "viewer": current,
        "viewer_memberships": memberships,
        "demo_mode": settings.DEMO_MODE,
    }
