"""The generic change log: one mixin, registered automatically, writes a row for every change.

Services add explicit events (``record_event``) on top; this mixin is the safety net underneath that
no write path can forget. It runs inside the same transaction as the change it records.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import Any, ClassVar

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lont.core import context

from .models import ChangeAction, ChangeLogEntry

REDACTED = "[afgeschermd]"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return REDACTED
    return value


class ChangeLoggedModel(models.Model):
    """Mixin for every domain model. ``audit_exclude`` fields are left out (secrets);
    ``audit_redact`` fields are logged as changed without their content (personal or case content,
    which must expire with the record and must not be readable by the privacy officer)."""

    audit_exclude: ClassVar[frozenset[str]] = frozenset()
    audit_redact: ClassVar[frozenset[str]] = frozenset()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, *args: Any, **kwargs: Any) -> Any:
        instance = super().from_db(*args, **kwargs)
        instance._audit_snapshot = instance.audit_snapshot()  # type: ignore[attr-defined]
        return instance

    def audit_snapshot(self) -> dict[str, Any]:
        snapshot: dict[str, Any] = {}
        for field in self._meta.concrete_fields:
            if field.name in self.audit_exclude:
                continue
            if field.attname not in self.__dict__:
                continue  # deferred field: not loaded, not changed by us
            value = getattr(self, field.attname)
            snapshot[field.name] = REDACTED if field.name in self.audit_redact else _jsonable(value)
        return snapshot

    def audit_repr(self) -> str:
        """What the log shows for this object; models with personal data override it (alias only)."""
        return f"{self._meta.verbose_name} #{self.pk}"

    def audit_network_id(self) -> int | None:
        return getattr(self, "network_id", None)


def _changed(
    before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _write(instance: ChangeLoggedModel, action: str, before: Any, after: Any) -> None:
    ctx = context.current()
    ChangeLogEntry.objects.create(
        actor_id=ctx.user_id if ctx else None,
        network_id=instance.audit_network_id() or (ctx.network_id if ctx else None),
        request_id=ctx.request_id if ctx else "",
        via=ctx.via if ctx else "",
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=instance.audit_repr()[:200],
        before=before,
        after=after,
    )


@receiver(post_save)
def _log_save(sender: type, instance: Any, created: bool, raw: bool, **kwargs: Any) -> None:
    if raw or not isinstance(instance, ChangeLoggedModel):
        return
    after = instance.audit_snapshot()
    if created:
        _write(instance, ChangeAction.CREATE, None, after)
    else:
        before_changed, after_changed = _changed(getattr(instance, "_audit_snapshot", {}), after)
        if not after_changed:
            return
        _write(instance, ChangeAction.UPDATE, before_changed, after_changed)
    instance._audit_snapshot = after  # type: ignore[attr-defined]


@receiver(post_delete)
def _log_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, ChangeLoggedModel):
        _write(instance, ChangeAction.DELETE, instance.audit_snapshot(), None)
