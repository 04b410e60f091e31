"""Sign-in with a partner organisation's own identity provider (OpenID Connect).

The protocol work — the token request, the signature check of the ID token against the
provider's keys, the userinfo call — is mozilla-django-oidc's backend; this module gives it one
provider's configuration instead of global settings, checks what the library leaves open
(issuer, audience, ``sub`` of the userinfo) and decides who may come in: only someone Lont
already knows, matched by an e-mail address the provider says it verified, who is an active
member of that organisation or has an open invitation from it. No account is ever created here,
and nothing is changed (an invitation accepted) before the lockout has let the account in.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import jwt
import requests
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import (
    add_state_and_verifier_and_nonce_to_session,
    generate_code_challenge,
)

from lont.core.scoping import system_context
from lont.networks.models import Membership

from . import lockout
from .models import Invitation, OIDCProvider, User

CALLBACK_URL_NAME = "accounts:oidc_callback"
TIMEOUT_SECONDS = 10
DISCOVERY_CACHE_SECONDS = 3600
SESSION_LOGOUT_KEY = "oidc_logout"
SESSION_METHOD_KEY = "login_method"

# Why a sign-in is refused; the page says it in Dutch (views.OIDC_REFUSALS).
UNVERIFIED = "unverified"
UNINVITED = "uninvited"
FAILED = "failed"
LOCKED = "locked"


# What a provider that is down, misconfigured or answering nonsense raises along the way.
PROVIDER_ERRORS = (
    requests.RequestException,
    SuspiciousOperation,
    jwt.PyJWTError,
    KeyError,
    ValueError,
)


class SignInRefused(Exception):
    def __init__(self, reason: str, email: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.email = email


def active_providers() -> QuerySet[OIDCProvider]:
    """The buttons on the login page: configuration, not personal data."""
    return OIDCProvider.objects.filter(is_active=True).select_related("organisation")


def discovery(provider: OIDCProvider) -> dict[str, Any]:
    """The provider's ``.well-known/openid-configuration``, cached for an hour."""
    key = f"oidc-discovery:{provider.issuer}"
    document = cache.get(key)
    if document is None:
        url = provider.issuer.rstrip("/") + "/.well-known/openid-configuration"
        response = requests.get(url, timeout=TIMEOUT_SECONDS)
        response.raise_for_status()
        document = response.json()
        if document.get("issuer", "").rstrip("/") != provider.issuer.rstrip("/"):
            raise SuspiciousOperation("The discovery document names another issuer.")
        cache.set(key, document, DISCOVERY_CACHE_SECONDS)
    return dict(document)


def authorization_url(request: HttpRequest, provider: OIDCProvider, next_url: str) -> str:
    """Where the browser goes to sign in; state, nonce and the PKCE verifier stay in the
    session, bound to this provider and the page to return to."""
    document = discovery(provider)
    state = secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)
    params = {
        "response_type": "code",
        "scope": provider.scopes,
        "client_id": provider.client_id,
        "redirect_uri": request.build_absolute_uri(_callback_path()),
        "state": state,
        "nonce": secrets.token_urlsafe(32),
        "code_challenge": generate_code_challenge(verifier, "S256"),
        "code_challenge_method": "S256",
    }
    add_state_and_verifier_and_nonce_to_session(request, state, params, code_verifier=verifier)
    request.session["oidc_states"][state].update({"provider": provider.pk, "next": next_url})
    request.session.modified = True
    return f"{document['authorization_endpoint']}?{urlencode(params)}"


def _callback_path() -> str:
    from django.urls import reverse

    return reverse(CALLBACK_URL_NAME)


