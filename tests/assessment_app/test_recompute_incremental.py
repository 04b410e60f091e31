"""Recompute in proportion to the change (issue 16): a recompute reuses each signal's stored,
prepared contribution and prepares again only what changed (a new signal, an edited one, a new
context note, a new link, new parameters or indicator weights), and its result is the result of a
recompute that prepares every signal again — the same explanations, bit for bit."""

from __future__ import annotations

import datetime as dt

import pytest
from assessment_app.assessment_factories import indicator, note_factory, signal_factory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lont import engine as e
from lont.assessment import lines, recompute, services
from lont.assessment.models import (
    EngineParameterSet,
    PreparedContribution,
    SignalGeneration,
    Situation,
)
from lont.core.scoping import system_context
from lont.knowledge.models import Indicator
from lont.networks.choices import PartnerType
from lont.signalregister.models import SignalIndicator
from lont.subjects.models import Group, GroupMembership, GroupRelation, Person

pytestmark = pytest.mark.django_db

COLLAB = "online.rival_collaboration"
WEIGHTS = ("strong", "fairly_strong", "somewhat", "weak")

new_signal = st.tuples(
    st.just("signal"),
    st.floats(min_value=0.01, max_value=150),  # days ago
    st.lists(st.sampled_from(WEIGHTS), min_size=0, max_size=3, unique=True),
    st.sampled_from(["open_online", "tip_anonymous", "media", "own_offline"]),
    st.booleans(),  # an interaction between the two rival groups' members
    st.one_of(st.none(), st.integers(min_value=-100, max_value=100)),  # named time (hours)
    st.one_of(st.none(), st.integers(min_value=0, max_value=24 * 7)),  # a window's length (hours)
)
operation = st.one_of(
    new_signal,
    st.tuples(st.just("note"), st.integers(0, 20), st.sampled_from([-2, -1, 1, 2])),
    st.tuples(st.just("unlink"), st.integers(0, 20)),
    st.tuples(st.just("edit"), st.integers(0, 20)),
    st.tuples(st.just("later"), st.integers(1, 24 * 20)),  # hours pass
    st.tuples(st.just("parameters"), st.sampled_from([7, 14, 30])),
    st.tuples(st.just("weight"), st.sampled_from(WEIGHTS), st.sampled_from(WEIGHTS)),
)


def _world(member):
    groups = [
        Group.objects.create(
            network=member.network, organisation=member.organisation, name=f"Groep {name}"
        )
        for name in ("Noord", "Zuid")
    ]
    rivalry = GroupRelation.objects.create(
        network=member.network,
        organisation=member.organisation,
        group_a=groups[0],
        group_b=groups[1],
        kind="rivaliteit",
        since=dt.date(2020, 1, 1),
    )
    people = []
    for alias, group in (("Vos", groups[0]), ("Das", groups[1])):
        person = Person.objects.create(
            network=member.network,
            organisation=member.organisation,
            alias=alias,
            review_date="2099-01-01",
            category="group_analysis",
        )
        GroupMembership.objects.create(
            network=member.network,
            organisation=member.organisation,
            group=group,
            person=person,
            role="follower",
            basis="waarneming",
        )
        people.append(person)
    for weight in WEIGHTS:
        indicator(member.network, weight)
    Indicator.objects.get_or_create(
        network=member.network,
        code=COLLAB,
        defaults={
            "label_nl": COLLAB,
            "label_en": COLLAB,
            "phase": "peacetime",
            "category": "online",
            "weight_class": "fairly_strong",
            "default_weight_class": "fairly_strong",
        },
    )
    situation = Situation.objects.create(
        network=member.network,
        organisation=member.organisation,
        kind="rivalry",
        title="Rivaliteit",
        rivalry=rivalry,
    )
    situation.groups.set(groups)
    return situation, groups, people


