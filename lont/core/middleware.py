"""Request id, security headers, the viewer, and the access policy every view must declare."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from . import context
from .policies import API, LOGIN, MEMBER, PUBLIC, STAFF, policy_of
from .viewer import Viewer, active_memberships

SESSION_NETWORK_KEY = "lont_network_id"
SESSION_VERIFIED_KEY = "lont_2fa_verified"

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = context.new_request_id()  # type: ignore[attr-defined]
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id  # type: ignore[attr-defined]
        return response


class SecurityHeadersMiddleware:
    """CSP without inline scripts or styles, and the headers Django's settings don't cover."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.setdefault("Referrer-Policy", "same-origin")
        if _signed_in(request):
            # Every response to a signed-in user or token caller, not only views flagged
            # ``shows_personal_data``: a flag is opt-in and the one forgotten is the leak (a shared
            # PC's browser cache, a proxy). What is lost — caching the guide's pages — is cheap.
            patch_cache_control(response, private=True, no_store=True)
        return response


def _signed_in(request: HttpRequest) -> bool:
    # DRF copies a token's user onto the Django request when it authenticates, so after the view
    # this is true for API calls with a token as well as for session users.
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def is_verified(request: HttpRequest) -> bool:
    return bool(request.user.is_authenticated and request.session.get(SESSION_VERIFIED_KEY))


def resolve_viewer(request: HttpRequest) -> Viewer | None:
    """The active membership of a verified user, chosen by the network switcher (session).
    The memberships read stay on the request for the switcher (``lont_memberships``)."""
    if not is_verified(request):
        return None
    memberships = active_memberships(_loaded_user(request))
    request.lont_memberships = memberships  # type: ignore[attr-defined]
    if not memberships:
        return None
    wanted = request.session.get(SESSION_NETWORK_KEY)
    chosen = next((m for m in memberships if m.network_id == wanted), memberships[0])
    return Viewer(chosen)


def _loaded_user(request: HttpRequest) -> Any:
    """The signed-in user itself rather than the lazy stand-in on ``request.user`` (loaded by now:
    ``is_verified`` asked it), so the memberships can point at it."""
    user = request.user
    return getattr(user, "_wrapped", user)


class ViewerMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.viewer = resolve_viewer(request)  # type: ignore[attr-defined]
        user = request.user if request.user.is_authenticated else None
        token = context.set_current(
            context.ActingContext(
                user_id=getattr(user, "pk", None),
                network_id=None,
                request_id=getattr(request, "request_id", context.new_request_id()),
                via="page",
            )
        )
        try:
            return self.get_response(request)
        finally:
            context.reset_current(token)


def _next_query(request: HttpRequest) -> str:
    # Encoded, so a query string of its own (?q=a&page=2) survives the round trip through login.
    return urlencode({"next": request.get_full_path()})


class AccessPolicyMiddleware:
    """Login, second factor, membership and permission — enforced before any view runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        name, permission, _ = policy_of(view_func)
        if name is None:
            raise ImproperlyConfigured(
                f"View {getattr(view_func, '__qualname__', view_func)} declares no access policy "
                "(lont.core.policies)."
            )
        if name in (PUBLIC, API):
            return None
        if not request.user.is_authenticated:
            return redirect(f"{reverse(settings.LOGIN_URL)}?{_next_query(request)}")
        if name == LOGIN:
            return None
        if not is_verified(request):
            return redirect(f"{reverse('accounts:two_factor')}?{_next_query(request)}")
        if name == STAFF:
            if not request.user.is_staff:
                raise PermissionDenied
            return None
        assert name == MEMBER
        viewer = request.viewer  # type: ignore[attr-defined]
        if viewer is None:
            raise PermissionDenied("Geen actief lidmaatschap van een netwerk.")
        ctx = context.current()
        if ctx is not None:
            context.set_current(
                context.ActingContext(
                    user_id=ctx.user_id,
                    network_id=viewer.network.pk,
                    request_id=ctx.request_id,
                    via=ctx.via,
                )
            )
        if permission and not viewer.can(permission):
            raise PermissionDenied
        return None
