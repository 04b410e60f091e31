"""Login with password and TOTP, enrolment, recovery codes, re-authentication, invitations,
account settings and API tokens."""

from __future__ import annotations

from typing import Any, cast

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from lont.audit.events import login_event
from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.core.policies import LOGIN, PUBLIC
from lont.core.views_base import MemberView, service_error_text
from lont.networks.choices import Role
from lont.networks.models import Membership, Organisation
from lont.networks.selectors import members

from . import devices, lockout, oidc, services, totp
from .forms import (
    AcceptInvitationForm,
    ApiTokenForm,
    CodeForm,
    InvitationForm,
    LoginForm,
    ReauthForm,
    RecoveryForm,
)
from .models import ApiToken, TOTPDevice, User
from .reauth import RecentAuthRequiredMixin, mark_reauthenticated

# Lazy: a module-level gettext would freeze the message in the language active at import.
LOCKED_MESSAGE = gettext_lazy(
    "Te veel mislukte inlogpogingen. Uw account is tijdelijk geblokkeerd; probeer het over "
    "15 minuten opnieuw of neem contact op met uw coördinator."
)


def _user(request: HttpRequest) -> User:
    """The signed-in user; every view using it has a policy that requires login."""
    return cast(User, request.user)


def _safe_next(request: HttpRequest, default: str = "/") -> str:
    return _safe_url(request, request.POST.get("next") or request.GET.get("next"), default)


def _safe_url(request: HttpRequest, target: str | None, default: str = "/") -> str:
    """``target`` when it stays on this site (and on HTTPS when the request is), else
    ``default``."""
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return default
    return target


def _verified(request: HttpRequest, user: Any, details: dict[str, Any]) -> None:
    """The second factor is done (Lont's code, or the provider's MFA where accepted): the
    session is verified and re-authenticated and the sign-in logged."""
    request.session[SESSION_VERIFIED_KEY] = True
    mark_reauthenticated(request)
    login_event(user=user, event="login.succeeded", details=details)


def _welcomed(request: HttpRequest, response: HttpResponse, user: Any) -> HttpResponse:
    """The answer to a completed sign-in notes the device and sets the member's language."""
    devices.note_login(request, response, user)
    apply_language(response, user.preferred_language)
    return response


class LoginView(View):
    lont_policy = PUBLIC
    template_name = "accounts/login.html"

    @staticmethod
    def _context(request: HttpRequest, form: LoginForm) -> dict[str, Any]:
        """The form, where to go after, and a button per organisation's identity provider."""
        return {"form": form, "next": _safe_next(request), "providers": oidc.active_providers()}

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and request.session.get(SESSION_VERIFIED_KEY):
            return redirect(_safe_next(request))
        return render(request, self.template_name, self._context(request, LoginForm()))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = LoginForm(request.POST)
        context = self._context(request, form)
        if not form.is_valid():
            return render(request, self.template_name, context, status=400)
        email = form.cleaned_data["email"].lower()
        ip = lockout.client_ip(request)
        if lockout.is_locked(email=email, ip_address=ip):
            form.add_error(None, LOCKED_MESSAGE)
            return render(request, self.template_name, context, status=429)
        user = authenticate(request, email=email, password=form.cleaned_data["password"])
        if user is None:
            lockout.record_attempt(email=email, ip_address=ip, succeeded=False, stage="password")
            form.add_error(None, _("E-mailadres of wachtwoord is onjuist."))
            return render(request, self.template_name, context, status=400)
        login(request, user)
        request.session[SESSION_VERIFIED_KEY] = False
        request.session[oidc.SESSION_METHOD_KEY] = "password"
        return redirect(
            f"{reverse('accounts:two_factor')}?{urlencode({'next': str(context['next'])})}"
        )


