"""Recompute: levels from signals, context notes lower them, on-commit task, notifications."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import (
    indicator,
    note_factory,
    signal_factory,
    situation_factory,
)

from lont.assessment import services
from lont.assessment.models import Situation
from lont.networks.choices import PartnerType
from lont.notifications.models import Notification
from lont.signalregister.models import SignalIndicator
from lont.subjects.models import Person

pytestmark = pytest.mark.django_db


def test_one_fresh_strong_signal_raises_the_level(make_member):
    # given a youth worker's strong signal
    member = make_member(PartnerType.YOUTH_WORK)
    signal = signal_factory(member, days_ago=0.1)
    # when a situation gathers it
    situation = situation_factory(member, signal)
    # then the engine computes verhoogd, with the signal's line in the explanation
    assert situation.level == "verhoogd"
    kinds = [c["kind"] for c in situation.explanation["contributions"]]
    assert "signal" in kinds
    assert situation.history[-1]["level"] == "verhoogd"


def test_context_note_lowers_the_level_through_the_task(
    make_member, django_capture_on_commit_callbacks
):
    # given a situation at verhoogd
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    signal = signal_factory(youth, days_ago=0.1)
    situation = situation_factory(youth, signal)
    assert situation.level == "verhoogd"
    # when the police add a -2 context note (the task runs on commit, immediate backend)
    with django_capture_on_commit_callbacks(execute=True):
        note_factory(police, signal, -2)
    # then the level is recomputed and lowered
    situation.refresh_from_db()
    assert situation.level == "laag"
    assert any("contextnotities" in c["reason_nl"] for c in situation.explanation["contributions"])


def test_a_new_signal_rise_notifies_followers(make_member, django_capture_on_commit_callbacks):
    # given a followed situation at verhoogd
    youth = make_member(PartnerType.YOUTH_WORK)
    follower = make_member(PartnerType.POLICE)
    situation = situation_factory(youth, signal_factory(youth, days_ago=0.1))
    situation.followers.add(follower.user)
    # when a second strong signal is linked and a third is added to that signal's indicators
    second = signal_factory(youth, days_ago=0.1, weights=("strong", "fairly_strong"))
    with django_capture_on_commit_callbacks(execute=True):
        situation.signals.add(second)
    situation.refresh_from_db()
    # then the level rose to hoog and both followers got a notice without content
    assert situation.level == "hoog"
    texts = list(Notification.objects.filter(user=follower.user).values_list("text", flat=True))
    assert len(texts) == 1
    assert "hoog" in texts[0] and "Geheime" not in texts[0]


def test_victims_do_not_count(make_member):
    # given the same signal with only a victim linked, and one with a possible perpetrator
    youth = make_member(PartnerType.YOUTH_WORK)
    person = Person.objects.create(
        network=youth.network,
        organisation=youth.organisation,
        alias="Vos",
        review_date="2099-01-01",
        category="group_analysis",
    )
    plain = situation_factory(youth, signal_factory(youth, days_ago=0.1))
    victim = situation_factory(
        youth, signal_factory(youth, days_ago=0.1, people=((person, "victim"),))
    )
    perpetrator = situation_factory(
        youth, signal_factory(youth, days_ago=0.1, people=((person, "possible_perpetrator"),))
    )
    # then the victim changes nothing and the possible perpetrator counts × 1.2
    assert victim.score == pytest.approx(plain.score)
    assert perpetrator.score == pytest.approx(plain.score * 1.2, rel=1e-3)


def test_recompute_is_deterministic(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    situation = situation_factory(youth, signal_factory(youth, days_ago=3))
    first = situation.explanation
    services.situation_recompute(situation, now=situation.computed_at)
    assert Situation.objects.get(pk=situation.pk).explanation == first


def test_deleting_a_signal_recomputes(make_member, django_capture_on_commit_callbacks):
    youth = make_member(PartnerType.YOUTH_WORK)
    signal = signal_factory(youth, days_ago=0.1)
    situation = situation_factory(youth, signal)
    assert situation.level == "verhoogd"
    with django_capture_on_commit_callbacks(execute=True):
        signal.delete()
    situation.refresh_from_db()
    assert situation.level == "laag" and situation.score == 0


def test_relation_change_recomputes_structure(make_member, django_capture_on_commit_callbacks):
    # given a rivalry situation whose rivalry is recent
    import datetime as dt

    from lont.subjects.models import Group, GroupRelation

    police = make_member(PartnerType.POLICE)
    groups = [
        Group.objects.create(network=police.network, organisation=police.organisation, name=n)
        for n in ("Groep Oost", "Groep West")
    ]
    relation = GroupRelation.objects.create(
        network=police.network,
        organisation=police.organisation,
        group_a=groups[0],
        group_b=groups[1],
        kind="rivaliteit",
        since=dt.date.today(),
    )
    situation = situation_factory(police, rivalry=relation)
    assert situation.score == 0
    # when the rivalry turns out to be old and symbolic
    with django_capture_on_commit_callbacks(execute=True):
        relation.since = dt.date.today() - dt.timedelta(days=800)
        relation.threat_a = "symbolic"
        relation.save()
    situation.refresh_from_db()
    # then history (1.5) and symbolic threat (1.0) count
    assert situation.score == pytest.approx(2.5)


def test_daily_command(make_member):
    from django.core.management import call_command

    youth = make_member(PartnerType.YOUTH_WORK)
    situation_factory(youth, signal_factory(youth, days_ago=0.1))
    call_command("assessment_daily")
    assert Situation.objects.get().history[-1]["level"] == "verhoogd"


def test_provocation_signs_do_not_raise_a_situation(make_member):
    # given a signal tagged only with a provocation sign (catalogued "strong")
    youth = make_member(PartnerType.YOUTH_WORK)
    signal = signal_factory(youth, days_ago=0.1, weights=())
    SignalIndicator.objects.create(
        network=youth.network,
        signal=signal,
        indicator=indicator(youth.network, "strong", category="provocation"),
    )
    # when a situation gathers it
    situation = situation_factory(youth, signal)
    # then the level stays laag: the sign concerns the professional's safety
    assert situation.level == "laag"
    # and the same signal with a real strong indicator weighs exactly as without the sign
    signal.indicators.create(network=youth.network, indicator=indicator(youth.network, "strong"))
    both = situation_factory(youth, signal)
    alone = situation_factory(youth, signal_factory(youth, days_ago=0.1))
    assert both.level == alone.level == "verhoogd"
    assert both.score == pytest.approx(alone.score, rel=0.01)
