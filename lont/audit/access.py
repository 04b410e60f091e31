"""The one mechanism that logs reads of personal data (pages, lists, API, exports, search)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router, transaction
from django.db.models import Field, Max
from django.utils import timezone

from lont.core import context
from lont.core.lookups import array_element_type
from lont.core.reads import REFRESH_WINDOW, is_refresh
from lont.core.visibility import read_access, registration_for

from .models import AccessLogEntry, AccessVia, ChangeLogEntry

if TYPE_CHECKING:
    from lont.core.viewer import Viewer


class _Read(NamedTuple):
    """One access-log row as plain values, in the order the insert writes them (before ``at``).

    A tuple, not a model instance: building ``AccessLogEntry`` objects and letting ``bulk_create``
    prepare every field cost about three quarters of a list page's access-log write."""

    actor_id: int | None
    network_id: int | None
    organisation_id: int | None
    role: str | None
    request_id: str
    via: str
    path: str
    object_type: str
    object_id: str
    object_repr: str
    access: int
    purpose: str


# The fields ``log_reads`` sets once for all its rows (the reader, the request, the channel): on
# PostgreSQL sent once as a value each, not as an array repeating it per row (the driver converts
# an array value by value, two thirds of a list page's access-log write).
_PER_CALL = (
    "actor_id",
    "network_id",
    "organisation_id",
    "role",
    "request_id",
    "via",
    "path",
    "purpose",
)
_PER_ROW = tuple(name for name in _Read._fields if name not in _PER_CALL)

# Filled by the database on ``bulk_create`` through the field's ``pre_save`` (auto_now_add): each
# row gets ``timezone.now()`` when it is written. The insert does the same.
_STAMPED = "at"
# Rows per INSERT. PostgreSQL gets a parameter per column (``_unnest_sql``), so the statement's
# text does not depend on its rows; its chunk only bounds one statement's size for a long export.
# Elsewhere a parameter per value: ``_VALUES_CHUNK`` rows at most, fewer where the database's
# parameter limit says so (SQLite's, through ``bulk_batch_size``).
_ARRAYS_CHUNK = 1000
_VALUES_CHUNK = 100


def log_reads(
    viewer: Viewer,
    objects: Iterable[Any],
    *,
    via: str,
    path: str = "",
    purpose: str = "",
    level: int | None = None,
) -> int:
    """Write one access-log row per object that holds personal data; returns the count.

    ``level`` overrides the visibility layer's answer where a narrower rule decided the read
    (an approved data-subject request lets its privacy officer read in full)."""
    ctx = context.current()
    request_id = ctx.request_id if ctx else ""
    path, purpose = path[:300], purpose[:300]
    actor_id, network_id = viewer.user.pk, viewer.network.pk
    organisation_id, role = viewer.organisation.pk, viewer.role
    rows: list[_Read] = []
    for obj in objects:
        if not registration_for(type(obj)).personal_data:
            continue
        # The access the visibility layer gave the row to be shown, where it did (a list's rows).
        read_at = read_access(viewer, obj) if level is None else level
        rows.append(
            _Read(
                actor_id,
                network_id,
                organisation_id,
                role,
                request_id,
                via,
                path,
                obj._meta.label_lower,
                str(obj.pk),
                (obj.audit_repr() if hasattr(obj, "audit_repr") else "")[:200],
                int(read_at),
                purpose,
            )
        )
    if rows and is_refresh():
        rows = _new_to_reader(viewer, rows, via=via)
    if rows:
        _insert(rows)
    return len(rows)


def _insert(rows: list[_Read]) -> None:
    """Insert the rows as ``bulk_create`` would (same columns, values and ``at``), with one
    prepared statement per chunk instead of Django's per-field preparation: on PostgreSQL the
    same text whatever the rows (an array per column, ``_unnest_sql``), so the driver converts
    it once per process; elsewhere a multi-row ``VALUES``."""
    alias = router.db_for_write(AccessLogEntry)
    connection = connections[alias]
    stamp = _stamp_field()
    by_column = connection.vendor == "postgresql"
    if by_column:
        size = _ARRAYS_CHUNK
    else:
        size = min(_VALUES_CHUNK, connection.ops.bulk_batch_size(_insert_fields(), rows))
    # One statement is atomic by itself; several are made so together, as ``bulk_create`` does.
    several = len(rows) > size
    together = transaction.atomic(using=alias, savepoint=False) if several else nullcontext()
    with together, connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            stamps = [stamp.get_db_prep_save(timezone.now(), connection) for _ in chunk]
            if by_column:
                first = chunk[0]._asdict()
                columns = [[getattr(row, name) for row in chunk] for name in _PER_ROW]
                values = [first[name] for name in _PER_CALL]
                cursor.execute(_unnest_sql(alias), [*values, *columns, stamps])
                continue
            params: list[Any] = []
            for row, at in zip(chunk, stamps, strict=True):
                params.extend(row)
                params.append(at)
            cursor.execute(_insert_sql(alias, len(chunk)), params)


