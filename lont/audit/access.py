"""The one mechanism that logs reads of personal data (pages, lists, API, exports, search)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Max
from django.utils import timezone

from lont.core import context
from lont.core.reads import REFRESH_WINDOW, is_refresh
from lont.core.visibility import access_for, registration_for

from .models import AccessLogEntry, AccessVia, ChangeLogEntry

if TYPE_CHECKING:
    from lont.core.viewer import Viewer


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
    rows: list[AccessLogEntry] = []
    for obj in objects:
        if not registration_for(type(obj)).personal_data:
            continue
        read_at = access_for(viewer, obj) if level is None else level
        rows.append(
            AccessLogEntry(
                actor_id=viewer.user.pk,
                network_id=viewer.network.pk,
                organisation_id=viewer.organisation.pk,
                role=viewer.role,
                request_id=ctx.request_id if ctx else "",
                via=via,
                path=path[:300],
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                object_repr=(obj.audit_repr() if hasattr(obj, "audit_repr") else "")[:200],
                access=int(read_at),
                purpose=purpose[:300],
            )
        )
    if rows and is_refresh():
        rows = _new_to_reader(viewer, rows, via=via)
    AccessLogEntry.objects.bulk_create(rows)
    return len(rows)


def _new_to_reader(viewer: Viewer, rows: list[AccessLogEntry], *, via: str) -> list[AccessLogEntry]:
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
