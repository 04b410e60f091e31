"""The one mechanism that logs reads of personal data (pages, lists, API, exports, search)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from lont.core import context
from lont.core.visibility import access_for, registration_for

from .models import AccessLogEntry, AccessVia

if TYPE_CHECKING:
    from lont.core.viewer import Viewer


def log_reads(
    viewer: Viewer,
    objects: Iterable[Any],
    *,
    via: str,
    path: str = "",
    purpose: str = "",
) -> int:
    """Write one access-log row per object that holds personal data; returns the count."""
    ctx = context.current()
    rows = []
    for obj in objects:
        if not registration_for(type(obj)).personal_data:
            continue
        level = access_for(viewer, obj)
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
                access=int(level),
                purpose=purpose[:300],
            )
        )
    AccessLogEntry.objects.bulk_create(rows)
    return len(rows)


__all__ = ["AccessVia", "log_reads"]
