from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .scoping import system_context


def viewer(request: HttpRequest) -> dict[str, Any]:
    current = getattr(request, "viewer", None)
    memberships: list[Any] | None = []
    if current is not None:
        # The middleware that chose the viewer read the same rows (the user's own active
        # memberships, network by name); read here only where no middleware ran.
        memberships = getattr(request, "lont_memberships", None)
    if current is not None and memberships is None:
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
        # app.js refuses to send a form above the server's limit, so nothing typed is lost.
        # (Django's limit counts the form's text, not its files.)
        "max_request_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0,
    }
