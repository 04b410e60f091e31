"""The access log's insert writes what ``bulk_create`` of ``AccessLogEntry`` objects wrote: every
column, the same values, the same stamp, in chunks the database accepts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection
from freezegun import freeze_time

from lont.audit import access
from lont.audit.access import log_reads
from lont.audit.models import AccessLogEntry
from lont.core import context
from lont.core.visibility import access_for
from lont.networks.models import Membership

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=UTC)
LONG_PATH = "/lijst/" + "p" * 400
LONG_PURPOSE = "casusoverleg " + "d" * 400


def _as_bulk_create_wrote(viewer: Any, objects: list[Any], *, via: str, path: str, purpose: str):
    """The rows the logger wrote before it built tuples: model objects through ``bulk_create``."""
    ctx = context.current()
    return AccessLogEntry.objects.bulk_create(
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
            access=int(access_for(viewer, obj)),
            purpose=purpose[:300],
        )
        for obj in objects
    )


def _columns(entries: Any) -> list[dict[str, Any]]:
    names = [f.attname for f in AccessLogEntry._meta.concrete_fields if not f.primary_key]
    return list(entries.order_by("id").values(*names))


@pytest.mark.parametrize(
    ("in_request", "path", "purpose"),
    [(True, LONG_PATH, LONG_PURPOSE), (False, "", "")],
    ids=["long-values-in-a-request", "empty-values-outside-a-request"],
)
def test_a_read_writes_the_rows_bulk_create_wrote(
    network, make_member, viewer_for, monkeypatch, in_request, path, purpose
):
    reader = make_member()
    read = [make_member(), make_member(), reader]
    # A long description, to show it is cut at the column's length.
    monkeypatch.setattr(Membership, "audit_repr", lambda self: f"{self.pk} " + "r" * 300)
    viewer = viewer_for(reader)
    last = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    acting = context.acting(user=reader.user, network=network, via="test")
    with freeze_time(NOW), acting if in_request else nullcontext():
        old = _as_bulk_create_wrote(viewer, read, via="list", path=path, purpose=purpose)
        assert log_reads(viewer, read, via="list", path=path, purpose=purpose) == len(read)
    expected_ids = [entry.pk for entry in old]
    expected = _columns(AccessLogEntry.objects.filter(pk__in=expected_ids))
    written = _columns(AccessLogEntry.objects.exclude(pk__in=expected_ids).filter(pk__gt=last))
    assert written == expected
    assert {row["at"] for row in written} == {NOW}
    assert all(row["at"].tzinfo is not None for row in written)
    first = written[0]
    assert len(first["path"]) == len(path[:300]) and len(first["purpose"]) == len(purpose[:300])
    assert len(first["object_repr"]) == 200
    assert (first["request_id"] != "") is in_request


@pytest.mark.parametrize("statement", ["values", "unnest"])
def test_every_concrete_column_but_the_id_is_written(statement):
    if statement == "unnest" and connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's statement")
    with connection.cursor():
        if statement == "values":
            sql = access._insert_sql(connection.alias, 1)
        else:
            sql = access._unnest_sql(connection.alias)
    columns = {f.column for f in AccessLogEntry._meta.concrete_fields if not f.primary_key}
    named = sql.split("(", 1)[1].split(")", 1)[0]
    assert {connection.ops.quote_name(c) for c in columns} == set(named.split(", "))
    assert AccessLogEntry._meta.pk.column not in {c.strip('"`') for c in named.split(", ")}


def _inserts(statements: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [
        (sql, p) for sql, p in statements if sql.startswith('INSERT INTO "audit_accesslogentry"')
    ]


@contextmanager
def _statements() -> Iterator[list[tuple[str, Any]]]:
    """The statements executed, as their SQL text with placeholders and their parameters."""
    executed: list[tuple[str, Any]] = []

    def record(execute, sql, params, many, context):
        executed.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield executed


def test_a_read_larger_than_one_statement_is_written_whole(
    network, make_member, viewer_for, monkeypatch
):
    monkeypatch.setattr(access, "_ARRAYS_CHUNK", 100)  # PostgreSQL's, to need several there too
    reader = make_member()
    read = [make_member()] * 230  # more rows than fit one statement on either database
    with context.acting(user=reader.user, network=network, via="test"), _statements() as executed:
        assert log_reads(viewer_for(reader), read, via="export") == 230
    assert len(_inserts(executed)) > 1
    assert AccessLogEntry.objects.filter(actor=reader.user, via="export").count() == 230


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement")
def test_on_postgresql_the_statement_is_the_same_whatever_the_rows(
    network, make_member, viewer_for
):
    """One text with a parameter per column: the driver converts it once, not per read."""
    reader = make_member()
    viewer = viewer_for(reader)
    with _statements() as executed:
        log_reads(viewer, [make_member()], via="list")
        log_reads(viewer, [make_member() for _ in range(60)], via="list")
    inserts = _inserts(executed)
    assert len(inserts) == 2 and len({sql for sql, _ in inserts}) == 1
    assert [len(params) for _, params in inserts] == [len(access._insert_fields())] * 2
    # The fields set once per call are one value each; the others an array of the rows' values.
    per_call = len(access._PER_CALL)
    assert [params[0] for _, params in inserts] == [viewer.user.pk] * 2
    per_row = len(access._insert_fields()) - per_call
    assert [[len(array) for array in params[per_call:]] for _, params in inserts] == [
        [1] * per_row,
        [60] * per_row,
    ]
