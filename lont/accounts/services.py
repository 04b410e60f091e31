"""Writes of the accounts domain: invitations, deactivation, password resets and API tokens."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.changelog import update_logged
from lont.audit.events import member_invited_event, record_event
from lont.core.crypto import token_hash
from lont.core.scoping import system_context
from lont.core.viewer import GRANTABLE_ROLES as GRANTABLE_ROLES  # defined with the permissions
from lont.networks.models import Membership, Organisation
from lont.networks.services import (  # moved to networks; importable here as before
    membership_deactivate as membership_deactivate,
)

from .models import ApiToken, Invitation, KnownDevice, PasswordReset, RecoveryCode, TOTPDevice, User


@transaction.atomic
def invitation_create(
    *,
    viewer: Any,
    organisation: Organisation,
    email: str,
    full_name: str,
    role: str,
    function_title: str = "",
) -> tuple[Invitation, str]:
    if not viewer.manages_organisation(organisation):
        raise PermissionDenied(_("U beheert alleen de leden van uw eigen organisatie."))
    if role not in GRANTABLE_ROLES.get(viewer.role, set()):
        raise ValidationError(_("U kunt deze rol niet toekennen."))
    email = email.strip().lower()
    if Membership.objects.for_viewer(viewer).filter(user__email=email, is_active=True).exists():
        raise ValidationError(_("Deze persoon is al lid van dit netwerk."))
    raw = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        network=viewer.network,
        organisation=organisation,
        email=email,
        full_name=full_name.strip(),
        role=role,
        function_title=function_title.strip(),
        token_hash=token_hash(raw),
        invited_by=viewer.user,
        expires_at=timezone.now() + timedelta(days=settings.LONT_INVITATION_DAYS),
    )
    member_invited_event(invitation=invitation, actor=viewer.user)
    link = settings.LONT_BASE_URL + reverse("accounts:accept_invitation", args=[raw])
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Uitnodiging voor Lont — %(network)s") % {"network": viewer.network.name},
            message=_(
                "Beste %(name)s,\n\n%(inviter)s nodigt u uit voor het netwerk %(network)s in Lont "
                "namens %(organisation)s.\n\nStel binnen %(days)s dagen een wachtwoord in en "
                "koppel uw authenticator-app via:\n%(link)s\n"
            )
            % {
                "name": invitation.full_name,
                "inviter": viewer.user.full_name,
                "network": viewer.network.name,
                "organisation": organisation.name,
                "days": settings.LONT_INVITATION_DAYS,
                "link": link,
            },
            from_email=None,
            recipient_list=[email],
        )
    )
    return invitation, raw


def invitation_by_token(raw: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("network", "organisation")
        .filter(token_hash=token_hash(raw))
        .first()
    )
    return invitation if invitation is not None and invitation.is_open else None


@transaction.atomic
@system_context("accepting an invitation: the new member's own membership, before any viewer")
def invitation_accept(*, invitation: Invitation, password: str) -> User:
    """Create (or reuse) the account and the membership. Two-factor enrolment comes next."""
    user = User.objects.filter(email=invitation.email).first()
    if user is None:
        user = User(email=invitation.email, full_name=invitation.full_name)
        validate_password(password, user)
        user.set_password(password)
        user.save()
    else:
        if not user.check_password(password):
            raise ValidationError(
                _("Dit e-mailadres heeft al een account; gebruik dat wachtwoord.")
            )
        user.is_active = True
        user.save(update_fields=["is_active"])
    return _membership_from(invitation, user)


@transaction.atomic
@system_context("signing in through the organisation's identity provider with an invitation open")
def invitation_accept_signed_in(*, invitation: Invitation, user: User) -> User:
    """An existing, active user with an open invitation signed in through the organisation's
    own identity provider (verified e-mail): the invitation becomes the membership, as if the
    link had been followed. No account is created here."""
    return _membership_from(invitation, user)


def _membership_from(invitation: Invitation, user: User) -> User:
    membership, _created = Membership.objects.update_or_create(
        user=user,
        network=invitation.network,
        defaults={
            "organisation": invitation.organisation,
            "role": invitation.role,
            "function_title": invitation.function_title,
            "is_active": True,
            "deactivated_at": None,
        },
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    record_event(event="membership.accepted", obj=membership, actor=user)
    return user


def membership_access_end(membership: Membership) -> None:
    """A membership ended (``networks.services.membership_deactivate``): revoke its API tokens;
    rotate the security stamp so every session ends, and disable an account left without one."""
    update_logged(
        ApiToken.objects.filter(membership=membership, revoked_at__isnull=True),
        revoked_at=timezone.now(),
    )
    user = membership.user
    user.rotate_security_stamp()
    with system_context("does the deactivated user keep a membership in any network"):
        keeps_one = user.memberships.filter(is_active=True).exists()
    if not keeps_one:
        user.is_active = False
    user.save()


@transaction.atomic
def api_token_create(*, viewer: Any, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    days = days or settings.LONT_API_TOKEN_DAYS
    if not 1 <= days <= 365:
        raise ValidationError(_("Een token is 1 tot 365 dagen geldig."))
    raw = "lont_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        membership=viewer.membership,
        name=name.strip() or _("API-token"),
        prefix=raw[5:13],
        token_hash=token_hash(raw),
        expires_at=timezone.now() + timedelta(days=days),
        security_stamp=viewer.user.security_stamp,
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, viewer: Any, token: ApiToken) -> None:
    if token.membership.user_id != viewer.user.pk:
        raise PermissionDenied
    token.revoked_at = timezone.now()
    token.save()


def _may_reset(viewer: Any, membership: Membership) -> None:
    if not viewer.manages_organisation(membership.organisation):
        raise PermissionDenied(_("U beheert alleen de leden van uw eigen organisatie."))
    if membership.user_id == viewer.user.pk:
        raise PermissionDenied(
            _("U kunt uw eigen wachtwoord niet zo herstellen; vraag het uw coördinator.")
        )
    if membership.role not in GRANTABLE_ROLES.get(viewer.role, set()):
        raise PermissionDenied(_("U kunt het wachtwoord van iemand met deze rol niet herstellen."))
    if not membership.is_active:
        raise PermissionDenied(_("Dit lidmaatschap is niet actief."))


@transaction.atomic
def password_reset_start(
    *, viewer: Any, membership: Membership, reason: str
) -> tuple[PasswordReset, str]:
    """The coordinator resets a member's account: every session and API token ends at once
    (security stamp), the password and the second factor are removed, and the member gets a
    one-time link to choose a new password and enrol an authenticator app again."""
    _may_reset(viewer, membership)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Geef een reden op voor het herstel."))
    user = membership.user
    user.set_unusable_password()
    user.rotate_security_stamp()
    user.save()
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    # After a take-over the intruder's browser must not count as known.
    KnownDevice.objects.filter(user=user).delete()
    # An earlier link stops working: only the newest reset counts.
    for earlier in PasswordReset.objects.filter(membership__user=user, used_at__isnull=True):
        earlier.expires_at = timezone.now()
        earlier.save(update_fields=["expires_at"])
    raw = secrets.token_urlsafe(32)
    reset = PasswordReset.objects.create(
        membership=membership,
        requested_by=viewer.user,
        reason=reason[:300],
        token_hash=token_hash(raw),
        expires_at=timezone.now() + timedelta(hours=settings.LONT_PASSWORD_RESET_HOURS),
    )
    record_event(
        event="account.password_reset_started", obj=membership, actor=viewer.user, reason=reason
    )
    link = settings.LONT_BASE_URL + reverse("accounts:password_reset", args=[raw])
    message = _(
        "Beste %(name)s,\n\n%(by)s heeft uw Lont-account voor %(network)s hersteld. Al uw "
        "sessies en API-tokens zijn beëindigd. Kies binnen %(hours)s uur een nieuw wachtwoord en "
        "koppel daarna opnieuw uw authenticator-app via:\n%(link)s\n\nHebt u hier niet om "
        "gevraagd? Neem dan contact op met uw coördinator.\n"
    ) % {
        "name": user.full_name,
        "by": viewer.user.full_name,
        "network": viewer.network.name,
        "hours": settings.LONT_PASSWORD_RESET_HOURS,
        "link": link,
    }
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Uw Lont-account is hersteld"),
            message=message,
            from_email=None,
            recipient_list=[user.email],
        )
    )
    return reset, raw


def password_reset_by_token(raw: str) -> PasswordReset | None:
    reset = (
        PasswordReset.objects.select_related("membership__user", "membership__network")
        .filter(token_hash=token_hash(raw))
        .first()
    )
    return reset if reset is not None and reset.is_open else None


@transaction.atomic
def password_reset_complete(*, reset: PasswordReset, password: str) -> User:
    """Set the new password; the second factor is enrolled next (it was removed at the start)."""
    user = reset.membership.user
    validate_password(password, user)
    user.set_password(password)
    user.save()
    reset.used_at = timezone.now()
    reset.save(update_fields=["used_at"])
    record_event(event="account.password_reset_completed", obj=reset.membership, actor=user)
    return user
