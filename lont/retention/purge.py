"""The purge itself: which rows expired, and deleting or anonymising them one by one.

Each row goes in its own transaction, re-checked under a lock: one failure is logged (model, id
and error type, never content) and counted, and the others continue. Files of every deleted row —
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

from .rules import ANONYMISE, DELETE, Rule

logger = logging.getLogger(__name__)

# (model label, category, outcome) → count
Counts = Counter[tuple[str, str, str]]


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
    # scope: system work (the integrator wraps the nightly task in system_context)
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


def delete_with_cascade(row: models.Model) -> Counter[str]:
    """Delete a row and its cascade; counts per model label; files go after the commit."""
    collector = Collector(using=router.db_for_write(type(row)), origin=row)
    collector.collect([row])
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
    for values_row in queryset.order_by("pk").values_list(*values).iterator(chunk_size=2000):
        pk = values_row[0]
        category = str(values_row[1] if field else fixed)
        if pk in held:
            counts[(rule.label, category, "held")] += 1
            continue
        _purge_one(rule, pk, category, queryset, counts, failures)


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
            # Locked and re-checked: a correction may have moved its date meanwhile.
            row = queryset.select_for_update().filter(pk=pk).first()
            if row is None:
                return
            if rule.kind == DELETE:
                for label, n in delete_with_cascade(row).items():
                    outcome = "deleted" if label == rule.label else "deleted_with_parent"
                    counts[(label, category, outcome)] += n
            else:
                anonymise(row, rule)
                counts[(rule.label, category, "anonymised")] += 1
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