@functools.cache
def _insert_fields() -> tuple[Field, ...]:
    """The model's concrete columns but the id, in the order of a row's parameters: ``_Read``'s
    fields, then ``at``. Refuses a model and a row that have drifted apart."""
    by_attname = {f.attname: f for f in AccessLogEntry._meta.concrete_fields if not f.primary_key}
    written = (*_Read._fields, _STAMPED)
    if sorted(written) != sorted(by_attname):
        raise ImproperlyConfigured(
            f"access-log insert writes {sorted(written)}, the model has {sorted(by_attname)}"
        )
    return tuple(by_attname[name] for name in written)


def _stamp_field() -> Field:
    return _insert_fields()[-1]


@functools.lru_cache(maxsize=2 * _VALUES_CHUNK)
def _insert_sql(alias: str, count: int) -> str:
    """``INSERT … VALUES (…), (…)`` of ``count`` rows, a parameter per value."""
    values = "(" + ", ".join(["%s"] * len(_insert_fields())) + ")"
    return f"{_insert_into(alias)} VALUES {', '.join([values] * count)}"


@functools.cache
def _unnest_sql(alias: str) -> str:
    """PostgreSQL's ``INSERT … SELECT %s::type, …, u.* FROM unnest(%s::type[], …) AS u``: a
    parameter per column, the fields set once per call (``_PER_CALL``) as one value each, the
    others as an array of the rows' values. Values and arrays are cast to the columns' types
    without their lengths (``core.lookups.array_element_type``)."""
    connection = connections[alias]
    by_name = {field.attname: field for field in _insert_fields()}
    per_row = (*_PER_ROW, _STAMPED)
    values = [f"%s::{array_element_type(by_name[name], connection)}" for name in _PER_CALL]
    arrays = ", ".join(f"%s::{array_element_type(by_name[name], connection)}[]" for name in per_row)
    quote = connection.ops.quote_name
    row = ", ".join(quote(name) for name in per_row)
    columns = ", ".join(quote(cast(str, by_name[name].column)) for name in (*_PER_CALL, *per_row))
    table = quote(AccessLogEntry._meta.db_table)
    # From _meta: nothing from a request in the text.
    return (
        f"INSERT INTO {table} ({columns}) SELECT {', '.join(values)}, u.* "  # noqa: S608
        f"FROM unnest({arrays}) AS u({row})"
    )


def _insert_into(alias: str) -> str:
    quote = connections[alias].ops.quote_name
    columns = ", ".join(quote(cast(str, field.column)) for field in _insert_fields())
    table = quote(AccessLogEntry._meta.db_table)
    return f"INSERT INTO {table} ({columns})"


def _new_to_reader(viewer: Viewer, rows: list[_Read], *, via: str) -> list[_Read]:
    """A refresh logs only what is new to its reader: not logged for them on this channel within
    the window, changed since their last logged read, or read now at a higher level. Two queries
    (their recent reads of these objects, the objects' recent changes), whatever the count."""
    since = timezone.now() - REFRESH_WINDOW
    types = {row.object_type for row in rows}
    ids = {row.object_id for row in rows}
    last_read: dict[tuple[str, str], tuple[Any, int]] = {}
    for object_type, object_id, at, level in (
        AccessLogEntry.objects.filter(
            actor_id=viewer.user.pk,
            network_id=viewer.network.pk,
            via=via,
            at__gte=since,
            object_type__in=types,
            object_id__in=ids,
        )
        .values("object_type", "object_id")
        .annotate(last=Max("at"), level=Max("access"))
        .values_list("object_type", "object_id", "last", "level")
    ):
        last_read[(object_type, object_id)] = (at, level)
    if not last_read:
        return rows
    changed: dict[tuple[str, str], Any] = defaultdict(lambda: None)
    for object_type, object_id, at in (
        ChangeLogEntry.objects.filter(at__gte=since, object_type__in=types, object_id__in=ids)
        .values("object_type", "object_id")
        .annotate(last=Max("at"))
        .values_list("object_type", "object_id", "last")
    ):
        changed[(object_type, object_id)] = at
    kept = []
    for row in rows:
        key = (row.object_type, row.object_id)
        seen = last_read.get(key)
        change = changed[key]
        if seen is None or row.access > seen[1] or (change is not None and change >= seen[0]):
            kept.append(row)
    return kept


__all__ = ["AccessVia", "log_reads"]
