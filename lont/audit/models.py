"""Append-only logs: every change of a domain object and every read of personal data.

Neither model has an update or delete path: ``save`` refuses existing rows, the queryset refuses
``update``/``delete``, and database triggers (migration 0002) refuse them underneath the ORM.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lont.core.choices import AccessVia


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Logregels kunnen niet worden gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Logregels kunnen niet worden verwijderd.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise AppendOnlyError("Logregels kunnen niet worden gewijzigd.")


class AppendOnlyModel(models.Model):
    objects: ClassVar[models.Manager] = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("Logregels kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Logregels kunnen niet worden verwijderd.")


class ChangeAction(models.TextChoices):
    CREATE = "create", _("aangemaakt")
    UPDATE = "update", _("gewijzigd")
    DELETE = "delete", _("verwijderd")
    EVENT = "event", _("gebeurtenis")


class ChangeLogEntry(AppendOnlyModel):
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    network = models.ForeignKey(
        "networks.Network", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    request_id = models.CharField(max_length=32, blank=True)
    via = models.CharField(max_length=16, blank=True)
    action = models.CharField(max_length=8, choices=ChangeAction.choices)
    event = models.CharField(_("gebeurtenis"), max_length=64, blank=True)
    object_type = models.CharField(_("soort object"), max_length=100, db_index=True)
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(_("object"), max_length=200)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    reason = models.TextField(_("reden"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingslog")
        indexes = [models.Index(fields=["network", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"


class AccessLogEntry(AppendOnlyModel):
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    network = models.ForeignKey(
        "networks.Network", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "networks.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The reader's role at the time of reading (roles change). Nullable so adding it is an
    # ALTER TABLE on SQLite too: a rebuilt table would lose the append-only triggers.
    role = models.CharField(_("rol"), max_length=20, null=True, blank=True)  # noqa: DJ001
    request_id = models.CharField(max_length=32, blank=True)
    via = models.CharField(max_length=8, choices=AccessVia.choices)
    path = models.CharField(max_length=300, blank=True)
    object_type = models.CharField(_("soort object"), max_length=100, db_index=True)
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(_("object"), max_length=200)
    access = models.PositiveSmallIntegerField(_("toegangsniveau"))
    purpose = models.CharField(_("doel"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagelog")
        indexes = [
            models.Index(fields=["network", "-at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} read {self.object_type}#{self.object_id}"