def _apply(op, member, situation, groups, people, linked, now):
    kind = op[0]
    if kind == "signal":
        _, days, weights, source, contact, named, length = op
        extra = {}
        if named is not None:
            extra = {
                "mentioned_time": now + dt.timedelta(hours=named),
                "mentioned_place": "Het plein",
                "call_to_action": True,
            }
            if length is not None:
                extra["mentioned_until"] = extra["mentioned_time"] + dt.timedelta(hours=length)
        signal = signal_factory(
            member,
            days_ago=days,
            weights=tuple(weights),
            source_type=source,
            people=((people[0], "possible_perpetrator"), (people[1], "involved"))
            if contact
            else (),
            groups=tuple(groups) if contact else (groups[0],),
            **extra,
        )
        signal.observed_at = now - dt.timedelta(days=days)
        signal.save()
        if contact:
            SignalIndicator.objects.create(
                network=member.network,
                signal=signal,
                indicator=Indicator.objects.get(network=member.network, code=COLLAB),
            )
        situation.signals.add(signal)
        linked.append(signal)
    elif kind == "note" and linked:
        note_factory(member, linked[op[1] % len(linked)], op[2])
    elif kind == "unlink" and linked:
        situation.signals.remove(linked.pop(op[1] % len(linked)))
    elif kind == "edit" and linked:
        signal = linked[op[1] % len(linked)]
        signal.source_type = "tip_named" if signal.source_type != "tip_named" else "media"
        signal.save()
    elif kind == "later":
        return now + dt.timedelta(hours=op[1])
    elif kind == "parameters":
        last = EngineParameterSet.objects.filter(network=member.network).order_by("-number")
        number = (last.first().number if last.exists() else 1) + 1
        data = recompute.parameters_for(member.network_id).to_dict()
        data["half_life_days"] = float(op[1])
        EngineParameterSet.objects.create(
            network=member.network, number=number, data=data, reason="Test"
        )
    elif kind == "weight":
        Indicator.objects.filter(network=member.network, code=f"test.{op[1]}.online").update(
            weight_class=op[2]
        )
    return now


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(operation, min_size=1, max_size=6))
def test_incremental_recompute_equals_a_full_one(make_member, ops):
    # given a rivalry between two groups, each with a member
    member = make_member(PartnerType.YOUTH_WORK)
    with system_context("test"):
        situation, groups, people = _world(member)
        linked: list = []
        now = timezone.now()
        # when signals, notes, links, edits, time, parameters and weights change one by one
        for op in ops:
            now = _apply(op, member, situation, groups, people, linked, now)
            incremental = recompute.compute(situation, now)
            full = recompute.compute(situation, now, reuse=False)
            # then reusing the stored contributions gives exactly what preparing all does
            assert incremental == full
        # and every linked signal observed by now has one stored record, none for unlinked ones
        stored = set(
            PreparedContribution.objects.filter(situation=situation).values_list(
                "signal_id", flat=True
            )
        )
        assert stored == {s.pk for s in linked if s.observed_at <= now}


def _stored(situation):
    """signal id → (generation, data, text) of the situation's stored records."""
    rows = PreparedContribution.objects.filter(situation=situation)
    return {pk: rest for pk, *rest in rows.values_list("signal_id", "generation", "data", "text")}


def test_one_new_signal_prepares_only_that_signal(make_member, django_assert_max_num_queries):
    # given a situation whose ten signals are prepared and stored
    member = make_member(PartnerType.YOUTH_WORK)
    with system_context("test"):
        situation, groups, _people = _world(member)
        signals = [signal_factory(member, days_ago=d, groups=(groups[0],)) for d in range(1, 11)]
        situation.signals.add(*signals)
        services.situation_recompute(situation)
        before = _stored(situation)
        assert len(before) == 10
        # when one signal is added and a note changes another
        fresh = signal_factory(member, days_ago=0.5, groups=(groups[0],))
        situation.signals.add(fresh)
        note_factory(member, signals[0], -2)
        # then the recompute prepares those two again and reuses the other nine rows as stored
        with django_assert_max_num_queries(30):
            services.situation_recompute(situation)
        after = _stored(situation)
        assert set(after) == {*before, fresh.pk}
        assert {k for k in before if after[k] == before[k]} == set(before) - {signals[0].pk}
        assert after[signals[0].pk][0] == before[signals[0].pk][0] + 1  # one change counted
        lines = {c["ref"]: c for c in situation.explanation["contributions"]}
        assert "contextnotities 1 (som -2)" in lines[str(signals[0].pk)]["reason_nl"]


