"""Recompute in proportion to the change (issue 16): a recompute reuses each signal's stored,
prepared contribution and prepares again only what changed (a new signal, an edited one, a new
context note, a new link, new parameters or indicator weights), and its result is the result of a
recompute that prepares every signal again — the same explanations, bit for bit."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from assessment_app.assessment_factories import indicator, note_factory, signal_factory
from django.apps import apps as django_apps
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
from lont.signalregister.models import (
    ContextNote,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
    SignalRequest,
)
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
        monkeypatch.setattr(recompute.prepared, "record_of", read_then_changed)
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


def _fully_explained(situation, member):
    """The engine's every line of the situation at its ``computed_at``, each with its text."""
    at = situation.computed_at
    params = recompute.parameters_for(member.network_id)
    recs = recompute.records(situation, at, params, reuse=False)
    people = {p for r in recs for p in r.people}
    full = e.compute_level_prepared(
        [r.prepared for r in recs], recompute.structure_for(situation, at, people), params, now=at
    )
    return [recompute.contribution_dict(c) for c in full.contributions]


def _large(member, extra=5):
    situation, groups, _people = _world(member)
    count = lines.SHOWN_CONTRIBUTIONS + extra
    signals = [
        signal_factory(member, days_ago=d / 3, groups=(groups[0],)) for d in range(1, count + 1)
    ]
    situation.signals.add(*signals)
    return situation


def test_only_the_shown_lines_are_stored_and_the_rest_is_rebuilt(make_member):
    # given a situation with more signal lines than its page shows
    member = make_member(PartnerType.YOUTH_WORK)
    with system_context("test"):
        situation = _large(member)
        # when it is recomputed
        services.situation_recompute(situation)
        stored = situation.explanation["contributions"]
        # then only the lines the page shows are stored, each with its text, and the count of
        # the others
        assert situation.explanation[recompute.LEFT_OUT] == 5
        assert all("reason_nl" in c for c in stored)
        expected = _fully_explained(situation, member)
        assert lines.strongest(expected, lines.SHOWN_CONTRIBUTIONS) == (stored, 5)
        assert recompute.shown(situation) == (stored, 5)
        # ... and every line reads back as the engine explains it in full
        assert recompute.explained(situation) == expected
        # ... also a page at a time: "Alle bijdragen" lists all lines in the engine's order
        every = recompute.contributions(situation)
        assert [(c["kind"], c["ref"], c["amount"]) for c in every] == [
            (c["kind"], c["ref"], c["amount"]) for c in expected
        ]
        assert sum("reason_nl" not in c for c in every) == 5
        assert recompute.explained(situation, every[20:]) == expected[20:]


def test_an_unlinked_signal_keeps_its_line_until_the_next_recompute(make_member):
    # given a large situation, recomputed
    member = make_member(PartnerType.YOUTH_WORK)
    with system_context("test"):
        situation = _large(member)
        services.situation_recompute(situation)
        expected = _fully_explained(situation, member)
        stored = situation.explanation["contributions"]
        gone = next(c for c in expected if c not in stored)
        # when a signal whose line the page does not show is unlinked
        situation.signals.remove(int(gone["ref"]))
        # then the explanation still reads as computed (its record is marked, not dropped) ...
        assert recompute.explained(situation) == expected
        marked = PreparedContribution.objects.filter(situation=situation, key=recompute.UNLINKED)
        assert list(marked.values_list("signal_id", flat=True)) == [int(gone["ref"])]
        # ... and the next recompute drops the record and the line
        services.situation_recompute(situation)
        assert not PreparedContribution.objects.filter(signal_id=int(gone["ref"])).exists()
        assert gone["ref"] not in {c["ref"] for c in recompute.explained(situation)}
        assert recompute.explained(situation) == _fully_explained(situation, member)


