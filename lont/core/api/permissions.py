from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request


def viewer_of(request: Request) -> Any:
    return getattr(request._request, "viewer", None)


class IsNetworkMember(BasePermission):
    """Authenticated (token or verified session) with an active membership; the view's
    ``required_permission`` (and ``write_permission`` for unsafe methods) checked centrally."""

    message = "Geen toegang."

    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        viewer = viewer_of(request)
        if viewer is None:
            return False
        permission = getattr(view, "required_permission", None)
        if permission and not viewer.can(permission):
            return False
        if request.method not in SAFE_METHODS:
            write = getattr(view, "write_permission", None)
            return bool(write) and viewer.can(write)
        return True
