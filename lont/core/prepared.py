"""Querysets compiled to SQL once per process, for the few reads every request makes.

Django builds and compiles a queryset's SQL again on every evaluation: for the viewer's memberships
(three joins and a subquery) that is about a millisecond of CPU, five times what the database
needs to answer it, and every signed-in request pays it before its page does any work. A
:class:`PreparedQuery` compiles its queryset the first time it runs on a connection, with marker
values where the arguments go, and afterwards only executes that SQL with the arguments and turns
the rows into model instances exactly as the queryset would (Django's own column list, converters
and ``select_related`` populators).

For system lookups of a fixed shape only (the session, the signed-in user, their memberships): the
rows are not read through the visibility layer and the query cannot depend on anything but its
arguments (no ``now()``, no language, no settings read while it is built).

A :class:`ViewerQuery` does the same for a read through the visibility layer that every request of
a busy page makes (the dashboard's three): the layer's SQL depends on the viewer, so it is compiled
once per *viewer key* (``visibility.viewer_key``: everything of the viewer the layer reads), and
the viewer's values stay in it as constants. Its queryset may read the viewer only through the
layer (``visible``), and must be marked scoped.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

M = TypeVar("M", bound=Model)

# Marker arguments, distinct from any real value the lookups will see (and in range for an integer
# column, which Django checks before it compiles).
_INT_MARKER_BASE = 1_987_654_300
_STR_MARKER = "lont-prepared-argument-{}"
# A moment no real argument is (the backend adapts it: SQLite gets text, PostgreSQL the datetime).
_DATETIME_MARKER = dt.datetime(1901, 2, 3, 4, 5, 6, 789_000, tzinfo=dt.UTC)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # Per SQL parameter: the argument's name, or ("", constant) for a constant of the queryset.
    params: tuple[tuple[str, Any], ...]
    build: Callable[[list[tuple[Any, ...]]], list[Any]]
    # How an argument is adapted for the backend as the queryset would (datetimes), by name.
    adapt: tuple[tuple[str, Callable[[Any], Any]], ...] = ()

    def execute(self, connection: Any, arguments: dict[str, Any]) -> list[Any]:
        if self.adapt:
            arguments = dict(arguments)
            for name, adapt in self.adapt:
                arguments[name] = adapt(arguments[name])
        params = [arguments[name] if name else constant for name, constant in self.params]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        return self.build(rows)


def _compile(
    queryset: QuerySet[Any], using: str, markers: dict[str, Any], argument_types: dict[str, type]
) -> _Compiled:
    connection = connections[using]
    adapters = {
        name: connection.ops.adapt_datetimefield_value
        for name, kind in argument_types.items()
        if kind is dt.datetime
    }
    # A marker as it reaches the SQL parameters: adapted by the backend where the argument is.
    by_marker = {
        (adapters[name](value) if name in adapters else value): name
        for name, value in markers.items()
    }
    compiler = queryset.query.get_compiler(using=using)
    sql, raw_params = compiler.as_sql()
    params = tuple(
        (by_marker[value], None) if _is_marker(value, by_marker) else ("", value)
        for value in raw_params
    )
    missing = set(markers) - {name for name, _ in params}
    if missing:
        raise ValueError(f"Prepared query does not use its arguments {sorted(missing)}: {sql}")
    if queryset._iterable_class is ModelIterable:
        build = _row_builder(compiler, using)
    elif queryset._iterable_class is ValuesListIterable:
        build = _tuple_builder(compiler)
    else:
        raise ValueError("Prepared queries read model instances or values_list() tuples.")
    return _Compiled(sql, params, build, tuple(adapters.items()))


def _markers(argument_types: dict[str, type]) -> dict[str, Any]:
    markers: dict[str, Any] = {}
    for index, (name, kind) in enumerate(argument_types.items()):
        if kind is int:
            markers[name] = _INT_MARKER_BASE + index
        elif kind is str:
            markers[name] = _STR_MARKER.format(index)
        elif kind is dt.datetime:
            if any(k is dt.datetime for k in list(argument_types.values())[:index]):
                raise TypeError("Prepared queries take one datetime argument at most.")
            markers[name] = _DATETIME_MARKER
        else:
            raise TypeError(f"Prepared query arguments are int, str or datetime, not {kind!r}")
    return markers


class PreparedQuery(Generic[M]):
    """``PreparedQuery(lambda user_id: Model.objects.filter(user_id=user_id)..., user_id=int)``;
    calling it with ``user_id=7`` returns the list the queryset would."""

    def __init__(self, build: Callable[..., QuerySet[M]], **argument_types: type) -> None:
        self._build = build
        self._argument_types = argument_types
        self._compiled: weakref.WeakKeyDictionary[Any, _Compiled] = weakref.WeakKeyDictionary()

    def __call__(self, using: str = "default", **arguments: Any) -> list[M]:
        connection = connections[using]
        compiled = self._compiled.get(connection)
        if compiled is None:
            markers = _markers(self._argument_types)
            compiled = self._compiled[connection] = _compile(
                self._build(**markers), using, markers, self._argument_types
            )
        return compiled.execute(connection, arguments)


# Compiled reads kept per query and connection: one per viewer key seen, up to this many (then
# forgotten together and compiled again as requests come).
_VIEWER_KEYS_KEPT = 256


class ViewerQuery(Generic[M]):
    """``ViewerQuery(lambda viewer, since: visible(viewer, Model).filter(at__gt=since)...,
    since=dt.datetime)``; calling it with ``(viewer, since=...)`` returns the list the queryset
    would (model instances, or tuples for ``values_list()``)."""

    def __init__(self, build: Callable[..., QuerySet[M]], **argument_types: type) -> None:
        self._build = build
        self._argument_types = argument_types
        self._compiled: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], _Compiled]] = (
            weakref.WeakKeyDictionary()
        )

    def __call__(self, viewer: Any, using: str = "default", **arguments: Any) -> list[Any]:
        from .visibility import viewer_key

        connection = connections[using]
        kept = self._compiled.get(connection)
        if kept is None:
            kept = self._compiled[connection] = {}
        key = viewer_key(viewer)
        if key is None:
            return self._compile(viewer, using).execute(connection, arguments)
        compiled = kept.get(key)
        if compiled is None:
            if len(kept) >= _VIEWER_KEYS_KEPT:
                kept.clear()
            compiled = kept[key] = self._compile(viewer, using)
        return compiled.execute(connection, arguments)

    def _compile(self, viewer: Any, using: str) -> _Compiled:
        markers = _markers(self._argument_types)
        queryset = self._build(viewer, **markers)
        if not getattr(queryset, "is_scoped", False):
            raise ValueError("A viewer query reads through the visibility layer (visible()).")
        if queryset._prefetch_related_lookups:  # type: ignore[attr-defined]
            raise ValueError("A viewer query does not prefetch (the layer scopes prefetches).")
        return _compile(queryset, using, markers, self._argument_types)


def _is_marker(value: Any, by_marker: dict[Any, str]) -> bool:
    # bool is an int: a constant True must not match an integer marker (it never would, but say so).
    return (
        not isinstance(value, bool)
        and isinstance(value, int | str | dt.datetime)
        and value in by_marker
    )


def _row_builder(compiler: Any, using: str) -> Callable[[list[tuple[Any, ...]]], list[Any]]:
    """What ``ModelIterable`` does with the compiler's rows, with everything per query worked out
    once: the model's columns, the converters, the ``select_related`` populators, annotations."""
    select, klass_info, annotation_col_map = (
        compiler.select,
        compiler.klass_info,
        compiler.annotation_col_map,
    )
    fields = [column[0] for column in select[0 : compiler.col_count]]
    if compiler.has_composite_fields(fields):
        raise ValueError("Prepared queries do not read composite primary keys.")
    converters = compiler.get_converters(fields)
    model_cls = klass_info["model"]
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    init_list = [column[0].target.attname for column in select[start:end]]
    populators = get_related_populators(klass_info, select, using)  # type: ignore[call-arg]
    annotations = list((annotation_col_map or {}).items())

    def build(rows: list[tuple[Any, ...]]) -> list[Any]:
        converted: Iterable[Any] = (
            compiler.apply_converters(rows, converters) if converters else rows
        )
        objects = []
        for row in converted:
            obj = model_cls.from_db(using, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects

    return build


def _tuple_builder(compiler: Any) -> Callable[[list[tuple[Any, ...]]], list[Any]]:
    """What ``ValuesListIterable`` does with the compiler's rows (``results_iter``), the converters
    worked out once."""
    count = compiler.col_count
    fields = [column[0] for column in compiler.select[0:count]]
    if compiler.has_composite_fields(fields):
        raise ValueError("Prepared queries do not read composite primary keys.")
    converters = compiler.get_converters(fields)

    def build(rows: list[tuple[Any, ...]]) -> list[Any]:
        trimmed: Iterable[Any] = (row[:count] for row in rows)
        if converters:
            trimmed = compiler.apply_converters(trimmed, converters)
        return [tuple(row) for row in trimmed]

    return build
