"""The purge itself: which rows expired, and deleting or anonymising them one by one.

Rows go in batches, each batch in one transaction, re-checked under a lock; when anything in a
batch fails, it is redone one row per transaction, so one failure is logged (model, id and error
type, never content) and counted, and the others continue. Files of every deleted row —
the row itself and whatever cascades from it — are deleted from storage after the commit.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.db import models, router, transaction
from django.db.models import ProtectedError, Q, RestrictedError
from django.db.models.deletion import Collector
from django.utils import timezone

from lont.core import visibility

from .rules import ANONYMISE, DELETE, Rule, bulk_context

logger = logging.getLogger(__name__)

# (model label, category, outcome) → count
Counts = Counter[tuple[str, str, str]]
PAGE = 1000
BATCH = 200  # records per commit


def _older_than(model: type[models.Model], name: str, cutoff: dt.date) -> Q:
    if isinstance(model._meta.get_field(name), models.DateTimeField):
        start = timezone.make_aware(dt.datetime.combine(cutoff, dt.time.min))
        return Q(**{f"{name}__lt": start})
    return Q(**{f"{name}__lt": cutoff})


def category_of(model: type[models.Model]) -> tuple[str | None, str | None]:
    """(fixed category, category field) from the visibility registration."""
    reg = visibility.registration_for(model)
    return reg.category, reg.category_field


def expired(
    rule: Rule, network_id: int, retention_days: dict[str, int], today: dt.date
) -> models.QuerySet:
    """The rows of ``rule``'s model in a network whose retention has passed (holds not applied)."""
    model = rule.model
    fixed, field = category_of(model)
    reg = visibility.registration_for(model)
    by_age = Q(pk__in=[])
    for category, days in retention_days.items():
        if not days or (field is None and category != fixed):
            continue
        condition = _older_than(model, rule.since or "", today - dt.timedelta(days=int(days)))
        if field is not None:
            condition &= Q(**{field: category})
        by_age |= condition
    if rule.until:
        by_age = Q(**{f"{rule.until}__lt": today}) | (Q(**{f"{rule.until}__isnull": True}) & by_age)
    # System work: the nightly task and the command run as task/command, never while serving.
    queryset = model._base_manager.filter(**{reg.network_field: network_id}).filter(by_age)
    if rule.kind == ANONYMISE:
        queryset = queryset.exclude(_anonymised(rule))
    return queryset


def _anonymised(rule: Rule) -> Q:
    done = Q()
    for name, value in rule.clear.items():
        done &= Q(**{f"{name}__isnull": True}) if value is None else Q(**{name: value})
    return done


def _file_names(model: type[models.Model], rows: Iterable[Any]) -> list[tuple[Any, str]]:
    fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
    names = []
    for row in rows:
        for f in fields:
            name = getattr(row, f.attname)
            if name:
                names.append((f.storage, str(name)))
    return names


def _delete_files(names: list[tuple[Any, str]]) -> None:
    for storage, name in names:
        try:
            storage.delete(name)
        except Exception as error:  # the row is gone; a stray file is logged, not fatal
            logger.error("retention: file delete failed: %s", type(error).__name__)


def delete_with_cascade(rows: list[models.Model]) -> Counter[str]:
    """Delete rows of one model and their cascade (one query per relation for all of them);
    counts per model label; the files of every deleted row go after the commit."""
    model = type(rows[0])
    collector = Collector(using=router.db_for_write(model), origin=rows[0])
    collector.collect(rows)
    files: list[tuple[Any, str]] = []
    counts: Counter[str] = Counter()
    for model, instances in collector.data.items():
        files += _file_names(model, instances)
        counts[model._meta.label] += len(instances)
    for queryset in collector.fast_deletes:
        file_fields = [
            f.attname
            for f in queryset.model._meta.concrete_fields
            if isinstance(f, models.FileField)
        ]
        if file_fields:
            files += _file_names(queryset.model, queryset.only(*file_fields))
    collector.delete()
    if files:
        transaction.on_commit(partial(_delete_files, files))
    return counts


