"""Access policies every view declares. The middleware refuses a view that declares none.

- ``public``: anyone (login, health, static);
- ``login``: signed in, second factor not yet given (the two-factor pages, logout);
- ``member``: signed in with the second factor and an active membership (the default for pages);
- ``api``: a DRF view; authentication and permissions are DRF's (token or verified session);
- ``staff``: the technical Django admin (staff user with a verified second factor).

A view may also declare ``required_permission`` (checked with ``Viewer.can``) and
``shows_personal_data`` (the URL test then checks that reading it writes the access log).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

PUBLIC, LOGIN, MEMBER, API, STAFF = "public", "login", "member", "api", "staff"
POLICIES = frozenset({PUBLIC, LOGIN, MEMBER, API, STAFF})

F = TypeVar("F", bound=Callable[..., Any])


def policy(
    name: str, *, permission: str | None = None, personal_data: bool = False
) -> Callable[[F], F]:
    if name not in POLICIES:
        raise ValueError(name)

    def decorate(view: F) -> F:
        view.lont_policy = name  # type: ignore[attr-defined]
        view.required_permission = permission  # type: ignore[attr-defined]
        view.shows_personal_data = personal_data  # type: ignore[attr-defined]
        return view

    return decorate


def policy_of(view_func: Any) -> tuple[str | None, str | None, bool]:
    """(policy, permission, shows personal data) of a resolved view function or class."""
    for holder in (
        view_func,
        getattr(view_func, "view_class", None),
        getattr(view_func, "cls", None),
    ):
        if holder is not None and getattr(holder, "lont_policy", None):
            return (
                holder.lont_policy,
                getattr(holder, "required_permission", None),
                bool(getattr(holder, "shows_personal_data", False)),
            )
    if getattr(view_func, "model_admin", None) is not None or getattr(
        view_func, "admin_site", None
    ):
        return STAFF, None, False
    module = getattr(view_func, "__module__", "") or ""
    if module.startswith(("django.contrib.admin", "django.contrib.staticfiles")):
        return STAFF if "admin" in module else PUBLIC, None, False
    return None, None, False


def may_open(viewer: Any, url_name: str, *args: Any) -> bool:
    """Whether the page's declared policy lets this viewer in: a link is shown only when it
    opens (the crawler test holds every shown link to a 200). Checks what the middleware checks
    before the view runs (a view may still refuse a particular object)."""
    from django.urls import resolve, reverse

    path = url_name if url_name.startswith("/") else reverse(url_name, args=args)
    name, permission, _ = policy_of(resolve(path.split("?")[0]).func)
    if name in (PUBLIC, LOGIN, API):
        return True
    if name == STAFF:
        return bool(getattr(getattr(viewer, "user", None), "is_staff", False))
    if viewer is None:
        return False
    return permission is None or bool(viewer.can(permission))
