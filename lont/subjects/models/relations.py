"""Relations between groups — rivalries, alliances — and their conflict history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.models import Network, Organisation

from ..choices import GroupRelationKind, Threat
from .groups import Group


class GroupRelation(ChangeLoggedModel):
    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("bron (partner)"), on_delete=models.PROTECT, related_name="+"
    )
    group_a = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="relations_as_a", verbose_name=_("groep A")
    )
    group_b = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="relations_as_b", verbose_name=_("groep B")
    )
    kind = models.CharField(_("soort relatie"), max_length=16, choices=GroupRelationKind.choices)
    since = models.DateField(_("sinds"), null=True, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    # For a rivalry: the threat each side experiences (the guide's realistic vs symbolic threat).
    threat_a = models.CharField(
        _("dreiging die groep A ervaart"), max_length=10, choices=Threat.choices, blank=True
    )
    threat_b = models.CharField(
        _("dreiging die groep B ervaart"), max_length=10, choices=Threat.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    audit_redact = frozenset({"description"})

    class Meta:
        ordering = ["kind", "-since", "pk"]
        verbose_name = _("relatie tussen groepen")
        verbose_name_plural = _("relaties tussen groepen")

    def __str__(self) -> str:
        return f"{self.group_a} — {self.group_b} ({self.get_kind_display()})"

    def get_absolute_url(self) -> str:
        return reverse("subjects:relation_detail", args=[self.pk])

    def audit_repr(self) -> str:
        return f"groepsrelatie #{self.pk} ({self.kind})"

    def clean(self) -> None:
        if self.group_a_id and self.group_a_id == self.group_b_id:
            raise ValidationError({"group_b": _("Kies twee verschillende groepen.")})
        if self.kind != GroupRelationKind.RIVALRY and (self.threat_a or self.threat_b):
            raise ValidationError({"threat_a": _("Dreiging hoort alleen bij een rivaliteit.")})

    def threats(self) -> set[str]:
        found = set()
        for threat in (self.threat_a, self.threat_b):
            if threat in (Threat.REALISTIC, Threat.BOTH):
                found.add("realistic")
            if threat in (Threat.SYMBOLIC, Threat.BOTH):
                found.add("symbolic")
        return found


class ConflictEvent(ChangeLoggedModel):
    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("bron (partner)"), on_delete=models.PROTECT, related_name="+"
    )
    relation = models.ForeignKey(
        GroupRelation, on_delete=models.CASCADE, related_name="events", verbose_name=_("relatie")
    )
    date = models.DateField(_("datum"))
    description = models.TextField(_("wat er gebeurde"))
    created_at = models.DateTimeField(auto_now_add=True)

    audit_redact = frozenset({"description"})

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("conflictgebeurtenis")
        verbose_name_plural = _("conflictgebeurtenissen")

    def get_absolute_url(self) -> str:
        return reverse("subjects:relation_detail", args=[self.relation_id])

    def audit_repr(self) -> str:
        return f"conflictgebeurtenis #{self.pk}"