class ProviderBackend(OIDCAuthenticationBackend):
    """The library's backend for one configured provider (not added to
    ``AUTHENTICATION_BACKENDS``: the callback view calls it directly)."""

    def __init__(self, provider: OIDCProvider) -> None:
        self.provider = provider
        document = discovery(provider)
        self.OIDC_OP_TOKEN_ENDPOINT = document["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = document["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = document["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.get_client_secret()
        self.OIDC_RP_SIGN_ALGO = "RS256"
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = User
        self.id_token = ""
        self.claims: dict[str, Any] = {}
        self.admission: Admission | None = None

    def get_settings(self, attr: str, *args: Any) -> Any:
        values = {
            "OIDC_AUTHENTICATION_CALLBACK_URL": CALLBACK_URL_NAME,
            "OIDC_RP_SCOPES": self.provider.scopes,
            "OIDC_TIMEOUT": TIMEOUT_SECONDS,
            "OIDC_CREATE_USER": False,
            "OIDC_USE_NONCE": True,
            "OIDC_VERIFY_SSL": True,
            "OIDC_STORE_ACCESS_TOKEN": False,
            "OIDC_STORE_ID_TOKEN": False,
            "OIDC_ALLOW_UNSECURED_JWT": False,
        }
        if attr in values:
            return values[attr]
        return args[0] if args else None

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload = dict(super().verify_token(token, **kwargs))
        if "nonce" not in kwargs:  # a signed userinfo answer: no ID token rules
            return payload
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss", "").rstrip("/") != self.provider.issuer.rstrip("/"):
            raise SuspiciousOperation("ID token from another issuer.")
        if self.provider.client_id not in audiences:
            raise SuspiciousOperation("ID token for another client.")
        return payload

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("Userinfo about someone else than the ID token.")
        self.id_token = id_token
        self.claims = {**userinfo, **payload}  # amr/acr as the ID token states them
        # Only found here, not admitted: the callback checks the lockout before anything changes.
        self.admission = admission(self.provider, self.claims)
        return self.admission.user


@dataclass(frozen=True)
class Admission:
    """The existing account the provider vouches for and, when it is not yet a member of the
    organisation, the open invitation that makes it one once it is let in."""

    user: User
    invitation: Invitation | None = None

    def admit(self) -> User:
        """Let the account in: an open invitation becomes the membership."""
        if self.invitation is None:
            return self.user
        from .services import invitation_accept_signed_in

        return invitation_accept_signed_in(invitation=self.invitation, user=self.user)


def admission(provider: OIDCProvider, claims: dict[str, Any]) -> Admission:
    """Who the provider vouches for, or ``SignInRefused``: an active member of the organisation
    or an existing account with an open invitation from it. Reads only."""
    email = str(claims.get("email") or "").strip().lower()
    if not email or claims.get("email_verified") is not True:
        raise SignInRefused(UNVERIFIED, email)
    user = User.objects.filter(email=email, is_active=True).first()
    if user is None:
        raise SignInRefused(UNINVITED, email)
    with system_context("sign-in through an identity provider: is this an invited member"):
        member = Membership.objects.filter(
            user=user, organisation=provider.organisation, is_active=True
        ).exists()
        invitation = (
            Invitation.objects.filter(
                organisation=provider.organisation,
                email=email,
                accepted_at__isnull=True,
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
            .order_by("-created_at")
            .first()
        )
    if member:
        return Admission(user)
    if invitation is not None:
        return Admission(user, invitation)
    raise SignInRefused(UNINVITED, email)


@dataclass(frozen=True)
class Completed:
    user: User
    provider: OIDCProvider
    id_token: str
    claims: dict[str, Any]
    next_url: str

    @property
    def mfa_by_provider(self) -> bool:
        """The provider's MFA stands in for Lont's code only when this organisation's
        configuration accepts it and every active membership of the user is in that
        organisation: one organisation's provider never vouches for another's membership."""
        return self.provider.mfa_satisfied(self.claims) and not member_elsewhere(
            self.user, self.provider
        )


def member_elsewhere(user: User, provider: OIDCProvider) -> bool:
    """Whether the user is an active member of another organisation than the provider's."""
    with system_context("sign-in through an identity provider: memberships elsewhere"):
        return (
            Membership.objects.filter(user=user, is_active=True)
            .exclude(organisation_id=provider.organisation_id)
            .exists()
        )


def complete(request: HttpRequest, *, ip_address: str | None) -> Completed:
    """The callback: the state must be one this session started; then the library's backend
    exchanges the code (over the back channel) and checks the ID token. A locked account (or
    address) is refused before it is let in, so its open invitation stays open."""
    state = request.GET.get("state", "")
    pending = request.session.get("oidc_states", {}).pop(state, None)
    request.session.modified = True
    if pending is None or "provider" not in pending:
        raise SignInRefused(FAILED)
    provider = active_providers().filter(pk=pending["provider"]).first()
    if provider is None or request.GET.get("error") or not request.GET.get("code"):
        raise SignInRefused(FAILED)
    try:
        backend = ProviderBackend(provider)
        user = backend.authenticate(
            request, nonce=pending["nonce"], code_verifier=pending["code_verifier"]
        )
    except PROVIDER_ERRORS as error:
        raise SignInRefused(FAILED) from error
    if user is None or backend.admission is None:  # the library refuses by returning nothing
        raise SignInRefused(FAILED)
    if lockout.is_locked(email=user.email, ip_address=ip_address):
        raise SignInRefused(LOCKED, user.email)
    user = backend.admission.admit()
    return Completed(user, provider, backend.id_token, backend.claims, pending.get("next", "/"))


@dataclass(frozen=True)
class ProviderLogout:
    url: str
    organisation: str

    def __str__(self) -> str:
        return self.url


def end_session_url(request: HttpRequest, pending: dict[str, Any]) -> ProviderLogout | None:
    """RP-initiated logout: where the browser goes to end the provider's session too."""
    provider = active_providers().filter(pk=int(pending.get("provider") or 0)).first()
    if provider is None:
        return None
    try:
        endpoint = discovery(provider).get("end_session_endpoint")
    except PROVIDER_ERRORS:
        return None
    if not endpoint:
        return None
    from django.urls import reverse

    params = {
        "id_token_hint": pending.get("id_token", ""),
        "client_id": provider.client_id,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("accounts:login")),
    }
    return ProviderLogout(f"{endpoint}?{urlencode(params)}", provider.organisation.name)
