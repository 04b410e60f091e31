"""Legal holds and the record of each retention run (X3)."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.networks.models import Membership, Network


class LegalHoldQuerySet(models.QuerySet["LegalHold"]):
    def active(self, today: dt.date) -> LegalHoldQuerySet:
        return self.filter(ended_at__isnull=True, ends_on__gte=today)


class LegalHold(ChangeLoggedModel):
    """What is held (one registered object, or a scope: a group, person or situation and the
    signals linked to it), why and until when. Held rows stay until the hold ends."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField(_("nummer"))
    target = GenericForeignKey("content_type", "object_id")
    reason = models.TextField(_("reden"))
    ends_on = models.DateField(_("geldig tot en met"))
    set_by = models.ForeignKey(
        Membership, verbose_name=_("ingesteld door"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    ended_by = models.ForeignKey(
        Membership,
        verbose_name=_("beëindigd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bewaarplicht")
        verbose_name_plural = _("bewaarplichten")
        indexes = [models.Index(fields=["network", "ended_at"], name="legalhold_network_open")]

    def __str__(self) -> str:
        return f"bewaarplicht #{self.pk}"

    def audit_repr(self) -> str:
        return f"bewaarplicht #{self.pk} ({self.content_type.model} #{self.object_id})"

    def is_active(self, today: dt.date) -> bool:
        return self.ended_at is None and self.ends_on >= today


class PurgeRun(models.Model):
    """One nightly run in one network: counts per model, category and outcome; never content."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    # {"signalregister.Signal": {"online_open_source": {"deleted": 3, "held": 1}}}
    counts = models.JSONField(default=dict)
    # [{"model": "signalregister.Signal", "id": 12, "error": "IntegrityError"}]
    failures = models.JSONField(default=list)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("bewaartermijnronde")
        verbose_name_plural = _("bewaartermijnrondes")

    def __str__(self) -> str:
        return f"bewaartermijnronde #{self.pk}"

    def audit_repr(self) -> str:
        return str(self)

    def total(self, outcome: str) -> int:
        return sum(
            per_outcome.get(outcome, 0)
            for per_category in self.counts.values()
            for per_outcome in per_category.values()
        )

    @property
    def summary(self) -> dict[str, int]:
        """Totals per outcome for the page (deleted rows include what went with its parent)."""
        return {
            "deleted": self.total("deleted") + self.total("deleted_with_parent"),
            "anonymised": self.total("anonymised"),
            "held": self.total("held"),
            "referenced": self.total("referenced"),
            "failed": len(self.failures),
        }
