"""Users log in by e-mail with a password and a mandatory TOTP second factor."""

from __future__ import annotations

import secrets
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.crypto import decrypt, encrypt


def new_security_stamp() -> str:
    return secrets.token_hex(16)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("E-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(ChangeLoggedModel, AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=150)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("technisch beheer (Django-admin)"), default=False)
    date_joined = models.DateTimeField(default=timezone.now, verbose_name=_("lid sinds"))
    # Rotating the stamp invalidates every session and API token of the user at once.
    security_stamp = models.CharField(max_length=32, default=new_security_stamp)
    preferred_language = models.CharField(_("taal"), max_length=5, default="nl")

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    audit_exclude = frozenset({"password", "security_stamp", "last_login"})

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.full_name or self.email

    def audit_repr(self) -> str:
        return f"gebruiker #{self.pk}"

    def audit_network_id(self) -> int | None:
        return None

    def get_session_auth_hash(self) -> str:
        return salted_hmac(
            "lont.accounts.User.session",
            f"{self.password}{self.security_stamp}",
            algorithm="sha256",
        ).hexdigest()

    def rotate_security_stamp(self) -> None:
        self.security_stamp = new_security_stamp()

    @property
    def has_confirmed_totp(self) -> bool:
        return TOTPDevice.objects.filter(user=self, confirmed_at__isnull=False).exists()


class TOTPDevice(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(max_length=255)  # Fernet token of the base32 secret

    # A Fernet token in a plain column: the restore check (lont.core.backup) decrypts it.
    encrypted_fields = ("secret",)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("authenticator-app")

    def __str__(self) -> str:
        return f"TOTP #{self.pk}"


class RecoveryCode(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=128)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("herstelcode")

    def __str__(self) -> str:
        return f"herstelcode #{self.pk}"


class LoginAttempt(models.Model):
    email = models.CharField(max_length=254, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    succeeded = models.BooleanField(default=False)
    stage = models.CharField(max_length=10, default="password")

    class Meta:
        verbose_name = _("inlogpoging")

    def __str__(self) -> str:
        return f"inlogpoging #{self.pk}"


class Invitation(ChangeLoggedModel):
    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "networks.Organisation", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mailadres"))
    full_name = models.CharField(_("naam"), max_length=150)
    role = models.CharField(_("rol"), max_length=20)
    function_title = models.CharField(_("functie"), max_length=120, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("uitgenodigd door")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(verbose_name=_("verloopt op"))
    accepted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("geaccepteerd op"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("ingetrokken op"))

    audit_exclude = frozenset({"token_hash"})

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def audit_repr(self) -> str:
        return f"uitnodiging #{self.pk}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class ApiToken(ChangeLoggedModel):
    """A personal API token for one membership; only its hash is stored."""

    membership = models.ForeignKey(
        "networks.Membership", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("naam"), max_length=80)
    prefix = models.CharField(max_length=8, db_index=True, verbose_name=_("begin van het token"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("verloopt op"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    security_stamp = models.CharField(max_length=32)

    audit_exclude = frozenset({"token_hash", "security_stamp", "last_used_at"})

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def audit_repr(self) -> str:
        return f"API-token {self.prefix}…"

    def audit_network_id(self) -> int | None:
        return self.membership.network_id

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class PasswordReset(ChangeLoggedModel):
    """A password reset started by the member's coordinator (or the director), never by the user
    alone: there is no self-service reset, so a stolen mailbox is not enough to take an account.
    Starting it ends every session and token and removes the second factor; the link sets a new
    password, after which the user enrols an authenticator app again."""

    membership = models.ForeignKey(
        "networks.Membership", on_delete=models.CASCADE, related_name="password_resets"
    )
    requested_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("hersteld door")
    )
    reason = models.CharField(_("reden"), max_length=300)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("verloopt op"))
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True)

    audit_exclude = frozenset({"token_hash"})

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("wachtwoordherstel")
        verbose_name_plural = _("wachtwoordherstellen")

    def audit_repr(self) -> str:
        return f"wachtwoordherstel #{self.pk}"

    def audit_network_id(self) -> int | None:
        return self.membership.network_id

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class KnownDevice(models.Model):
    """A browser that completed a login with the second factor. A login from a browser not seen
    before tells the user by e-mail, so a taken-over account does not go unnoticed. Only a hash of
    the random cookie value is stored, with a coarse description of the browser — no address."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="known_devices")
    device_hash = models.CharField(max_length=64)
    description = models.CharField(_("browser"), max_length=80, blank=True)
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bekend apparaat")
        verbose_name_plural = _("bekende apparaten")
        constraints = [
            models.UniqueConstraint(fields=["user", "device_hash"], name="known_device_once")
        ]

    def __str__(self) -> str:
        return f"apparaat #{self.pk}"


class OIDCProvider(ChangeLoggedModel):
    """Sign-in with a partner organisation's own identity provider (OpenID Connect), configured
    by the technical administrator. Only the organisation's invited members can use it (matched
    by a verified e-mail address); the provider's MFA claim replaces Lont's second factor only
    when ``mfa_replaces_totp`` says so."""

    organisation = models.OneToOneField(
        "networks.Organisation",
        on_delete=models.CASCADE,
        related_name="oidc_provider",
        verbose_name=_("organisatie"),
    )
    issuer = models.URLField(
        _("uitgever (issuer)"),
        help_text=_("De issuer-URL; Lont leest .well-known/openid-configuration daaronder."),
    )
    client_id = models.CharField(_("client-id"), max_length=200)
    # A Fernet token (lont.core.crypto), never the secret itself.
    client_secret = models.TextField(_("client-secret"))
    encrypted_fields = ("client_secret",)
    scopes = models.CharField(_("gevraagde scopes"), max_length=200, default="openid email profile")
    mfa_replaces_totp = models.BooleanField(
        _("MFA van de provider vervangt de code van Lont"), default=False
    )
    accepted_amr = models.CharField(
        _("geaccepteerde amr-waarden"),
        max_length=200,
        blank=True,
        default="mfa otp hwk",
        help_text=_("Gescheiden door spaties."),
    )
    accepted_acr = models.CharField(
        _("geaccepteerde acr-waarden"),
        max_length=300,
        blank=True,
        help_text=_("Gescheiden door spaties."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    audit_exclude = frozenset({"client_secret"})

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("inlogprovider (OpenID Connect)")
        verbose_name_plural = _("inlogproviders (OpenID Connect)")

    def __str__(self) -> str:
        return str(self.organisation)

    def audit_repr(self) -> str:
        return f"inlogprovider #{self.pk}"

    def audit_network_id(self) -> int | None:
        return self.organisation.network_id

    def set_client_secret(self, raw: str) -> None:
        self.client_secret = encrypt(raw)

    def get_client_secret(self) -> str:
        return decrypt(self.client_secret)

    def mfa_satisfied(self, claims: dict[str, object]) -> bool:
        """Whether the provider's own claims say a second factor was used, and this
        configuration accepts that in place of Lont's code."""
        if not self.mfa_replaces_totp:
            return False
        amr = claims.get("amr") or []
        methods = {str(m) for m in amr} if isinstance(amr, list) else set(str(amr).split())
        if methods & set(self.accepted_amr.split()):
            return True
        acr = str(claims.get("acr") or "")
        return bool(acr) and acr in self.accepted_acr.split()
