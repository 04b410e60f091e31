"""The privacy officer's reads of the logs: filtered to the network, never case content."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, ClassVar

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Max,
    Min,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from lont.core.choices import Access

from .models import AccessLogEntry, ChangeLogEntry
from .names import choice_label, model_label

PERSON_TYPE = "subjects.person"
ACCESS_ONLY_FILTERS = ("organisation", "access", "purpose", "person")


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
    for name in ACCESS_ONLY_FILTERS:
        filters.pop(name, None)
    return filter_log(ChangeLogEntry.objects.all(), network=viewer.network, **filters)


def access_log(
    *,
    viewer: Any,
    organisation: Any = None,
    access: int | str | None = None,
    purpose: str = "",
    person: str = "",
    **filters: Any,
) -> QuerySet[AccessLogEntry]:
    """Reads in the network; ``organisation`` is the reader's partner, ``person`` a person's
    number or alias (reads of that person's record), ``access`` the level that was shown."""
    qs = filter_log(
        AccessLogEntry.objects.select_related("organisation"), network=viewer.network, **filters
    )
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    if access not in (None, ""):
        qs = qs.filter(access=int(access))
    if purpose:
        qs = qs.filter(purpose__icontains=purpose)
    if person:
        match = Q(object_repr__icontains=person)
        if person.isdigit():
            match |= Q(object_id=person)
        qs = qs.filter(match, object_type=PERSON_TYPE)
    return qs


def object_types(*, viewer: Any) -> list[str]:
    changed = ChangeLogEntry.objects.filter(network=viewer.network).values_list(
        "object_type", flat=True
    )
    read = AccessLogEntry.objects.filter(network=viewer.network).values_list(
        "object_type", flat=True
    )
    return sorted(set(changed.distinct()) | set(read.distinct()))


# One request's reads, shown as one entry ------------------------------------------------------


def _group_key() -> Case:
    # Reads outside a request (none today, but old rows or commands) each form their own group.
    return Case(
        When(request_id="", then=Concat(Value("#"), Cast("id", CharField()))),
        default=F("request_id"),
        output_field=CharField(),
    )


def read_groups(entries: QuerySet[AccessLogEntry]) -> QuerySet[Any]:
    """The groups (one per request) of the filtered reads, newest first, as dicts with
    ``key``, ``at`` and ``records``; paginate this, then fill a page with ``fill_groups``."""
    return (
        entries.order_by()
        .annotate(key=_group_key())
        .values("key")
        .annotate(at=Max("at"), first_id=Min("id"), records=Count("id"))
        .order_by("-at", "-first_id")
    )


@dataclass
class ReadRecord:
    model: str
    object_id: str
    object_repr: str
    access: int


@dataclass
class ReadGroup:
    key: str
    at: datetime
    actor: Any
    organisation: Any
    role: str
    via: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    records: list[ReadRecord] = field(default_factory=list)

    SHOWN: ClassVar[int] = 25  # an export can touch hundreds; the CSV lists them all

    @property
    def shown(self) -> list[ReadRecord]:
        return self.records[: self.SHOWN]

    @property
    def more(self) -> int:
        return max(len(self.records) - self.SHOWN, 0)

    @property
    def summary_only(self) -> bool:
        """Every record was shown as a summary: the reader saw no full record."""
        return all(record.access == Access.SUMMARY for record in self.records)

    @property
    def partly_summary(self) -> bool:
        return not self.summary_only and any(r.access == Access.SUMMARY for r in self.records)


def fill_groups(entries: QuerySet[AccessLogEntry], groups: list[dict[str, Any]]) -> list[ReadGroup]:
    """The rows of one page of groups, in one query, grouped in the page's order."""
    keys = [group["key"] for group in groups]
    request_ids = [key for key in keys if not key.startswith("#")]
    ids = [int(key[1:]) for key in keys if key.startswith("#")]
    rows = entries.filter(Q(request_id__in=request_ids) | Q(id__in=ids)).order_by("at", "id")
    built: dict[str, ReadGroup] = {}
    for row in rows:
        key = row.request_id or f"#{row.pk}"
        group = built.get(key)
        if group is None:
            group = built[key] = ReadGroup(
                key=key,
                at=row.at,
                actor=row.actor,
                organisation=row.organisation,
                role=choice_label("networks.membership", "role", row.role or ""),
            )
        group.at = max(group.at, row.at)
        via = str(row.get_via_display())
        for values, value in (
            (group.via, via),
            (group.paths, row.path),
            (group.purposes, row.purpose),
        ):
            if value and value not in values:
                values.append(value)
        group.records.append(
            ReadRecord(
                model=model_label(row.object_type),
                object_id=row.object_id,
                object_repr=row.object_repr,
                access=row.access,
            )
        )
    return [built[key] for key in keys if key in built]


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