def test_an_explanation_stored_with_every_line_is_read_and_migrated(make_member):
    # given a large situation whose explanation was stored in the earlier shape: every line,
    # those the page does not show as numbers only
    member = make_member(PartnerType.YOUTH_WORK)
    migration = importlib.import_module(
        "lont.assessment.migrations.0007_prepared_unlinked_and_shown_lines"
    )
    with system_context("test"):
        situation = _large(member)
        services.situation_recompute(situation)
        expected = _fully_explained(situation, member)
        new_shape = dict(situation.explanation)
        old = {k: v for k, v in new_shape.items() if k != recompute.LEFT_OUT}
        old["contributions"] = recompute.contributions(situation)
        Situation.objects.filter(pk=situation.pk).update(explanation=old)
        situation.refresh_from_db()
        # then every reader reads it as before
        assert recompute.explained(situation) == expected
        assert recompute.shown(situation) == (new_shape["contributions"], 5)
        assert recompute.contributions(situation) == old["contributions"]
        # and a line whose record went before the next recompute says its explanation follows
        line = next(c for c in old["contributions"] if "reason_nl" not in c)
        PreparedContribution.objects.filter(signal_id=int(line["ref"])).delete()
        read = next(c for c in recompute.explained(situation) if c["ref"] == line["ref"])
        assert read["amount"] == line["amount"]
        assert "de uitleg volgt" in read["reason_nl"]
        # when the migration runs, it keeps that one as it is (a line has nothing to rebuild
        # from) ...
        migration.keep_shown_lines(django_apps, None)
        situation.refresh_from_db()
        assert situation.explanation == old
        # ... and turns one whose lines all have their records into the new shape
        services.situation_recompute(situation)
        new_shape = dict(situation.explanation)
        old["contributions"] = recompute.contributions(situation)
        Situation.objects.filter(pk=situation.pk).update(explanation=old)
        migration.keep_shown_lines(django_apps, None)
        situation.refresh_from_db()
        assert situation.explanation == new_shape


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


def test_signal_facts_read_every_child_row_in_its_models_order(make_member):
    # given signals with indicators, people, groups, requests and notes whose creation order
    # differs from their ids (notes are ordered by when they were written)
    member = make_member(PartnerType.YOUTH_WORK)
    with system_context("test"):
        _situation, groups, people = _world(member)
        first = signal_factory(
            member,
            weights=("strong", "weak"),
            people=((people[0], "involved"), (people[1], "victim")),
            groups=(groups[1], groups[0]),
        )
        second = signal_factory(member, days_ago=2, groups=(groups[0],))
        early, late = note_factory(member, first, -2), note_factory(member, first, 1)
        early.created_at = late.created_at + dt.timedelta(minutes=1)
        early.save(update_fields=["created_at"])
        asked = SignalRequest.objects.create(
            network=member.network,
            signal=first,
            requester_person=people[0],
            target_person=people[1],
            what="Geheim",
            size="small",
        )
        SignalRequest.objects.create(
            network=member.network,
            signal=first,
            requester_group=groups[1],
            what="Geheim",
            size="large",
            outcome="complied",
            replaces=asked,
        )
        # when the recompute reads them
        facts = recompute.signal_facts([second.pk, first.pk], timezone.now())
        # then each child is its model's rows in the model's order, read through the ORM
        assert [f.pk for f in facts] == sorted([first.pk, second.pk])
        for fact in facts:
            indicators = SignalIndicator.objects.filter(signal_id=fact.pk).values_list(
                "indicator__code", "indicator__weight_class", "indicator__category"
            )
            notes = ContextNote.objects.filter(signal_id=fact.pk).values_list("pk", "adjustment")
            persons = SignalPerson.objects.filter(signal_id=fact.pk)
            requests = SignalRequest.objects.filter(signal_id=fact.pk).values_list(
                "pk",
                "requester_person_id",
                "requester_group_id",
                "target_person_id",
                "size",
                "outcome",
                "replaces_id",
            )
            linked = SignalGroup.objects.filter(signal_id=fact.pk).values_list(
                "group_id", flat=True
            )
            assert fact.indicators == list(indicators)
            assert fact.notes == list(notes)
            assert fact.people == list(persons.values_list("pk", "person_id", "role"))
            assert fact.requests == list(requests)
            assert fact.groups == list(linked)
        assert [adjustment for _pk, adjustment in facts[0].notes] == [1, -2]
        assert len(facts[0].requests) == 2 and facts[0].groups == [groups[1].pk, groups[0].pk]
