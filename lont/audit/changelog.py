"""The generic change log: one mixin, registered automatically, writes a row for every change.

Services add explicit events (``record_event``) on top; this mixin is the safety net underneath that
no write path can forget. It runs inside the same transaction as the change it records.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, TypeVar

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lont.core import context
from lont.core.choices import choice_label

from .models import ChangeAction, ChangeLogEntry

REDACTED = "[afgeschermd]"
_LOADED = "_audit_loaded"
_SNAPSHOT = "_audit_snapshot_value"

M = TypeVar("M", bound="ChangeLoggedModel")


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
        # The values as loaded (a shallow copy: what the snapshot would hold); turned into the
        # snapshot only when the row is saved, since most rows a request reads are never written.
        instance.__dict__[_LOADED] = instance.__dict__.copy()
        return instance

    @property
    def _audit_snapshot(self) -> dict[str, Any]:
        """The snapshot of the row as loaded (or as last saved): the "before" of a change."""
        state = self.__dict__
        if _SNAPSHOT not in state:
            loaded = state.get(_LOADED)
            if loaded is None:
                return {}
            as_loaded = self.__class__.__new__(self.__class__)
            as_loaded.__dict__.update(loaded)
            state[_SNAPSHOT] = as_loaded.audit_snapshot()
        return state[_SNAPSHOT]

    @_audit_snapshot.setter
    def _audit_snapshot(self, snapshot: dict[str, Any]) -> None:
        self.__dict__[_SNAPSHOT] = snapshot

    def _get_FIELD_display(self, field: models.Field) -> Any:
        return choice_label(field, getattr(self, field.attname))

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


def _entry(instance: ChangeLoggedModel, action: str, before: Any, after: Any) -> ChangeLogEntry:
    """One unsaved change-log row, the same for the save hook and the bulk helpers."""
    ctx = context.current()
    return ChangeLogEntry(
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


def _write(instance: ChangeLoggedModel, action: str, before: Any, after: Any) -> None:
    _entry(instance, action, before, after).save()


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
    instance._audit_snapshot = after


@receiver(post_delete)
def _log_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, ChangeLoggedModel):
        _write(instance, ChangeAction.DELETE, instance.audit_snapshot(), None)


# Bulk writes skip ``post_save``: these helpers write the same rows the hook would, one per object,
# in one ``bulk_create`` of log rows. ``tools/lint/bulk_writes.py`` refuses bulk writes of audited
# models anywhere else. A queryset ``delete()`` needs no helper: with the ``post_delete`` receiver
# connected for every model, Django's collector never fast-deletes and logs each row above.


def bulk_create_logged(model: type[M], objects: Iterable[M], **kwargs: Any) -> list[M]:
    """``model.objects.bulk_create`` with one change-log row (action *create*) per object."""
    with transaction.atomic():
        created = model._base_manager.bulk_create(
            list(objects), **kwargs
        )  # lint: audited-bulk the helper
        entries = []
        for obj in created:
            after = obj.audit_snapshot()
            entries.append(_entry(obj, ChangeAction.CREATE, None, after))
            obj._audit_snapshot = after
        ChangeLogEntry.objects.bulk_create(entries)
    return created


def update_logged(queryset: models.QuerySet[M], **values: Any) -> int:
    """``queryset.update(**values)`` with one change-log row (action *update*) per changed row.

    The rows are read (locked) before and again after the update, so expressions such as ``F()``
    are logged with the values they produced. Five queries (and a savepoint), whatever the number
    of rows."""
    model = queryset.model
    with transaction.atomic():
        pks = list(queryset.values_list("pk", flat=True))
        if not pks:
            return 0
        rows = model._base_manager.select_for_update().filter(pk__in=pks)
        before = {obj.pk: obj.audit_snapshot() for obj in rows}
        count = model._base_manager.filter(pk__in=pks).update(
            **values
        )  # lint: audited-bulk the helper
        entries = []
        for obj in model._base_manager.filter(pk__in=pks):
            old, new = _changed(before[obj.pk], obj.audit_snapshot())
            if new:
                entries.append(_entry(obj, ChangeAction.UPDATE, old, new))
        ChangeLogEntry.objects.bulk_create(entries)
    return count


def bulk_update_logged(objects: Sequence[M], fields: Sequence[str], **kwargs: Any) -> int:
    """``bulk_update`` of changed instances with one change-log row per object that changed."""
    if not objects:
        return 0
    model = type(objects[0])
    with transaction.atomic():
        count = model._base_manager.bulk_update(
            objects, fields, **kwargs
        )  # lint: audited-bulk the helper
        entries = []
        for obj in objects:
            after = obj.audit_snapshot()
            old, new = _changed(getattr(obj, "_audit_snapshot", {}), after)
            if new:
                entries.append(_entry(obj, ChangeAction.UPDATE, old, new))
            obj._audit_snapshot = after
        ChangeLogEntry.objects.bulk_create(entries)
    return count
