"""The social map: contacts who can reach young people and their groups, and how well."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.choices import InformationCategory

from .choices import PROFESSIONAL_KINDS, ContactKind, ReachStrength


def _key(values: list[str]) -> str:
    """'|noord|de kreek|': lets list filters match one whole entry with icontains on any database
    (SQLite has no JSON containment lookup)."""
    cleaned = [str(v).strip().lower() for v in values if str(v).strip()]
    return f"|{'|'.join(cleaned)}|" if cleaned else ""


class Contact(ChangeLoggedModel):
    """A real person the network can call on. Personal data (category CONTACTS): visible by the
    covenant, every read logged; a private person is kept only with their recorded consent."""

    objects = ScopedManager()

    network = models.ForeignKey(
        "networks.Network", on_delete=models.PROTECT, related_name="socialmap_contacts"
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="socialmap_contacts",
    )
    kind = models.CharField(_("soort contact"), max_length=32, choices=ContactKind.choices)
    name = models.CharField(_("naam"), max_length=160)
    employer = models.CharField(_("organisatie of werkgever"), max_length=160, blank=True)
    role = models.CharField(_("rol of functie"), max_length=160, blank=True)
    areas = models.JSONField(_("gebieden"), default=list, blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    handles = models.JSONField(_("professionele accounts per platform"), default=dict, blank=True)
    followers = models.JSONField(_("volgers per platform"), default=dict, blank=True)
    languages = models.JSONField(_("talen"), default=list, blank=True)
    availability = models.TextField(_("bereikbaarheid"), blank=True)
    out_of_hours = models.BooleanField(_("ook buiten kantoortijd bereikbaar"), default=False)
    member = models.ForeignKey(
        "networks.Membership",
        verbose_name=_("lid van het netwerk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_date = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    consent_scope = models.TextField(_("reikwijdte van de toestemming"), blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toestemming vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    area_key = models.CharField(max_length=500, blank=True, editable=False)
    language_key = models.CharField(max_length=300, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Personal content is logged as "changed" without its value; languages too (they can hint at
    # ethnic origin). The search keys are derived copies and not logged at all.
    audit_redact = frozenset(
        {
            "name",
            "employer",
            "role",
            "phone",
            "email",
            "handles",
            "availability",
            "consent_scope",
            "languages",
        }
    )
    audit_exclude = frozenset({"area_key", "language_key"})

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        indexes = [
            models.Index(fields=["network", "kind"], name="socialmap_contact_kind"),
            models.Index(fields=["network", "name"], name="socialmap_contact_name"),
            models.Index(fields=["network", "organisation"], name="socialmap_contact_org"),
        ]

    visibility_category = InformationCategory.CONTACTS

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        # Never the name: logs outlive the record and are read by the privacy officer.
        return f"contact #{self.pk} ({self.kind})"

    def name_and_kind(self) -> str:
        """The contact as a reader who sees it in full recognises it: "Sam Jansen (sleutelfiguur)"."""
        return f"{self.name} ({self.get_kind_display().lower()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.area_key = _key(self.areas or [])[:500]
        self.language_key = _key(self.languages or [])[:300]
        super().save(*args, **kwargs)

    @property
    def is_professional(self) -> bool:
        return self.kind in PROFESSIONAL_KINDS

    @property
    def needs_consent(self) -> bool:
        return not self.is_professional

    def consent_review_due(self, *, today: dt.date, retention_days: int | None) -> bool:
        """A private person's consent older than the covenant's retention must be re-confirmed."""
        if not self.needs_consent or retention_days is None:
            return False
        if self.consent_date is None:
            return True
        return self.consent_date < today - dt.timedelta(days=retention_days)


class ContactReach(ChangeLoggedModel):
    """That a contact can reach a group, how well and how (the basis of who-can-reach)."""

    objects = ScopedManager()

    network = models.ForeignKey(
        "networks.Network", on_delete=models.PROTECT, related_name="socialmap_reaches"
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="socialmap_reaches",
    )
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="reaches")
    group = models.ForeignKey(
        "subjects.Group",
        verbose_name=_("groep"),
        on_delete=models.CASCADE,
        related_name="socialmap_reaches",
    )
    strength = models.CharField(_("sterkte"), max_length=10, choices=ReachStrength.choices)
    how = models.TextField(_("hoe"), blank=True)
    since = models.DateField(_("sinds"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    audit_redact = frozenset({"how"})
    visibility_category = InformationCategory.CONTACTS

    class Meta:
        ordering = ["contact", "group"]
        verbose_name = _("bereik")
        verbose_name_plural = _("bereik")
        constraints = [
            models.UniqueConstraint(fields=["contact", "group"], name="socialmap_reach_unique")
        ]

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        return f"bereik #{self.pk} (contact #{self.contact_id} → groep #{self.group_id})"


class ContactPersonLink(ChangeLoggedModel):
    """That a contact knows a person (by alias in the subjects app), e.g. as coach or neighbour."""

    objects = ScopedManager()

    network = models.ForeignKey(
        "networks.Network", on_delete=models.PROTECT, related_name="socialmap_person_links"
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="socialmap_person_links",
    )
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey(
        "subjects.Person",
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="socialmap_links",
    )
    relation = models.CharField(_("relatie"), max_length=160)
    created_at = models.DateTimeField(auto_now_add=True)

    audit_redact = frozenset({"relation"})
    visibility_category = InformationCategory.CONTACTS

    class Meta:
        ordering = ["contact", "person"]
        verbose_name = _("kent persoon")
        verbose_name_plural = _("kent personen")
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "person"], name="socialmap_person_link_unique"
            )
        ]

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        return f"relatie #{self.pk} (contact #{self.contact_id} → persoon #{self.person_id})"