class TwoFactorView(View):
    """Verify the second factor, or enrol one first (mandatory for everyone)."""

    lont_policy = LOGIN

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.session.get(SESSION_VERIFIED_KEY):
            return redirect(_safe_next(request))
        return self._render(request, CodeForm(), RecoveryForm())

    def _render(
        self, request: HttpRequest, form: CodeForm, recovery_form: RecoveryForm, status: int = 200
    ) -> HttpResponse:
        user = _user(request)
        device = TOTPDevice.objects.filter(user=user).first()
        enrolled = device is not None and device.confirmed_at is not None
        context: dict[str, Any] = {
            "form": form,
            "recovery_form": recovery_form,
            "next": _safe_next(request),
            "enrolled": enrolled,
        }
        if not enrolled:
            device = device if device is not None and "enrol" in request.session else None
            if device is None:
                device = totp.enrolment_start(user)
                request.session["enrol"] = True
            uri = totp.provisioning_uri(user, device)
            context["qr_svg"] = segno.make(uri, error="m").svg_inline(scale=5, title=_("QR-code"))
            context["secret"] = totp.device_secret(device)
        return render(request, "accounts/two_factor.html", context, status=status)

    def post(self, request: HttpRequest) -> HttpResponse:
        user = _user(request)
        ip = lockout.client_ip(request)
        if lockout.is_locked(email=user.email, ip_address=ip):
            logout(request)
            messages.error(request, LOCKED_MESSAGE)
            return redirect("accounts:login")
        form, recovery_form = CodeForm(), RecoveryForm()
        enrolled = user.has_confirmed_totp
        ok = False
        if "recovery_code" in request.POST and enrolled:
            recovery_form = RecoveryForm(request.POST)
            ok = recovery_form.is_valid() and totp.recovery_code_use(
                user,
                recovery_form.cleaned_data["recovery_code"],
            )
            if not ok:
                recovery_form.add_error(None, _("Deze herstelcode is onjuist of al gebruikt."))
        else:
            form = CodeForm(request.POST)
            ok = form.is_valid() and totp.verify_code(
                user,
                form.cleaned_data["code"],
                confirming=not enrolled,
            )
            if not ok:
                form.add_error(
                    "code", _("Deze code klopt niet. Controleer de tijd op uw telefoon.")
                )
        lockout.record_attempt(
            email=user.email,
            ip_address=ip,
            succeeded=ok,
            stage="totp",
        )
        if not ok:
            return self._render(request, form, recovery_form, status=400)
        request.session.cycle_key()
        request.session.pop("enrol", None)
        _verified(
            request, user, {"method": request.session.get(oidc.SESSION_METHOD_KEY, "password")}
        )
        if not enrolled:
            codes = totp.recovery_codes_generate(user)
            response: HttpResponse = render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _safe_next(request)},
            )
        else:
            response = redirect(_safe_next(request))
        return _welcomed(request, response, user)


class LogoutView(View):
    """Ends Lont's session; after a sign-in through an identity provider the browser goes on to
    the provider's logout (``end_session_endpoint`` with the ID token), so that ends too. That
    step is a page that forwards at once, not a redirect: the CSP's ``form-action 'self'`` stops
    a form's redirect to another origin."""

    lont_policy = LOGIN

    def post(self, request: HttpRequest) -> HttpResponse:
        pending = request.session.get(oidc.SESSION_LOGOUT_KEY)
        provider_logout = oidc.end_session_url(request, pending) if pending else None
        logout(request)
        if provider_logout is None:
            messages.info(request, _("U bent uitgelogd."))
            return redirect("accounts:login")
        response = render(
            request,
            "accounts/logout_provider.html",
            {"provider_logout": provider_logout, "organisation": provider_logout.organisation},
        )
        patch_cache_control(response, private=True, no_store=True)
        return response


OIDC_REFUSALS = {
    oidc.UNINVITED: gettext_lazy(
        "U kunt niet inloggen: er is in Lont geen account met een uitnodiging of lidmaatschap bij "
        "deze organisatie voor het e-mailadres dat uw organisatie doorgaf. Lont maakt bij het "
        "inloggen geen accounts aan; vraag de coördinator van uw organisatie om een uitnodiging."
    ),
    oidc.UNVERIFIED: gettext_lazy(
        "U kunt niet inloggen: uw organisatie gaf geen bevestigd e-mailadres door. Vraag de "
        "beheerder van het account bij uw organisatie om uw e-mailadres te laten bevestigen."
    ),
    oidc.FAILED: gettext_lazy(
        "Inloggen via uw organisatie is niet gelukt: het antwoord van de inlogdienst was niet "
        "geldig of verlopen. Probeer het opnieuw vanaf de inlogpagina."
    ),
}


def _oidc_refused(request: HttpRequest, reason: str, status: int = 403) -> HttpResponse:
    return render(
        request,
        "accounts/oidc_refused.html",
        {"message": OIDC_REFUSALS.get(reason, OIDC_REFUSALS[oidc.FAILED])},
        status=status,
    )


class OIDCStartView(View):
    """To the organisation's own identity provider (the button "Inloggen met <organisatie>")."""

    lont_policy = PUBLIC

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        provider = get_object_or_404(oidc.active_providers(), pk=pk)
        try:
            target = oidc.authorization_url(request, provider, _safe_next(request))
        except oidc.PROVIDER_ERRORS:
            return _oidc_refused(request, oidc.FAILED, status=502)
        return redirect(target)


