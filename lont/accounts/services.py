"""Writes of the accounts domain: invitations, deactivation and API tokens."""

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

from lont.audit.events import member_invited_event, record_event
from lont.core.crypto import token_hash
from lont.networks.choices import Role
from lont.networks.models import Membership, Organisation
from lont.networks.services import (  # moved to networks; importable here as before
    membership_deactivate as membership_deactivate,
)

from .models import ApiToken, Invitation, User

# Who may give which role: coordinators never create directors or privacy officers.
GRANTABLE_ROLES = {
    Role.DIRECTOR: set(Role),
    Role.COORDINATOR: {Role.COORDINATOR, Role.PROFESSIONAL, Role.OBSERVER},
}


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
    if Membership.objects.filter(
        network=viewer.network, user__email=email, is_active=True
    ).exists():
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
    ApiToken.objects.filter(membership=membership, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    user = membership.user
    user.rotate_security_stamp()
    if not user.memberships.filter(is_active=True).exists():
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
