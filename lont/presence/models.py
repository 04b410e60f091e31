"""Professional online presence (P3): the platform register, the team roster of professional
accounts, a light contact log and the planner of positive activities.

Guide: "Verplaats je als professional met een professioneel (niet privé) profiel naar de online
leefwereld van de doelgroep en werk met een combinatie van online en fysiek contact."
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.choices import InformationCategory

from .choices import ASPECT_CODES, ActivityKind, AspectLevel, Channel, ContactKind


def validate_aspects(value: Any) -> None:
    """``{aspect code: 1..3}`` for the guide's 9 aspects (any subset)."""
    if not isinstance(value, dict):
        raise ValidationError(_("De aspecten moeten per aspect een score hebben."))
    for code, level in value.items():
        if code not in ASPECT_CODES:
            raise ValidationError(_("Onbekend aspect: %(code)s."), params={"code": str(code)[:30]})
        if level not in AspectLevel.values:
            raise ValidationError(_("Een aspect scoort laag, midden of hoog."))


class Platform(ChangeLoggedModel):
    """A platform where the network's target groups are, assessed on the 9 aspects, reviewed at
    a set interval (point 1: groups move between platforms)."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("naam"), max_length=60)
    where_groups = models.TextField(
        _("welke doelgroepen zijn hier"), blank=True, help_text=_("Geen namen van personen.")
    )
    ephemeral = models.BooleanField(
        _("vluchtig platform"),
        default=False,
        help_text=_(
            "Inhoud verdwijnt snel (zoals Snapchat): volgens de handreiking minder geschikt om "
            "online te werken."
        ),
    )
    aspects = models.JSONField(
        _("beoordeling op de 9 aspecten"), default=dict, blank=True, validators=[validate_aspects]
    )
    review_interval_days = models.PositiveSmallIntegerField(
        _("herzien elke (dagen)"),
        default=180,
        validators=[MinValueValidator(7), MaxValueValidator(730)],
    )
    last_reviewed = models.DateField(_("laatst beoordeeld"), null=True, blank=True)
    review_owner = models.ForeignKey(
        "networks.Membership",
        verbose_name=_("herziening door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_on = models.DateField(_("herinnerd op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        constraints = [
            models.UniqueConstraint(
                "network",
                Lower("name"),
                name="presence_platform_unique_name",
                violation_error_message=_("Dit platform staat al in het register."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def audit_repr(self) -> str:
        return f"platform #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("presence:platform", args=[self.pk])

    def clean(self) -> None:
        validate_aspects(self.aspects)

    @property
    def next_review(self) -> dt.date | None:
        if self.last_reviewed is None:
            return None
        return self.last_reviewed + dt.timedelta(days=self.review_interval_days)

    def review_due(self, today: dt.date) -> bool:
        return self.next_review is None or self.next_review <= today


class PlatformReview(ChangeLoggedModel):
    """One periodic scan of a platform on the 9 aspects (P3, shared with P12's platform scan)."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("beoordeeld op"))
    aspects = models.JSONField(
        _("beoordeling op de 9 aspecten"), default=dict, validators=[validate_aspects]
    )
    note = models.TextField(_("toelichting"), blank=True)
    reviewed_by = models.ForeignKey(
        "networks.Membership",
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        verbose_name = _("platformscan")
        verbose_name_plural = _("platformscans")

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        return f"platformscan #{self.pk} (platform #{self.platform_id})"

    def clean(self) -> None:
        validate_aspects(self.aspects)


class ProfessionalAccount(ChangeLoggedModel):
    """The team roster: who works online where, with which recognisable professional account.

    The account belongs to the organisation, never to the person (point 3: "Gebruik hiervoor geen
    privéprofielen"). Signals name the account they were seen with from this roster."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("organisatie (eigenaar van het account)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    member = models.ForeignKey(
        "networks.Membership",
        verbose_name=_("wie werkt met dit account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    platform = models.CharField(_("platform"), max_length=60)
    handle = models.CharField(_("accountnaam"), max_length=160)
    house_style = models.BooleanField(_("in de huisstijl van de organisatie"), default=False)
    active = models.BooleanField(_("in gebruik"), default=True)
    note = models.CharField(_("opmerking"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["platform", "handle"]
        verbose_name = _("professioneel account")
        verbose_name_plural = _("professionele accounts")
        constraints = [
            models.UniqueConstraint(
                "network",
                Lower("platform"),
                Lower("handle"),
                name="presence_account_unique",
                violation_error_message=_("Dit account staat al op het rooster."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.handle} ({self.platform})"

    def audit_repr(self) -> str:
        return f"professioneel account #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("presence:account", args=[self.pk])


class ContactLog(ChangeLoggedModel):
    """Initiated contacts in calm times (point 4 and 5): counts and dates per account and group,
    never content."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    account = models.ForeignKey(
        ProfessionalAccount,
        verbose_name=_("professioneel account"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    group = models.ForeignKey(
        "subjects.Group",
        verbose_name=_("groep"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("soort contact"), max_length=10, choices=ContactKind.choices)
    count = models.PositiveSmallIntegerField(
        _("aantal"), default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    on = models.DateField(_("datum"))
    created_at = models.DateTimeField(auto_now_add=True)

    visibility_category = InformationCategory.GROUP_ANALYSIS

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        indexes = [models.Index(fields=["network", "on"], name="presence_contact_on")]

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        return f"contactmoment #{self.pk} (account #{self.account_id})"


class PositiveActivity(ChangeLoggedModel):
    """A relaxing, positive activity with a group (point 7) and its outcome; online plans on an
    emotionally loaded topic are warned against (point 6)."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.ForeignKey(
        "subjects.Group",
        verbose_name=_("groep"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("soort activiteit"), max_length=10, choices=ActivityKind.choices)
    title = models.CharField(_("titel"), max_length=160)
    planned_on = models.DateField(_("gepland op"))
    channel = models.CharField(
        _("online of fysiek"), max_length=8, choices=Channel.choices, default=Channel.OFFLINE
    )
    topic = models.TextField(_("onderwerp"), blank=True)
    emotionally_loaded = models.BooleanField(_("emotioneel beladen onderwerp"), default=False)
    outcome = models.TextField(_("uitkomst"), blank=True)
    share_online = models.BooleanField(
        _("positieve uitkomst online delen (in overleg met de betrokkenen)"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    audit_redact = frozenset({"topic", "outcome", "title"})
    visibility_category = InformationCategory.GROUP_ANALYSIS

    class Meta:
        ordering = ["-planned_on", "-pk"]
        verbose_name = _("positieve activiteit")
        verbose_name_plural = _("positieve activiteiten")

    def __str__(self) -> str:
        return self.title

    def audit_repr(self) -> str:
        return f"activiteit #{self.pk} ({self.kind})"

    def get_absolute_url(self) -> str:
        return reverse("presence:activity", args=[self.pk])