def anonymise(row: models.Model, rule: Rule) -> None:
    for name, value in rule.clear.items():
        setattr(row, name, value)
    row.save(update_fields=list(rule.clear))


def purge_rule(
    rule: Rule,
    *,
    network_id: int,
    retention_days: dict[str, int],
    today: dt.date,
    held: set[int],
    counts: Counts,
    failures: list[dict[str, Any]],
) -> None:
    """Purge one model's expired rows in one network, each row in its own transaction."""
    fixed, field = category_of(rule.model)
    queryset = expired(rule, network_id, retention_days, today)
    values = ("pk", field) if field else ("pk",)
    last = 0
    while True:
        # Keyset pages: memory stays flat, and no cursor is open on the table being deleted from
        # (SQLite gives no isolation between a running cursor and writes on one connection).
        page = list(queryset.filter(pk__gt=last).order_by("pk").values_list(*values)[:PAGE])
        if not page:
            return
        last = page[-1][0]
        items = []
        for values_row in page:
            pk = values_row[0]
            category = str(values_row[1] if field else fixed)
            if pk in held:
                counts[(rule.label, category, "held")] += 1
            else:
                items.append((pk, category))
        by_category: dict[str, list[tuple[int, str]]] = {}
        for item in items:
            by_category.setdefault(item[1], []).append(item)
        for group in by_category.values():
            for start in range(0, len(group), BATCH):
                _purge_batch(rule, group[start : start + BATCH], queryset, counts, failures)


def _purge_batch(
    rule: Rule,
    items: list[tuple[int, str]],
    queryset: models.QuerySet,
    counts: Counts,
    failures: list[dict[str, Any]],
) -> None:
    """A batch of one category goes in one transaction — rows locked and re-checked, the
    cascade collected once for all of them — which is what makes 200,000 rows a night feasible.
    If anything in it fails (a referenced row, a broken one), the batch is rolled back as a whole
    and redone one record per transaction, so one record's problem never costs the others."""
    batch_counts: Counts = Counter()
    try:
        with transaction.atomic():
            _apply(rule, [pk for pk, _category in items], items[0][1], queryset, batch_counts)
    except Exception:
        for pk, category in items:
            _purge_one(rule, pk, category, queryset, counts, failures)
        return
    counts.update(batch_counts)


def _apply(
    rule: Rule, pks: list[int], category: str, queryset: models.QuerySet, counts: Counts
) -> None:
    # Locked and re-checked: a correction may have moved a date, a hold may not (holds are read
    # once per run; a hold set during the run applies from the next night).
    rows = list(queryset.select_for_update().filter(pk__in=pks).order_by("pk"))
    if not rows:
        return
    if rule.kind == DELETE:
        with bulk_context(rule.label, [row.pk for row in rows]):
            deleted = delete_with_cascade(rows)
        for label, n in deleted.items():
            outcome = "deleted" if label == rule.label else "deleted_with_parent"
            counts[(label, category, outcome)] += n
    else:
        for row in rows:
            anonymise(row, rule)
        counts[(rule.label, category, "anonymised")] += len(rows)


def _purge_one(
    rule: Rule,
    pk: int,
    category: str,
    queryset: models.QuerySet,
    counts: Counts,
    failures: list[dict[str, Any]],
) -> None:
    try:
        with transaction.atomic():
            _apply(rule, [pk], category, queryset, counts)
    except (ProtectedError, RestrictedError):
        # Still named by a live record (e.g. a group by a signal): it goes when that one goes.
        counts[(rule.label, category, "referenced")] += 1
    except Exception as error:  # one row's problem never stops the others
        logger.error("retention: %s #%s failed: %s", rule.label, pk, type(error).__name__)
        counts[(rule.label, category, "failed")] += 1
        failures.append({"model": rule.label, "id": pk, "error": type(error).__name__})


def nest(counts: Counts) -> dict[str, dict[str, dict[str, int]]]:
    """{model: {category: {outcome: n}}} for the run record and the audit event."""
    nested: dict[str, dict[str, dict[str, int]]] = {}
    for (label, category, outcome), n in sorted(counts.items()):
        if n:
            nested.setdefault(label, {}).setdefault(category, {})[outcome] = n
    return nested
