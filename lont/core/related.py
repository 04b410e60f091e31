"""Rows shown *beside* the object a page is about: one rule, applied by one prefetch helper.

A related row (a person on a signal, a dissent in a meeting, a membership, a relation) is shown
only when the viewer may see the row and every registered object it names (``related=`` at
registration) at the level shown — :func:`lont.core.visibility.effective_access`. Pages, API,
exports and PDFs read such rows through :func:`prefetch_visible`, which

- fetches them through a scoped queryset (``visible(viewer, Model, minimum=…)``),
- drops every row whose effective access (row *and* both ends) is below ``minimum``,
- marks each kept row with its effective access (``row.lont_access``), and
- access-logs the personal rows it returns (and the personal objects they name).

What a summary shows is declared with the registration (``summary_fields``, ``summary``) and
rendered by :func:`summary_of` / :func:`summary_text` — by serializers and templates alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects

from lont.core.choices import Access

from .viewer import Viewer
from .visibility import (
    SHOWN_ACCESS,
    effective_access_each,
    is_registered,
    mark_shown,
    named_objects,
    registration_for,
    visible,
)

ACCESS_ATTR = SHOWN_ACCESS


def access_name(level: int) -> str:
    """The API's one representation of an access level: ``"full"``, ``"summary"`` or ``"none"``."""
    return {Access.FULL: "full", Access.SUMMARY: "summary"}.get(Access(level), "none")


def _related_model(model: type[models.Model], name: str) -> tuple[type[models.Model], Any]:
    descriptor = model._meta.get_field(name)
    return descriptor.related_model, descriptor  # type: ignore[return-value]