def test_a_record_read_before_a_change_and_stored_after_it_is_not_reused(make_member, monkeypatch):
    # given a situation with one signal that no recompute has prepared yet
    member = make_member(PartnerType.YOUTH_WORK)
    with system_context("test"):
        situation, groups, _people = _world(member)
        signal = signal_factory(member, days_ago=1, groups=(groups[0],))
        situation.signals.add(signal)
        prepare = recompute.record_of

        def read_then_changed(row, params):
            record = prepare(row, params)  # a worker has read the signal's rows ...
            note_factory(member, signal, -2)  # ... a partner adds a context note meanwhile ...
            return record  # ... and the worker stores the record of what it read

        # when that worker's recompute stores its record after the change
        monkeypatch.setattr(recompute, "record_of", read_then_changed)
        services.situation_recompute(situation)
        monkeypatch.undo()
        stale = _stored(situation)[signal.pk]
        assert "contextnotities" not in stale[2][0]
        # then the follow-up recompute does not reuse it: it prepares the signal again
        now = timezone.now()
        assert recompute.compute(situation, now) == recompute.compute(situation, now, reuse=False)
        services.situation_recompute(situation, now=now)
        line = next(c for c in situation.explanation["contributions"] if c["ref"] == str(signal.pk))
        assert "contextnotities 1 (som -2)" in line["reason_nl"]
        assert _stored(situation)[signal.pk][0] == stale[0] + 1


def test_lines_stored_as_numbers_read_back_as_the_full_explanation(make_member):
    # given a situation with more signal lines than its page shows
    member = make_member(PartnerType.YOUTH_WORK)
    with system_context("test"):
        situation, groups, _people = _world(member)
        count = lines.SHOWN_CONTRIBUTIONS + 5
        signals = [
            signal_factory(member, days_ago=d / 3, groups=(groups[0],)) for d in range(1, count + 1)
        ]
        situation.signals.add(*signals)
        # when it is recomputed
        services.situation_recompute(situation)
        stored = situation.explanation["contributions"]
        # then only the shown lines are stored with their text ...
        assert sum("reason_nl" not in c for c in stored) == 5
        shown, _left_out = lines.strongest(stored, lines.SHOWN_CONTRIBUTIONS)
        assert all("reason_nl" in c for c in shown)
        # ... and every line reads back as the engine explains it in full
        at = situation.computed_at
        params = recompute.parameters_for(member.network_id)
        recs = recompute.records(situation, at, params, reuse=False)
        people = {p for r in recs for p in r.people}
        full = e.compute_level_prepared(
            [r.prepared for r in recs],
            recompute.structure_for(situation, at, people),
            params,
            now=at,
        )
        expected = [recompute.contribution_dict(c) for c in full.contributions]
        assert recompute.explained(situation) == expected
        # and a line whose record went before the next recompute says its explanation follows
        gone = next(c for c in stored if "reason_nl" not in c)
        situation.signals.remove(int(gone["ref"]))
        line = next(c for c in recompute.explained(situation) if c["ref"] == gone["ref"])
        assert line["amount"] == gone["amount"]
        assert "de uitleg volgt" in line["reason_nl"]


def test_a_deleted_signal_leaves_no_generation_behind(make_member):
    # given a linked signal with parts from before generations were counted (no generation row)
    member = make_member(PartnerType.YOUTH_WORK)
    with system_context("test"):
        situation, groups, _people = _world(member)
        signal = signal_factory(member, days_ago=1, groups=(groups[0],))
        situation.signals.add(signal)
        note_factory(member, signal, 1)
        SignalGeneration.objects.filter(signal_id=signal.pk).delete()
        pk = signal.pk
        # when it is deleted with its parts (whose deletions count no change)
        signal.delete()
        # then no generation row points at it (it would break the foreign key at the commit)
        assert not SignalGeneration.objects.filter(signal_id=pk).exists()
