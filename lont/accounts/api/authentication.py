"""API authentication: personal tokens (hashed, expiring, revocable) or a verified session."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from lont.core.crypto import token_hash
from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.core.viewer import Viewer

from ..models import ApiToken


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Ongeldige Authorization-header."))
        raw = header[1].decode(errors="ignore")
        token = (
            ApiToken.objects.select_related(
                "membership__user", "membership__network", "membership__organisation"
            )
            .filter(token_hash=token_hash(raw))
            .first()
        )
        if (
            token is None
            or not token.is_usable
            or not token.membership.is_active
            or not token.membership.user.is_active
            or token.security_stamp != token.membership.user.security_stamp
        ):
            raise exceptions.AuthenticationFailed(_("Ongeldig, verlopen of ingetrokken token."))
        # Bookkeeping on every call, not a change anyone needs in the change log.
        ApiToken.objects.filter(pk=token.pk).update(  # lint: audited-bulk last-use timestamp
            last_used_at=timezone.now()
        )
        request._request.viewer = Viewer(token.membership)  # type: ignore[attr-defined]
        return token.membership.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """The browsable API for a signed-in member — only after the second factor."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        if not request._request.session.get(SESSION_VERIFIED_KEY):
            return None
        return result
