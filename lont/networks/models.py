"""Networks (tenants), partner organisations, memberships and the versioned covenant."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager

from . import covenant_rules
from .choices import Access, LegalPower, PartnerType, Role


class Network(ChangeLoggedModel):
    """A local network — one installation can host several (e.g. districts); their data never mixes."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    area_description = models.TextField(_("werkgebied"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("netwerk")
        verbose_name_plural = _("netwerken")

    def __str__(self) -> str:
        return self.name

    def audit_repr(self) -> str:
        return self.name

    def audit_network_id(self) -> int | None:
        return self.pk

    def active_covenant(self) -> CovenantVersion | None:
        return self.covenant_versions.order_by("-number").first()


class Organisation(ChangeLoggedModel):
    """A partner organisation in one network, with its type and legal powers."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="organisations")
    name = models.CharField(_("naam"), max_length=160)
    partner_type = models.CharField(_("soort partner"), max_length=20, choices=PartnerType.choices)
    legal_powers = models.JSONField(_("wettelijke bevoegdheden"), default=list, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    online_specialist = models.CharField(_("online specialist"), max_length=160, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnerorganisatie")
        verbose_name_plural = _("partnerorganisaties")
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="organisation_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def audit_repr(self) -> str:
        return self.name

    @property
    def powers(self) -> frozenset[str]:
        return frozenset(self.legal_powers or [])

    def power_labels(self) -> list[str]:
        return [str(LegalPower(p).label) for p in self.legal_powers if p in LegalPower.values]


class Membership(ChangeLoggedModel):
    """A user's place in a network: one organisation, one role."""

    objects = ScopedManager()

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    function_title = models.CharField(_("functie"), max_length=120, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    deactivated_at = models.DateTimeField(null=True, blank=True, verbose_name=_("gedeactiveerd op"))

    class Meta:
        ordering = ["organisation__name", "user__full_name"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="membership_one_per_network")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"

    def audit_repr(self) -> str:
        return f"lidmaatschap #{self.pk} ({self.role})"


class CovenantVersion(ChangeLoggedModel):
    """One immutable version of a network's covenant. The newest version is the one enforced."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="covenant_versions")
    number = models.PositiveIntegerField(_("versie"))
    reason = models.TextField(_("reden van wijziging"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    director_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie netwerkregisseur"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("netwerkregisseur"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    privacy_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("functionaris gegevensbescherming"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sharing = models.JSONField(_("deelafspraken"))
    retention_days = models.JSONField(_("bewaartermijnen"))
    tasks = models.JSONField(_("taakverdeling"))
    escalation_levels = models.JSONField(_("opschalingsniveaus"))
    working_method = models.JSONField(_("online werkwijze"))
    observation_thresholds = models.JSONField(_("drempels stelselmatigheid"), default=dict)

    class Meta:
        ordering = ["network", "-number"]
        verbose_name = _("convenantversie")
        verbose_name_plural = _("convenantversies")
        constraints = [
            models.UniqueConstraint(fields=["network", "number"], name="covenant_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.network} — convenant v{self.number}"

    def audit_repr(self) -> str:
        return f"convenant v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Een convenantversie is onveranderlijk; maak een nieuwe versie.")
        super().save(*args, **kwargs)

    def access_for(self, *, category: str, organisation: Organisation) -> Access:
        return covenant_rules.effective_access(
            self.sharing,
            category=category,
            partner_type=organisation.partner_type,
            powers=organisation.powers,
        )