class OIDCCallbackView(View):
    """Back from the identity provider: only an invited member with a verified e-mail address
    comes in; Lont's own code follows unless the organisation accepts the provider's MFA."""

    lont_policy = PUBLIC

    def get(self, request: HttpRequest) -> HttpResponse:
        ip = lockout.client_ip(request)
        try:
            done = oidc.complete(request, ip_address=ip)
        except oidc.SignInRefused as refusal:
            if refusal.reason == oidc.LOCKED:
                messages.error(request, LOCKED_MESSAGE)
                return redirect("accounts:login")
            lockout.record_attempt(
                email=refusal.email, ip_address=ip, succeeded=False, stage="oidc"
            )
            return _oidc_refused(request, refusal.reason)
        user = done.user
        login(request, user, backend="lont.accounts.backends.EmailBackend")
        request.session[oidc.SESSION_LOGOUT_KEY] = {
            "provider": done.provider.pk,
            "id_token": done.id_token,
        }
        request.session[oidc.SESSION_METHOD_KEY] = "oidc"
        next_url = _safe_url(request, done.next_url)
        if not done.mfa_by_provider:
            request.session[SESSION_VERIFIED_KEY] = False
            return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': next_url})}")
        lockout.record_attempt(email=user.email, ip_address=ip, succeeded=True, stage="oidc")
        _verified(
            request,
            user,
            {
                "method": "oidc",
                "organisation": done.provider.organisation_id,
                "second_factor": "provider",
            },
        )
        return _welcomed(request, redirect(next_url), user)


class ReauthView(MemberView):
    """Confirm password and code again before a sensitive action (covenant, exports)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request, "accounts/reauth.html", {"form": ReauthForm(), "next": _safe_next(request)}
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ReauthForm(request.POST)
        user = _user(request)
        ip = lockout.client_ip(request)
        # Without this check a taken-over session could guess the password here indefinitely.
        if lockout.is_locked(email=user.email, ip_address=ip):
            logout(request)
            messages.error(request, LOCKED_MESSAGE)
            return redirect("accounts:login")
        if form.is_valid():
            if not user.check_password(form.cleaned_data["password"]):
                form.add_error("password", _("Het wachtwoord is onjuist."))
            elif not totp.verify_code(user, form.cleaned_data["code"]):
                form.add_error("code", _("Deze code klopt niet."))
            else:
                mark_reauthenticated(request)
                return redirect(_safe_next(request))
        lockout.record_attempt(
            email=user.email,
            ip_address=ip,
            succeeded=False,
            stage="reauth",
        )
        return render(
            request, "accounts/reauth.html", {"form": form, "next": _safe_next(request)}, status=400
        )


class InviteView(MemberView):
    required_permission = "members.manage"

    def _form(self, data: Any = None) -> InvitationForm:
        viewer = self.viewer
        organisations = Organisation.objects.for_viewer(viewer)
        if viewer.role != "director":
            organisations = organisations.filter(pk=viewer.organisation.pk)
        return InvitationForm(
            data,
            organisations=organisations,
            roles=services.GRANTABLE_ROLES.get(Role(viewer.role), set()),
            initial={"organisation": viewer.organisation.pk},
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "accounts/invite.html", {"form": self._form()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            try:
                services.invitation_create(viewer=self.viewer, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("De uitnodiging is verstuurd naar %(email)s.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("networks:members")
        return render(request, "accounts/invite.html", {"form": form}, status=400)


class TokenPasswordView(View):
    """A link from an e-mail that lets someone choose a password: the token is looked up once,
    an unknown or used token answers 404 with its own page, and a chosen password logs the user
    in on the way to (re-)enrolling the second factor. Invitations and resets differ only in
    which token they look up and which service completes them."""

    lont_policy = PUBLIC
    template_name = ""
    invalid_template = ""

    def find(self, token: str) -> Any:
        raise NotImplementedError

    def complete(self, password: str) -> Any:
        raise NotImplementedError

    def context(self, form: AcceptInvitationForm) -> dict[str, Any]:
        return {"form": form}

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.found = self.find(kwargs["token"])
        if self.found is None:
            return render(request, self.invalid_template, status=404)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return render(request, self.template_name, self.context(AcceptInvitationForm()))

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        form = AcceptInvitationForm(request.POST)
        if form.is_valid():
            try:
                user = self.complete(form.cleaned_data["password1"])
            except ValidationError as error:
                form.add_error("password1", error)
            else:
                login(request, user, backend="lont.accounts.backends.EmailBackend")
                request.session[SESSION_VERIFIED_KEY] = False
                return redirect("accounts:two_factor")
        return render(request, self.template_name, self.context(form), status=400)


class AcceptInvitationView(TokenPasswordView):
    template_name = "accounts/accept_invitation.html"
    invalid_template = "accounts/invitation_invalid.html"

    def find(self, token: str) -> Any:
        return services.invitation_by_token(token)

    def complete(self, password: str) -> Any:
        return services.invitation_accept(invitation=self.found, password=password)

    def context(self, form: AcceptInvitationForm) -> dict[str, Any]:
        return {"form": form, "invitation": self.found}


class SettingsView(MemberView):
    def get(
        self, request: HttpRequest, form: ApiTokenForm | None = None, new_token: str = ""
    ) -> HttpResponse:
        tokens = ApiToken.objects.filter(membership__user=_user(request)).select_related(
            "membership__network"
        )
        return render(
            request,
            "accounts/settings.html",
            {
                "token_form": form or ApiTokenForm(),
                "tokens": tokens,
                "new_token": new_token,
                "recovery_left": _user(request).recovery_codes.filter(used_at__isnull=True).count(),
                "languages": settings.LANGUAGES,
            },
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ApiTokenForm(request.POST)
        if not form.is_valid():
            return self.get(request, form=form)
        _token, raw = services.api_token_create(
            viewer=self.viewer, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
        )
        return self.get(request, new_token=raw)


def apply_language(response: HttpResponse, language: str) -> None:
    """The user's chosen language, through the cookie the locale middleware already reads."""
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            samesite="Lax",
        )


