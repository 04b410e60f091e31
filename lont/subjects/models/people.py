"""People (by alias), their group memberships and relations, and the re-justifications that keep
a person's record alive (principle 9)."""

from __future__ import annotations

import datetime as dt
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.choices import InformationCategory
from lont.networks.models import Membership, Network, Organisation

from ..choices import AgeBand, Involvement, MemberRole, MembershipBasis, PersonRelationKind
from ..fields import EncryptedTextField
from .groups import Group

IDENTIFYING_FIELDS = ("real_name", "address", "date_of_birth")

# Set while the expiry job deletes people: their delete rows in the change log then hold ids only,
# no alias or other content (principle 9: what expires leaves nothing readable behind).
EXPIRING: ContextVar[bool] = ContextVar("lont_subjects_expiring", default=False)


class ExpiryRedactedMixin:
    def audit_snapshot(self) -> dict[str, Any]:
        if EXPIRING.get():
            return {}
        return super().audit_snapshot()  # type: ignore[misc]


class Person(ExpiryRedactedMixin, ChangeLoggedModel):
    """A person known to the network, recorded by alias.

    Visibility, in two layers:

    - the row (alias, handles, age band, area, roles, relations) is registered with the visibility
      layer under ``category`` — *group analysis* for most people, *tips* for tipsters — so partners
      with group-analysis access see at least the alias;
    - the identifying fields (real name, address, date of birth) are encrypted at rest and shown
      only to the recording organisation or to partners whose covenant access to *identifying
      personal data* is full (``lont.subjects.selectors.identifying_access``). Everyone else sees
      the alias, and so do page titles, URLs (ids), logs (``audit_repr``), the graph and search.
    """

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(
        _("informatiecategorie"),
        max_length=30,
        choices=InformationCategory.choices,
        default=InformationCategory.GROUP_ANALYSIS,
        editable=False,
    )
    alias = models.CharField(_("alias"), max_length=80)
    handles = models.JSONField(_("accounts per platform"), default=dict, blank=True)
    real_name = EncryptedTextField(_("echte naam"), blank=True)
    address = EncryptedTextField(_("adres"), blank=True)
    date_of_birth = EncryptedTextField(_("geboortedatum"), blank=True)
    involvement = models.CharField(
        _("betrokkenheid"),
        max_length=12,
        choices=Involvement.choices,
        default=Involvement.GROUP_MEMBER,
    )
    age_band = models.CharField(
        _("leeftijdsgroep"), max_length=8, choices=AgeBand.choices, blank=True
    )
    area = models.CharField(_("gebied"), max_length=120, blank=True)
    school_or_work = models.CharField(_("school of werk"), max_length=160, blank=True)
    protective_factors = models.TextField(_("beschermende factoren"), blank=True)
    future_perspective = models.TextField(
        _("toekomstperspectief (werk, stage, school)"), blank=True
    )
    contact_professionals = models.ManyToManyField(
        Membership, verbose_name=_("professionals met contact"), blank=True, related_name="+"
    )
    review_date = models.DateField(_("herbeoordelen uiterlijk op"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    audit_redact = frozenset(
        {
            *IDENTIFYING_FIELDS,
            "handles",
            "school_or_work",
            "protective_factors",
            "future_perspective",
        }
    )

    class Meta:
        ordering = ["alias", "pk"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return self.alias

    def get_absolute_url(self) -> str:
        return reverse("subjects:person_detail", args=[self.pk])

    def audit_repr(self) -> str:
        # The logs are read by the privacy officer, who reads no case content: a number, never
        # the alias (a pseudonym of a minor is still about that minor).
        return f"persoon #{self.pk}"

    @property
    def date_of_birth_value(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.date_of_birth) if self.date_of_birth else None
        except ValueError:
            return None

    def clean(self) -> None:
        if self.date_of_birth and self.date_of_birth_value is None:
            raise ValidationError({"date_of_birth": _("Geef de geboortedatum als JJJJ-MM-DD.")})
        if not isinstance(self.handles, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in self.handles.items()
        ):
            raise ValidationError({"handles": _("Accounts per platform: platform → account.")})


class PersonJustification(ExpiryRedactedMixin, ChangeLoggedModel):
    """A member's reason to keep a person's record beyond its review date (principle 9)."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="justifications")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    reason = models.TextField(_("reden"))
    at = models.DateTimeField(_("op"), auto_now_add=True)
    new_review_date = models.DateField(_("nieuwe herbeoordelingsdatum"))

    audit_redact = frozenset({"reason"})

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("rechtvaardiging")
        verbose_name_plural = _("rechtvaardigingen")

    def audit_repr(self) -> str:
        return f"rechtvaardiging #{self.pk} (persoon #{self.person_id})"


class GroupMembership(ExpiryRedactedMixin, ChangeLoggedModel):
    """A person's place in a group, resting on a basis other than family ties (principle 9)."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("bron (partner)"), on_delete=models.PROTECT, related_name="+"
    )
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="group_memberships")
    role = models.CharField(_("rol"), max_length=12, choices=MemberRole.choices)
    basis = models.CharField(
        _("grond voor de koppeling"), max_length=16, choices=MembershipBasis.choices
    )
    basis_note = models.TextField(_("toelichting op de grond"), blank=True)
    since = models.DateField(_("sinds"), null=True, blank=True)
    until = models.DateField(_("tot"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    audit_redact = frozenset({"basis_note"})

    class Meta:
        ordering = ["group", "role", "pk"]
        verbose_name = _("groepslidmaatschap")
        verbose_name_plural = _("groepslidmaatschappen")

    def get_absolute_url(self) -> str:
        return reverse("subjects:group_detail", args=[self.group_id])

    def audit_repr(self) -> str:
        return f"lid #{self.pk} van groep #{self.group_id}"

    def clean(self) -> None:
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("De einddatum ligt voor de begindatum.")})
        if self.basis == MembershipBasis.OTHER and not self.basis_note.strip():
            raise ValidationError({"basis_note": _("Licht de grond voor deze koppeling toe.")})


class PersonRelation(ExpiryRedactedMixin, ChangeLoggedModel):
    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("bron (partner)"), on_delete=models.PROTECT, related_name="+"
    )
    person_a = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="relations_as_a", verbose_name=_("persoon A")
    )
    person_b = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="relations_as_b", verbose_name=_("persoon B")
    )
    kind = models.CharField(_("soort relatie"), max_length=14, choices=PersonRelationKind.choices)
    date = models.DateField(_("datum"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    audit_redact = frozenset({"note"})

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("relatie tussen personen")
        verbose_name_plural = _("relaties tussen personen")

    def get_absolute_url(self) -> str:
        return reverse("subjects:person_detail", args=[self.person_a_id])

    def audit_repr(self) -> str:
        return f"relatie #{self.pk} ({self.kind})"

    def clean(self) -> None:
        if self.person_a_id and self.person_a_id == self.person_b_id:
            raise ValidationError({"person_b": _("Een persoon heeft geen relatie met zichzelf.")})
