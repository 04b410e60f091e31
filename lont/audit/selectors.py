"""The privacy officer's reads of the logs: filtered to the network, never case content."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import AccessLogEntry, ChangeLogEntry


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_end(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def filter_log(
    queryset: QuerySet[Any],
    *,
    network: Any,
    actor: Any = None,
    object_type: str = "",
    object_id: str = "",
    since: date | None = None,
    until: date | None = None,
    text: str = "",
) -> QuerySet[Any]:
    qs = queryset.filter(network=network).select_related("actor")
    if actor is not None:
        qs = qs.filter(actor=actor)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if since:
        qs = qs.filter(at__gte=_day_start(since))
    if until:
        qs = qs.filter(at__lte=_day_end(until))
    if text:
        qs = qs.filter(Q(object_repr__icontains=text) | Q(actor__full_name__icontains=text))
    return qs


def change_log(*, viewer: Any, **filters: Any) -> QuerySet[ChangeLogEntry]:
    return filter_log(ChangeLogEntry.objects.all(), network=viewer.network, **filters)


def access_log(*, viewer: Any, **filters: Any) -> QuerySet[AccessLogEntry]:
    return filter_log(
        AccessLogEntry.objects.select_related("organisation"), network=viewer.network, **filters
    )


def object_types(*, viewer: Any) -> list[str]:
    changed = ChangeLogEntry.objects.filter(network=viewer.network).values_list(
        "object_type", flat=True
    )
    read = AccessLogEntry.objects.filter(network=viewer.network).values_list(
        "object_type", flat=True
    )
    return sorted(set(changed.distinct()) | set(read.distinct()))


def object_history(viewer: Any, obj: Any) -> QuerySet[ChangeLogEntry]:
    """The change log of one object the caller already fetched through ``get_visible``. Content
    fields are redacted in the log itself, so a summary-level reader learns only who changed
    what and when."""
    return (
        ChangeLogEntry.objects.filter(
            network=viewer.network, object_type=obj._meta.label_lower, object_id=str(obj.pk)
        )
        .select_related("actor")
        .order_by("-at", "-pk")
    )