class LanguagePreferenceView(MemberView):
    """The language of the interface, kept with the account and applied at every login."""

    def post(self, request: HttpRequest) -> HttpResponse:
        language = request.POST.get("language", "")
        if language not in dict(settings.LANGUAGES):
            messages.error(request, _("Kies een van de beschikbare talen."))
            return redirect("accounts:settings")
        user = _user(request)
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
        translation.activate(language)
        messages.success(request, _("De taal is opgeslagen."))
        response = redirect("accounts:settings")
        apply_language(response, language)
        return response


class RevokeTokenView(MemberView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        token = get_object_or_404(ApiToken, pk=pk, membership__user=_user(request))
        services.api_token_revoke(viewer=self.viewer, token=token)
        messages.success(request, _("Het token is ingetrokken."))
        return redirect("accounts:settings")


class RecoveryCodesView(MemberView):
    """New recovery codes (the old ones stop working); needs a recent re-authentication."""

    def post(self, request: HttpRequest) -> HttpResponse:
        from .reauth import reauth_redirect, recently_authenticated

        if not recently_authenticated(request):
            return reauth_redirect(request)
        codes = totp.recovery_codes_generate(_user(request))
        return render(
            request, "accounts/recovery_codes.html", {"codes": codes, "next": "/account/"}
        )


class MemberPasswordResetView(RecentAuthRequiredMixin, MemberView):
    """The coordinator (or director) resets a member's account, after re-authenticating."""

    required_permission = "members.manage"
    template_name = "accounts/password_reset_start.html"

    def _membership(self, pk: int) -> Membership:
        return get_object_or_404(members(self.viewer), pk=pk)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(request, self.template_name, {"membership": self._membership(pk)})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        membership = self._membership(pk)
        reason = request.POST.get("reason", "")
        try:
            services.password_reset_start(viewer=self.viewer, membership=membership, reason=reason)
        except (ValidationError, PermissionDenied) as error:
            context = {
                "membership": membership,
                "reason": reason,
                "error": service_error_text(error),
            }
            return render(request, self.template_name, context, status=400)
        messages.success(
            request,
            _(
                "Het account is hersteld: sessies en API-tokens zijn beëindigd en %(email)s heeft "
                "een link gekregen om een nieuw wachtwoord te kiezen."
            )
            % {"email": membership.user.email},
        )
        return redirect("networks:member_detail", pk=membership.pk)


class AcceptPasswordResetView(TokenPasswordView):
    """The member opens the reset link, chooses a new password and then enrols the app again."""

    template_name = "accounts/password_reset_accept.html"
    invalid_template = "accounts/password_reset_invalid.html"

    def find(self, token: str) -> Any:
        return services.password_reset_by_token(token)

    def complete(self, password: str) -> Any:
        return services.password_reset_complete(reset=self.found, password=password)
