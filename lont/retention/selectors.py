"""Retention's reads for the privacy officer and director: counts only, never content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from lont.core import visibility
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.choices import InformationCategory

from . import holds, purge
from .models import LegalHold, PurgeRun
from .rules import ELSEWHERE, all_rules, purging_rules


@dataclass(frozen=True)
class DryRunRow:
    model: str  # verbose name (plural), Dutch
    label: str
    category: str  # category label
    goes: int
    held: int


def _grouped(queryset: QuerySet, fixed: str | None, field: str | None) -> dict[str, int]:
    if field is None:
        n = queryset.count()
        return {str(fixed): n} if n else {}
    return {
        str(row[field]): row["n"]
        for row in queryset.order_by().values(field).annotate(n=Count("pk"))
    }


@system_context("retention dry run: counts per model and category, no content")
def dry_run(*, viewer: Viewer, today: dt.date) -> list[DryRunRow]:
    """What tonight's run would delete or anonymise in the viewer's network, and what a hold keeps.

    One grouped count per model (two when something of it is held): flat in the number of rows.
    """
    covenant = viewer.covenant
    if covenant is None:
        return []
    days = {str(k): int(v) for k, v in (covenant.retention_days or {}).items() if v}
    held = holds.held_keys(viewer.network, today)
    labels = {value: str(label) for value, label in InformationCategory.choices}
    rows = []
    for rule in purging_rules():
        fixed, field = purge.category_of(rule.model)
        expired = purge.expired(rule, viewer.network.pk, days, today)
        held_ids = held.get(rule.label, set())
        goes = _grouped(expired.exclude(pk__in=held_ids), fixed, field)
        kept = _grouped(expired.filter(pk__in=held_ids), fixed, field) if held_ids else {}
        for category in sorted(set(goes) | set(kept)):
            rows.append(
                DryRunRow(
                    model=str(rule.model._meta.verbose_name_plural),
                    label=rule.label,
                    category=str(labels.get(category, category)),
                    goes=goes.get(category, 0),
                    held=kept.get(category, 0),
                )
            )
    rows += _due_elsewhere(viewer, today, held, labels)
    return rows


def _due_elsewhere(
    viewer: Viewer, today: dt.date, held: dict[str, set[int]], labels: dict[str, str]
) -> list[DryRunRow]:
    """Rows another job deletes by a date of their own (a person's review date) go tonight too."""
    rows = []
    for rule in all_rules():
        if rule.kind != ELSEWHERE or not rule.until:
            continue
        fixed, field = purge.category_of(rule.model)
        reg = visibility.registration_for(rule.model)
        due = rule.model._base_manager.filter(
            **{reg.network_field: viewer.network.pk, f"{rule.until}__lt": today}
        )
        held_ids = held.get(rule.label, set())
        goes = _grouped(due.exclude(pk__in=held_ids), fixed, field)
        kept = _grouped(due.filter(pk__in=held_ids), fixed, field) if held_ids else {}
        for category in sorted(set(goes) | set(kept)):
            rows.append(
                DryRunRow(
                    model=str(rule.model._meta.verbose_name_plural),
                    label=rule.label,
                    category=str(labels.get(category, category)),
                    goes=goes.get(category, 0),
                    held=kept.get(category, 0),
                )
            )
    return rows


def last_runs(*, viewer: Viewer, limit: int = 10) -> list[PurgeRun]:
    return list(PurgeRun.objects.filter(network=viewer.network)[:limit])


def legal_holds(*, viewer: Viewer) -> QuerySet[LegalHold]:
    return LegalHold.objects.filter(network=viewer.network).select_related(
        "content_type", "set_by__user", "ended_by__user"
    )