def _cache_name(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    accessor = getattr(field, "get_accessor_name", None)
    return str(accessor() if accessor else name)


def _scoped(
    viewer: Viewer, related_model: type[models.Model], minimum: Access, select: tuple[str, ...]
) -> models.QuerySet:
    queryset = visible(viewer, related_model, minimum=minimum)
    names = (*registration_for(related_model).related, *select)
    return queryset.select_related(*names) if names else queryset


def _load_named(viewer: Viewer, rows: list[Any]) -> set[int]:
    """Load the objects the rows name in one scoped query per foreign key (no query per row);
    returns the ids of rows naming an object the viewer may not see at all."""
    needed: dict[Any, list[Any]] = {}
    for row in rows:
        for name in registration_for(type(row)).related:
            field = row._meta.get_field(name)
            if getattr(row, field.attname) is not None and not field.is_cached(row):
                needed.setdefault(field, []).append(row)
    hidden: set[int] = set()
    for field, needing in needed.items():
        ids = {getattr(row, field.attname) for row in needing}
        found = {obj.pk: obj for obj in visible(viewer, field.related_model).filter(pk__in=ids)}
        for row in needing:
            target = found.get(getattr(row, field.attname))
            if target is None:
                hidden.add(id(row))
            else:
                field.set_cached_value(row, target)
    return hidden


def _keep(viewer: Viewer, rows: Iterable[Any], minimum: Access) -> list[Any]:
    rows = list(rows)
    hidden = _load_named(viewer, rows)
    shown = [row for row in rows if id(row) not in hidden]
    kept = []
    for row, level in zip(shown, effective_access_each(viewer, shown), strict=True):
        if level >= minimum:
            mark_shown(viewer, row, level)
            kept.append(summarised(row) if level < Access.FULL else row)
    return kept


def summarised(row: Any) -> Any:
    """A row kept as a summary names nothing beyond its declared summary fields: its other text
    fields are emptied in memory (never saved), so no page, PDF or serializer can show them."""
    keep = set(registration_for(type(row)).summary_fields)
    for field in row._meta.concrete_fields:
        if field.name in keep or field.choices or not field.editable:
            continue
        if isinstance(field, models.CharField | models.TextField):
            setattr(row, field.attname, "")
    row._lont_summarised = True
    return row


def filter_visible(
    viewer: Viewer,
    rows: Iterable[Any],
    *,
    minimum: Access = Access.SUMMARY,
    via: str = "",
    path: str = "",
) -> list[Any]:
    """Rows a selector already read through ``visible`` that may be *shown*: both ends checked,
    and with ``via`` access-logged (rows shown beside a page's subject are reads too)."""
    kept = _keep(viewer, rows, minimum)
    if via:
        log_shown(viewer, kept, via=via, path=path)
    return kept


def prefetch_visible(
    viewer: Viewer,
    objects: Sequence[models.Model],
    *lookups: str,
    minimum: Access = Access.SUMMARY,
    via: str = "",
    path: str = "",
    select_related: tuple[str, ...] = (),
) -> list[Any]:
    """Prefetch ``lookups`` (reverse foreign keys or many-to-many; ``a__b`` for nested) on
    ``objects`` through the visibility layer and keep only the rows the viewer may see at
    ``minimum`` on both ends. ``obj.<lookup>.all()`` then returns only those rows.

    With ``via`` the personal rows returned (and the personal objects they name) are
    access-logged; ``select_related`` adds joins for what the page prints beside them.
    Returns every related row kept, for callers that log or count them."""
    kept_all: list[Any] = []
    objects = list(objects)
    if not objects:
        return kept_all
    model = type(objects[0])
    for lookup in lookups:
        first, _sep, rest = lookup.partition("__")
        related_model, _field = _related_model(model, first)
        if not is_registered(related_model):
            raise LookupError(
                f"{related_model.__name__} is not registered: register it with "
                "lont.core.visibility.register(…, related=…) before prefetching it"
            )
        cache = _cache_name(model, first)
        for obj in objects:  # an earlier, unscoped prefetch of the same rows would be reused
            getattr(obj, "_prefetched_objects_cache", {}).pop(cache, None)
        prefetch_related_objects(
            objects,
            Prefetch(first, queryset=_scoped(viewer, related_model, minimum, select_related)),
        )
        children: list[Any] = []
        for obj in objects:
            queryset = obj._prefetched_objects_cache[cache]  # type: ignore[attr-defined]
            rows = _keep(viewer, queryset._result_cache or [], minimum)
            queryset._result_cache = rows
            children.extend(rows)
        kept_all.extend(children)
        if rest and children:
            kept_all.extend(
                prefetch_visible(
                    viewer, children, rest, minimum=minimum, select_related=select_related
                )
            )
    if via:
        log_shown(viewer, kept_all, via=via, path=path)
    return kept_all


def log_shown(viewer: Viewer, rows: Iterable[Any], *, via: str, path: str = "") -> int:
    """Access-log rows shown beside a page's subject, and the personal objects they name."""
    from lont.core.reads import log_reads

    seen: set[tuple[str, Any]] = set()
    shown: list[Any] = []
    for row in rows:
        for obj in (row, *named_objects(row)):
            key = (obj._meta.label_lower, obj.pk)
            if key not in seen:
                seen.add(key)
                shown.append(obj)
    return log_reads(viewer, shown, via=via, path=path)


def summary_of(viewer: Viewer, obj: models.Model) -> dict[str, Any]:
    """The declared summary fields of a row, plus its summary sentence."""
    reg = registration_for(type(obj))
    data = {name: getattr(obj, name) for name in reg.summary_fields}
    data["summary"] = summary_text(viewer, obj)
    return data


def summary_text(viewer: Viewer, obj: models.Model) -> str:
    """The declared summary sentence (it names nothing the viewer may not see)."""
    reg = registration_for(type(obj))
    return reg.summary(viewer, obj) if reg.summary is not None else ""


def label_text(viewer: Viewer, obj: models.Model) -> str:
    """The declared short name of a row for a reader with at least summary access (the summary
    sentence when the model declares no label); names nothing the viewer may not see."""
    reg = registration_for(type(obj))
    return reg.label(viewer, obj) if reg.label is not None else summary_text(viewer, obj)
