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
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

M = TypeVar("M", bound=Model)

# Marker arguments, distinct from any real value the lookups will see (and in range for an integer
# column, which Django checks before it compiles).
_INT_MARKER_BASE = 1_987_654_300
_STR_MARKER = "lont-prepared-argument-{}"


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # Per SQL parameter: the argument's name, or ("", constant) for a constant of the queryset.
    params: tuple[tuple[str, Any], ...]
    build: Callable[[list[tuple[Any, ...]]], list[Any]]


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
            compiled = self._compiled[connection] = self._compile(using)
        params = [arguments[name] if name else constant for name, constant in compiled.params]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return compiled.build(rows)

    def _compile(self, using: str) -> _Compiled:
        markers = self._markers()
        queryset = self._build(**markers)
        compiler = queryset.query.get_compiler(using=using)
        sql, raw_params = compiler.as_sql()
        by_marker = {value: name for name, value in markers.items()}
        params = tuple(
            (by_marker[value], None) if _is_marker(value, by_marker) else ("", value)
            for value in raw_params
        )
        missing = set(markers) - {name for name, _ in params}
        if missing:
            raise ValueError(f"Prepared query does not use its arguments {sorted(missing)}: {sql}")
        return _Compiled(sql, params, _row_builder(compiler, using))

    def _markers(self) -> dict[str, Any]:
        markers: dict[str, Any] = {}
        for index, (name, kind) in enumerate(self._argument_types.items()):
            if kind is int:
                markers[name] = _INT_MARKER_BASE + index
            elif kind is str:
                markers[name] = _STR_MARKER.format(index)
            else:
                raise TypeError(f"Prepared query arguments are int or str, not {kind!r}")
        return markers


def _is_marker(value: Any, by_marker: dict[Any, str]) -> bool:
    # bool is an int: a constant True must not match an integer marker (it never would, but say so).
    return not isinstance(value, bool) and isinstance(value, int | str) and value in by_marker


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
