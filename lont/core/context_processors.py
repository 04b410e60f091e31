from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def viewer(request: HttpRequest) -> dict[str, Any]:
    current = getattr(request, "viewer", None)
    memberships = []
    if current is not None:
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
