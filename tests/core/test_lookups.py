"""``__in`` with a long list of values is one array parameter on PostgreSQL and finds the rows
Django's ``IN (…)`` finds, with ``filter`` and ``exclude``, on both databases."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.db.models import (
    CharField,
    F,
    Field,
    ForeignObject,
    IntegerField,
    Transform,
    UUIDField,
    Value,
)
from django.db.models.functions import Cast, LPad
from django.test.utils import register_lookup

from lont.audit.models import AccessLogEntry
from lont.core.lookups import ARRAY_FROM, ArrayIn, RelatedArrayIn

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"
# Texts an array literal must quote: separators, braces, quotes, a backslash, the word NULL.
ODD_TEXTS = ["a'b", 'say "hi"', "{x,y}", "back\\slash", "NULL", "", " spaced ", "ëé"]


@pytest.fixture
def entries(make_member) -> list[AccessLogEntry]:
    """Thirty log rows: some without an actor, odd texts among the object ids."""
    readers = [make_member().user for _ in range(3)]
    texts = [*ODD_TEXTS, *(f"obj-{i}" for i in range(30 - len(ODD_TEXTS)))]
    return AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            actor=None if i % 4 == 0 else readers[i % 3],
            via="list",
            object_type="test.row",
            object_id=text,
            object_repr="",
            access=i % 5,
        )
        for i, text in enumerate(texts)
    )


def _uuid_of_pk() -> Cast:
    """A UUID per row, made from its key (hex digits only: valid on both databases)."""
    return Cast(LPad(Cast("pk", CharField()), 32, Value("0")), UUIDField())


def _uuid(pk: int) -> uuid.UUID:
    return uuid.UUID(str(pk).rjust(32, "0"))


# (lookup, the row's value it compares, values to look for given the rows)
CASES: dict[str, tuple[str, Callable[[AccessLogEntry], Any], Callable[[list[Any]], list[Any]]]] = {
    "bigint key": ("pk", lambda e: e.pk, lambda rows: [e.pk for e in rows[::2]] + [10**9]),
    "integer": ("as_integer", lambda e: e.pk, lambda rows: [e.pk for e in rows[1::2]]),
    "smallint": ("access", lambda e: e.access, lambda rows: [1, 3, *range(100, 110)]),
    "relation by key": (
        "actor",
        lambda e: e.actor_id,
        lambda rows: [e.actor_id for e in rows if e.actor_id][:1] + list(range(10**6, 10**6 + 12)),
    ),
    "relation by row": ("actor", lambda e: e.actor_id, lambda rows: _actors_and_strangers(rows)),
    "uuid": ("as_uuid", lambda e: _uuid(e.pk), lambda rows: [_uuid(e.pk) for e in rows[:15]]),
    "text": ("object_id", lambda e: e.object_id, lambda rows: [*ODD_TEXTS, "obj-3", "obj-99"]),
}


def _actors_and_strangers(rows: list[AccessLogEntry]) -> list[Any]:
    actors = list({e.actor_id: e.actor for e in rows if e.actor}.values())[:2]
    return [*actors, *range(10**6, 10**6 + ARRAY_FROM)]


def _annotated() -> Any:
    return AccessLogEntry.objects.filter(object_type="test.row").annotate(
        as_integer=Cast("pk", IntegerField()), as_uuid=_uuid_of_pk()
    )


def _key(value: Any) -> Any:
    return getattr(value, "pk", value)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("with_none", [False, True], ids=["", "with-None"])
def test_filter_and_exclude_find_the_rows_in_finds(entries, case, with_none):
    name, value_of, values_for = CASES[case]
    values = values_for(entries)
    values = [*values, *values[:3]] + ([None] if with_none else [])  # duplicates, and None
    assert len(values) > ARRAY_FROM
    wanted = {_key(v) for v in values if v is not None}
    matching = {e.pk for e in entries if value_of(e) in wanted}
    # NULL is in no list, and ``exclude`` keeps it as Django's does (``IS NOT NULL``).
    others = {e.pk for e in entries} - matching
    assert matching and others
    rows = _annotated()
    assert set(rows.filter(**{f"{name}__in": values}).values_list("pk", flat=True)) == matching
    assert set(rows.exclude(**{f"{name}__in": values}).values_list("pk", flat=True)) == others


def test_a_list_of_fifty_keys_is_one_parameter_on_postgresql(entries):
    keys = [e.pk for e in entries] + list(range(10**6, 10**6 + 20))
    sql, params = AccessLogEntry.objects.filter(pk__in=keys).query.sql_with_params()
    if ON_POSTGRESQL:
        assert '"audit_accesslogentry"."id" = ANY(%s::bigint[])' in sql
        assert list(params) == [keys]
    else:
        assert '"audit_accesslogentry"."id" IN (' in sql and len(params) == 50


@pytest.mark.parametrize(
    "values",
    [[], [None] * 20],
    ids=["empty", "only-None"],
)
def test_a_list_without_values_finds_nothing_and_excludes_nothing(entries, values):
    rows = AccessLogEntry.objects.filter(object_type="test.row")
    assert list(rows.filter(pk__in=values)) == []
    assert rows.exclude(pk__in=values).count() == len(entries)


def _sql(queryset: Any) -> str:
    return str(queryset.query.sql_with_params()[0])


def test_what_the_array_does_not_serve_keeps_djangos_in(entries):
    rows = AccessLogEntry.objects.filter(object_type="test.row")
    keys = [e.pk for e in entries]
    cases = {
        "a short list": rows.filter(pk__in=keys[: ARRAY_FROM - 1]),
        "a subquery": rows.filter(pk__in=rows.values("pk")),
        "an expression in the list": rows.filter(pk__in=[*keys[:-1], F("pk")]),
        "a date": rows.filter(at__date__in=[e.at.date() for e in entries]),
        "short once distinct": rows.filter(pk__in=[keys[0]] * 2 * ARRAY_FROM),
    }
    for case, queryset in cases.items():
        assert " = ANY(" not in _sql(queryset), case
    assert set(cases["an expression in the list"].values_list("pk", flat=True)) == set(keys)
    assert rows.filter(at__date__in=[e.at.date() for e in entries]).count() == len(entries)


def test_values_out_of_the_columns_range_find_what_in_finds(entries):
    keys = [e.pk for e in entries]
    # 2**40 fits no integer column, 2**70 no bigint one (and no SQLite integer): cast into the
    # column's array they would fail the statement.
    values = [*keys, 2**40, *([2**70] if ON_POSTGRESQL else [])]
    rows = _annotated()
    assert set(rows.filter(as_integer__in=values).values_list("pk", flat=True)) == set(keys)
    assert set(rows.filter(pk__in=values).values_list("pk", flat=True)) == set(keys)
    assert list(rows.exclude(as_integer__in=values)) == []


class _Upper(Transform):
    """A transform applied to the values too (as ``unaccent`` is): they go one by one."""

    lookup_name = "upper_both"
    function = "UPPER"
    bilateral = True


def test_a_transform_applied_to_the_values_keeps_djangos_in(entries):
    # ASCII only: SQLite's UPPER leaves other letters as they are.
    values = [t.upper() for t in ODD_TEXTS if t.isascii()] + [f"OBJ-{i}" for i in range(ARRAY_FROM)]
    with register_lookup(CharField, _Upper):
        rows = AccessLogEntry.objects.filter(
            object_type="test.row", object_id__upper_both__in=values
        )
        assert " = ANY(" not in _sql(rows)
        found = set(rows.values_list("object_id", flat=True))
    assert found == {e.object_id for e in entries if e.object_id.upper() in set(values)}


def test_every_field_and_relation_has_the_lookup():
    assert Field.get_lookups()["in"] is ArrayIn
    assert ForeignObject.get_lookups()["in"] is RelatedArrayIn
    assert AccessLogEntry._meta.get_field("object_id").get_lookup("in") is ArrayIn
    assert AccessLogEntry._meta.get_field("actor").get_lookup("in") is RelatedArrayIn
