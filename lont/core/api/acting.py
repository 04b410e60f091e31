"""The acting context of an API call, set *after* DRF has authenticated it.

The middleware runs before DRF knows who is calling: a token request has no session user there,
so the change log would record writes with no actor and as a page visit (finding 6). DRF
authenticates lazily in ``initial()``; this mixin sets the acting context right after that, for
every API view, and restores the previous one when the request is done.
"""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request

from lont.core import context


class ActingContextMixin:
    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        token = context.set_current(context.current())
        try:
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        finally:
            context.reset_current(token)

    def perform_authentication(self, request: Request) -> None:
        super().perform_authentication(request)  # type: ignore[misc]
        user = request.user if request.user and request.user.is_authenticated else None
        viewer = getattr(request._request, "viewer", None)
        previous = context.current()
        request_id = getattr(request._request, "request_id", None) or (
            previous.request_id if previous else context.new_request_id()
        )
        context.set_current(
            context.ActingContext(
                user_id=getattr(user, "pk", None),
                network_id=viewer.network.pk if viewer is not None else None,
                request_id=request_id,
                via="api",
            )
        )
