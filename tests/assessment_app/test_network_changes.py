"""Network changes (trendbreuk): members of rival or unconnected groups who suddenly collaborate,
tag each other or go live together, fed from the signal register into the engine and shown on
the situation page at the viewer's access level."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.urls import reverse

from lont.assessment import selectors, services
from lont.core.viewer import Viewer
from lont.knowledge.models import Indicator
from lont.networks.choices import PartnerType
from lont.signalregister.models import SignalIndicator
from lont.subjects.models import Group, GroupMembership, GroupRelation, Person

pytestmark = pytest.mark.django_db

COLLAB = "online.rival_collaboration"
TAGGED = "online.network_visible"


def _indicator(network, code, weight_class="fairly_strong"):
    return Indicator.objects.get_or_create(
        network=network,
        code=code,
        defaults={
            "label_nl": code,
            "label_en": code,
            "phase": "peacetime",
            "category": "online",
            "weight_class": weight_class,
            "default_weight_class": weight_class,
        },
    )[0]


def _group(member, name):
    return Group.objects.create(network=member.network, organisation=member.organisation, name=name)


def _person(member, alias, group=None):
    person = Person.objects.create(
        network=member.network,
        organisation=member.organisation,
        alias=alias,
        review_date="2099-01-01",
        category="group_analysis",
    )
    if group is not None:
        GroupMembership.objects.create(
            network=member.network,
            organisation=member.organisation,
            group=group,
            person=person,
            role="follower",
            basis="waarneming",
        )
    return person


def _rivals(member, a, b):
    return GroupRelation.objects.create(
        network=member.network,
        organisation=member.organisation,
        group_a=a,
        group_b=b,
        kind="rivaliteit",
    )


def _interaction(member, code=COLLAB, **kwargs):
    kwargs.setdefault("weights", ())
    signal = signal_factory(member, **kwargs)
    SignalIndicator.objects.create(
        network=member.network, signal=signal, indicator=_indicator(member.network, code)
    )
    return signal


@pytest.fixture
def world(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    school = make_member(PartnerType.EDUCATION)  # default covenant: summaries of open sources
    north, creek = _group(youth, "Noordkant"), _group(youth, "Kreekjes")
    rivalry = _rivals(youth, north, creek)
    kay = _person(youth, "Kay Noord", north)
    dex = _person(youth, "Dex Kreek", creek)
    # the rivalry's history: strong signals, each about one side, no contact between them
    old = [signal_factory(youth, days_ago=d, groups=(north,)) for d in (40, 60)]
    situation = situation_factory(youth, *old, rivalry=rivalry, groups=[north, creek])
    return {
        "youth": youth,
        "school": school,
        "north": north,
        "creek": creek,
        "kay": kay,
        "dex": dex,
        "situation": situation,
    }


def _link(world, *signals):
    services.situation_link_signals(
        viewer=Viewer(world["youth"]), situation=world["situation"], signals=signals
    )
    world["situation"].refresh_from_db()
    return [b for b in world["situation"].trend_breaks if b["kind"] == "network"]


def test_rival_members_collaborating_is_a_network_change(world, client_for):
    # given rival groups whose members never interacted, and no network change yet
    assert not [b for b in world["situation"].trend_breaks if b["kind"] == "network"]
    # when a collab of a member of each side arrives
    collab = _interaction(
        world["youth"],
        days_ago=2,
        description="Kay en Dex brengen samen een track uit.",
        people=((world["kay"], "involved"), (world["dex"], "possible_perpetrator")),
    )
    breaks = _link(world, collab)
    # then the situation has a network-change trend break with its evidence
    assert len(breaks) == 1
    net = breaks[0]["network"]
    assert net["actor"] == "person" and net["relation"] == "rival"
    assert net["signals"] == [collab.pk] and net["kinds"] == ["collaboration"]
    assert "rivaliserende groepen" in breaks[0]["evidence_nl"]
    assert "Kay" not in breaks[0]["evidence_nl"]  # the stored text names no one
    # and the owner's page names both, their groups and the signal
    body = client_for(world["youth"]).get(world["situation"].get_absolute_url()).content.decode()
    assert "Netwerkverandering: Dex Kreek (Kreekjes) en Kay Noord (Noordkant)" in body
    assert "samenwerking; 1×" in body
    assert "Bewijs: 1 signaal in de tijdlijn." in body


def test_groups_tagging_and_going_live(world):
    # a signal about both rival groups that tags the other: a group-level change
    tag = _interaction(world["youth"], TAGGED, days_ago=3, groups=(world["north"], world["creek"]))
    live = _interaction(
        world["youth"],
        days_ago=1,
        description="Samen live op Instagram.",
        groups=(world["north"], world["creek"]),
    )
    breaks = _link(world, tag, live)
    assert len(breaks) == 1
    net = breaks[0]["network"]
    assert net["actor"] == "group"
    assert net["kinds"] == ["live", "tag"] and net["signals"] == [tag.pk, live.pk]


def test_unconnected_groups_too(world):
    # given a third group with no relation to the others
    gamers = _group(world["youth"], "Gamers")
    pixel = _person(world["youth"], "PixelPrins", gamers)
    collab = _interaction(
        world["youth"],
        days_ago=2,
        people=((world["kay"], "involved"), (pixel, "involved")),
    )
    breaks = _link(world, collab)
    assert [b["network"]["relation"] for b in breaks] == ["unconnected"]
    assert "niet-verbonden groepen" in breaks[0]["evidence_nl"]


def test_allied_groups_and_old_links_are_no_change(world, make_member):
    youth = world["youth"]
    allies = _group(youth, "Bondgenoten")
    GroupRelation.objects.create(
        network=youth.network,
        organisation=youth.organisation,
        group_a=world["north"],
        group_b=allies,
        kind="bondgenootschap",
    )
    GroupRelation.objects.create(
        network=youth.network,
        organisation=youth.organisation,
        group_a=allies,
        group_b=world["creek"],
        kind="neutraal",
    )
    ally = _person(youth, "Ally", allies)
    # an old collab (not in the situation) between Kay and Dex: their new collab is not new
    _interaction(
        youth, days_ago=60, people=((world["kay"], "involved"), (world["dex"], "involved"))
    )
    recent = _interaction(
        youth,
        days_ago=2,
        people=((world["kay"], "involved"), (world["dex"], "involved"), (ally, "involved")),
    )
    assert _link(world, recent) == []


@pytest.mark.parametrize("role", ["victim", "tipster", "witness"])
def test_victims_witnesses_and_tipsters_do_not_count(world, role):
    collab = _interaction(
        world["youth"], days_ago=2, people=((world["kay"], "involved"), (world["dex"], role))
    )
    assert _link(world, collab) == []


def test_a_summary_viewer_sees_no_person_names(world, client_for):
    collab = _interaction(
        world["youth"],
        days_ago=2,
        people=((world["kay"], "involved"), (world["dex"], "possible_perpetrator")),
    )
    _link(world, collab)
    # the school reads the situation and the open-source signal only as a summary
    page = client_for(world["school"]).get(world["situation"].get_absolute_url())
    body = page.content.decode()
    assert page.status_code == 200
    assert "Netwerkverandering: een persoon (Kreekjes) en een persoon (Noordkant)" in body
    assert "Kay Noord" not in body and "Dex Kreek" not in body
    # nor through the API
    api = client_for(world["school"]).get(
        reverse("api:situation-detail", args=[world["situation"].pk])
    )
    text = api.content.decode()
    assert "Kay Noord" not in text and '"network":' not in text
    assert any(b["kind"] == "network" for b in api.json()["trend_breaks"])


def test_hidden_groups_read_afgeschermd(world, make_member):
    # a housing partner (no group analyses by default) that owns a situation over the signal
    housing = make_member(PartnerType.HOUSING)
    collab = _interaction(
        housing,
        days_ago=2,
        people=((world["kay"], "involved"), (world["dex"], "involved")),
    )
    situation = situation_factory(housing, collab)
    lines = selectors.trend_break_lines(Viewer(housing), situation)
    text = next(line["evidence_nl"] for line in lines if line["kind"] == "network")
    assert "Noordkant" not in text and "Kay Noord" not in text
    assert "(afgeschermd)" in text


def test_each_pair_keeps_its_own_first_seen_moment(world):
    first = _interaction(
        world["youth"], days_ago=3, people=((world["kay"], "involved"), (world["dex"], "involved"))
    )
    [before] = _link(world, first)
    gamers = _group(world["youth"], "Gamers")
    pixel = _person(world["youth"], "PixelPrins", gamers)
    second = _interaction(
        world["youth"], days_ago=1, people=((world["kay"], "involved"), (pixel, "involved"))
    )
    after = {b["pair"]: b for b in _link(world, second)}
    assert after[before["pair"]]["at"] == before["at"]
    assert len(after) == 2


def test_the_demo_rivalry_shows_a_network_change(client_for):
    from lont.assessment.models import Situation
    from lont.networks.demo import load_demo
    from lont.networks.models import Membership
    from lont.signalregister.models import Signal

    load_demo()
    load_demo()
    assert Signal.objects.filter(demo_key__startswith="assess-net-").count() == 3
    rivalry = Situation.objects.get(title__startswith="Rivaliteit 3031")
    nets = [b["network"] for b in rivalry.trend_breaks if b["kind"] == "network"]
    assert {n["relation"] for n in nets} == {"rival"}
    assert {n["actor"] for n in nets} == {"group", "person"}
    police = Membership.objects.get(
        user__email="wijkagent@politie.voorbeeldstad.test", network__slug="voorbeeldstad-noord"
    )
    page = client_for(police).get(rivalry.get_absolute_url()).content.decode()
    assert "Netwerkverandering: Big Kreek (Kreekside) en Kay-Dertig (3031 Collective)" in page
