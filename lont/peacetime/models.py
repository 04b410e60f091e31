"""The peacetime groundwork: the vision (P1), the living list of sources (P11) and awareness
(P12).

Guide: "Ontwerp een visie op online werken en de aanpak van online aangejaagd geweld", "Maak
gebruik van informatiebronnen om een overzicht te genereren van signalen, indicatoren en rode
vlaggen" and "Investeer in het vergroten van bewustwording over de risico's van de online
omgeving voor de doelgroep". Organisational policy, not personal or case data: every member of
the network reads it (the visibility layer keeps networks apart).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager

from .choices import Audience, AwarenessKind, GoalFocus, VisionStatus


class VisionVersion(ChangeLoggedModel):
    """One version of a vision on the guide's five questions: of a partner organisation, or of
    the network (``organisation`` empty). Versions are never changed; a new answer is a new
    version. A network vision counts once the director approves it with a reason."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leeg: de visie van het netwerk."),
    )
    number = models.PositiveIntegerField(_("versie"))
    target_group = models.TextField(_("1. Doelgroep"))
    terms = models.JSONField(_("2. Termen voor de doelgroep"), default=list, blank=True)
    terms_note = models.TextField(_("2. Toelichting op de termen"), blank=True)
    goal_focus = models.CharField(_("3. Doel"), max_length=12, choices=GoalFocus.choices)
    goal_priority = models.TextField(_("3. Prioritering van de doelen"), blank=True)
    online_offline = models.TextField(_("4. Online én fysiek"))
    online_information = models.TextField(
        _("4. Hoe online informatie binnenkomt (als u niet zelf online bent)"), blank=True
    )
    staff_time = models.TextField(_("5. Tijd en geld voor medewerkers"))
    status = models.CharField(
        _("status"), max_length=10, choices=VisionStatus.choices, default=VisionStatus.DRAFT
    )
    reason = models.CharField(_("reden van deze versie"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgesteld door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("opgesteld op"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    approval_reason = models.CharField(_("reden van vaststelling"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation_id", "-number"]
        verbose_name = _("visieversie")
        verbose_name_plural = _("visieversies")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation", "number"], name="peacetime_vision_number"
            ),
            models.UniqueConstraint(
                fields=["network", "number"],
                condition=models.Q(organisation__isnull=True),
                name="peacetime_network_vision_number",
            ),
        ]

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        return f"visie #{self.pk} (versie {self.number})"

    def get_absolute_url(self) -> str:
        return reverse("peacetime:vision", args=[self.pk])

    @property
    def is_network(self) -> bool:
        return self.organisation_id is None


class StigmaLabel(ChangeLoggedModel):
    """A term that stigmatises the target group (question 2): the vision form warns on it."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(_("term"), max_length=60)
    suggestion = models.CharField(_("gebruik liever"), max_length=160, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("stigmatiserende term")
        verbose_name_plural = _("stigmatiserende termen")
        constraints = [
            models.UniqueConstraint(
                "network",
                Lower("term"),
                name="peacetime_label_unique",
                violation_error_message=_("Deze term staat al in de lijst."),
            )
        ]

    def __str__(self) -> str:
        return self.term

    def audit_repr(self) -> str:
        return f"term #{self.pk}"


class Source(ChangeLoggedModel):
    """A reference source on the network's living list (point 5: with links, shared, and the
    responsibility to keep it current placed explicitly with a partner)."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("titel"), max_length=200)
    url = models.URLField(_("link"), max_length=500, blank=True)
    good_for = models.TextField(_("waar is het goed voor"))
    owner = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("eigenaar (houdt de bron actueel)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_member = models.ForeignKey(
        "networks.Membership",
        verbose_name=_("contactpersoon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_on = models.DateField(_("herzien op"))
    recommendations = models.JSONField(_("bij aanbevelingen"), default=list, blank=True)
    from_guide = models.BooleanField(_("uit de handreiking"), default=False)
    reminded_on = models.DateField(_("herinnerd op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self) -> str:
        return self.title

    def audit_repr(self) -> str:
        return f"bron #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("peacetime:source_edit", args=[self.pk])

    def review_due(self, today: dt.date) -> bool:
        return self.review_on <= today


class AwarenessActivity(ChangeLoggedModel):
    """A training, school lesson, parent evening or information session (points 1–5)."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("soort"), max_length=24, choices=AwarenessKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    audience = models.CharField(_("doelgroep"), max_length=16, choices=Audience.choices)
    held_on = models.DateField(_("datum"))
    reach = models.PositiveIntegerField(_("bereik (aantal deelnemers)"), default=0)
    trainer = models.CharField(_("trainer of organisatie"), max_length=160, blank=True)
    trusted_by_youth = models.BooleanField(
        _("trainer uit of vertrouwd door de doelgroep"), default=False
    )
    evaluation = models.TextField(_("evaluatie"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("bewustwordingsactiviteit")
        verbose_name_plural = _("bewustwordingsactiviteiten")

    def __str__(self) -> str:
        return self.title

    def audit_repr(self) -> str:
        return f"bewustwording #{self.pk} ({self.kind})"

    def get_absolute_url(self) -> str:
        return reverse("peacetime:awareness_edit", args=[self.pk])


class DigitalProfile(ChangeLoggedModel):
    """Per organisation: its online specialist and digital skills in job profiles (point 6)."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    specialist = models.ForeignKey(
        "networks.Membership",
        verbose_name=_("online specialist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checks = models.JSONField(_("digitale vaardigheden in functieprofielen"), default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation"]
        verbose_name = _("digitaal profiel")
        verbose_name_plural = _("digitale profielen")
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="peacetime_profile_unique")
        ]

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        return f"digitaal profiel #{self.pk} (organisatie #{self.organisation_id})"
