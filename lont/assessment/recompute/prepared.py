"""Each linked signal prepared once for the engine, stored per situation and reused: the storage
format (``Record``), when a stored record is current (its key and its signal's generation) and
how the recompute reads the records of a situation (``records``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection

from lont import engine as e
from lont.knowledge.models import Indicator

from ..models import PreparedContribution, SignalGeneration, Situation
from .register import COUNTING_ROLES, SignalFacts, engine_signal, interaction_kind, signal_facts

# The key of a stored record whose signal was unlinked (``mark_unlinked``): never a current key.
UNLINKED = ""


class Record(NamedTuple):
    """A linked signal prepared for the engine (``e.PreparedSignal``, valid at any ``now``) with
    what else the recompute reads of it: its groups, the known people in a counting role, its
    requests and the kind of interaction it records. Stored per situation as a
    ``PreparedContribution`` row, so a recompute reads only what changed from the register: the
    numbers and facts in ``data`` (``to_json``), the explanation's parts in ``text``
    (``text_json``), read back only for the lines that are formatted (``with_text``)."""

    signal_id: int
    prepared: e.PreparedSignal
    # Sequences: a record read back keeps the lists JSON gives (thousands of rows at each
    # recompute; copying them into tuples costs more than anything reads them for).
    groups: Sequence[int]
    people: Sequence[int]
    requests: Sequence[Sequence[str]]
    interaction: str | None

    def to_json(self) -> list[Any]:
        # The details (numbers for tests and debugging) are not stored: nothing reads them here.
        return [
            self.prepared._replace(details=None, reason_head="", summary_head="").to_row(),
            list(self.groups),
            list(self.people),
            [list(r) for r in self.requests],
            self.interaction,
        ]

    def text_json(self) -> list[str]:
        return [self.prepared.reason_head, self.prepared.summary_head]

    @classmethod
    def from_json(cls, signal_id: int, data: list[Any]) -> Record:
        prepared, groups, people, requests, interaction = data
        # ``_make``: a plain tuple build, read back for thousands of rows at every recompute.
        return cls._make(
            (signal_id, e.PreparedSignal.from_row(prepared), groups, people, requests, interaction)
        )

    def with_text(self, text: list[str]) -> Record:
        reason_head, summary_head = text
        prepared = self.prepared._replace(reason_head=reason_head, summary_head=summary_head)
        return self._replace(prepared=prepared)

    def request_records(self) -> list[e.RequestRecord]:
        at = self.prepared.observed_at
        return [
            e.RequestRecord(
                ref=ref,
                at=at,
                requester_ref=requester,
                target_ref=target,
                size=e.RequestSize(size),
                outcome=e.RequestOutcome(outcome),
                requester_group=group,
                replaces=replaces,
            )
            for ref, requester, target, size, outcome, group, replaces in self.requests
        ]


def record_of(row: SignalFacts, params: e.EngineParameters) -> Record:
    """Prepare one signal (read with ``signal_facts``)."""
    requests = []
    for pk, requester_person, requester_group, target, size, outcome, replaces in row.requests:
        requester = requester_person or (f"g{requester_group}" if requester_group else "")
        requests.append(
            (
                str(pk),
                str(requester),
                str(target or ""),
                str(size),
                str(outcome),
                str(requester_group or ""),
                str(replaces or ""),
            )
        )
    codes = {code for code, _weight, _category in row.indicators}
    kind = interaction_kind(row.description, codes)
    return Record(
        signal_id=row.pk,
        prepared=e.prepare_signal(engine_signal(row), params),
        groups=tuple(sorted(set(row.groups))),
        people=tuple(
            sorted(
                {
                    person_id
                    for _pk, person_id, role in row.people
                    if role in COUNTING_ROLES and person_id is not None
                }
            )
        ),
        requests=tuple(requests),
        interaction=kind.value if kind is not None else None,
    )


def cache_key(network_id: int, params: e.EngineParameters) -> str:
    """What a prepared record depends on beyond the signal itself: the parameters in force, the
    network's indicator weights and categories, and the engine's row format (a row stored by an
    older engine is never read as a newer one). A record with another key is prepared again."""
    indicators = list(
        Indicator.objects.filter(network_id=network_id)
        .order_by("code")
        .values_list("code", "weight_class", "category")
    )
    text = json.dumps(
        [params.to_dict(), params.version, indicators, e.PREPARED_FORMAT], sort_keys=True
    )
    return hashlib.sha256(text.encode()).hexdigest()


def records(
    situation: Situation, now: datetime, params: e.EngineParameters, *, reuse: bool = True
) -> list[Record]:
    """The situation's signals observed at or before ``now``, prepared. A stored record is
    reused (``reuse``) when it has the current key and its signal's generation; the others are
    prepared from the register and stored. Records read back from storage carry no text
    (``with_text``); fresh ones do.

    The generations are read before the register's rows: a change committed after this read
    raises the generation, so a record prepared from rows read after it is stored with the older
    generation and prepared again next time, never reused as if it were current."""
    key = cache_key(situation.network_id, params)
    # One statement: the links, their signals' generations and the stored data where it is
    # current (its key and its signal's generation) — one snapshot, read before the register's rows.
    linked: dict[int, int] = {}
    current: list[tuple[int, str]] = []
    unlinked: set[int] = set()
    for signal_id, generation, data in _linked_and_stored(situation.pk, key):
        if generation < 0:
            unlinked.add(signal_id)
            continue
        linked[signal_id] = generation
        if reuse and data is not None:
            current.append((signal_id, data))
    out: dict[int, Record] = {}
    if current:
        # One parse for all rows (``data`` is JSON text): thousands of small parses cost more.
        parsed = json.loads("[" + ",".join(data for _pk, data in current) + "]")
        out.update(
            (signal_id, Record.from_json(signal_id, data))
            for (signal_id, _stored), data in zip(current, parsed, strict=True)
        )
    missing = linked.keys() - out.keys()
    if missing:
        fresh = [record_of(row, params) for row in signal_facts(missing, now)]
        PreparedContribution.objects.bulk_create(
            [
                PreparedContribution(
                    situation_id=situation.pk,
                    signal_id=r.signal_id,
                    key=key,
                    generation=linked[r.signal_id],
                    data=json.dumps(r.to_json(), separators=(",", ":")),
                    text=r.text_json(),
                )
                for r in sorted(fresh, key=lambda r: r.signal_id)
            ],
            batch_size=500,
            update_conflicts=True,
            unique_fields=["situation", "signal"],
            update_fields=["key", "generation", "data", "text"],
        )
        out.update((r.signal_id, r) for r in fresh)
    # The records of signals unlinked since the last recompute go with the explanation they
    # counted (a signal linked again meanwhile was prepared again above).
    gone = unlinked - linked.keys()
    if gone:
        PreparedContribution.objects.filter(situation_id=situation.pk, signal_id__in=gone).delete()
    return [out[pk] for pk in sorted(out) if out[pk].prepared.observed_at <= now]


def _linked_and_stored(situation_id: int, key: str) -> list[tuple[int, int, str | None]]:
    """Each signal linked to the situation with its generation (0 without a row) and its stored
    data when that is current: stored with ``key`` at this generation (else None); and each
    signal whose record is marked unlinked (``UNLINKED``) with generation -1 (a partial index
    finds those few). Raw SQL: read for thousands of rows at every recompute, where the ORM's
    per-row work costs more than the query."""
    q = connection.ops.quote_name
    links = q(Situation.signals.through._meta.db_table)
    generations = q(SignalGeneration._meta.db_table)
    stored = q(PreparedContribution._meta.db_table)
    sql = (
        f"SELECT l.signal_id, COALESCE(g.generation, 0), p.data FROM {links} l "  # noqa: S608 - own tables
        f"LEFT JOIN {generations} g ON g.signal_id = l.signal_id "
        f"LEFT JOIN {stored} p ON p.situation_id = l.situation_id AND p.signal_id = l.signal_id "
        "AND p.key = %s AND p.generation = COALESCE(g.generation, 0) "
        "WHERE l.situation_id = %s "
        f"UNION ALL SELECT u.signal_id, -1, NULL FROM {stored} u "
        "WHERE u.situation_id = %s AND u.key = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, situation_id, situation_id, UNLINKED])
        return cursor.fetchall()


def mark_unlinked(*, signal_ids: Iterable[int], situation_id: int | None = None) -> None:
    """Mark the stored records of these signals (in every situation, or in one) as unlinked:
    no recompute reuses them, the next recompute of their situation drops them, and until then
    they rebuild the lines of the explanation that counted them (``explained``)."""
    rows = PreparedContribution.objects.filter(signal_id__in=list(signal_ids))
    if situation_id is not None:
        rows = rows.filter(situation_id=situation_id)
    rows.update(key=UNLINKED)


def signal_changed(signal_id: int) -> None:
    """Count one change of the signal (or a part of it): its stored records are stale from now
    on, in every situation (``records`` compares the generation). One statement."""
    table = SignalGeneration._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (signal_id, generation) VALUES (%s, 1) "  # noqa: S608 - own table
            f"ON CONFLICT (signal_id) DO UPDATE SET generation = {table}.generation + 1",
            [signal_id],
        )
