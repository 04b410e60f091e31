"""Signals find their situations (issue 9): a saved signal naming a situation's group, person or
rivalry is linked with its reason, the owner can undo it, and an announced confrontation without
a situation is proposed to the registering member and the director."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from assessment_app.assessment_factories import indicator, situation_factory
from django.urls import reverse
from django.utils import timezone

from lont.assessment import notify, services
from lont.assessment.models import Situation
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType
from lont.notifications.models import Notification
from lont.signalregister import services as signal_services
from lont.subjects.models import Group, GroupMembership, GroupRelation, Person

pytestmark = pytest.mark.django_db


def _group(member, name):
    return Group.objects.create(network=member.network, organisation=member.organisation, name=name)


def _register(member, **parts):
    fields = {
        "observed_at": timezone.now() - dt.timedelta(hours=1),
        "source_type": "open_online",
        "description": "Vanavond 22:00 bij de kooi, wie durft komt maar",
        **parts.pop("fields", {}),
    }
    return signal_services.signal_create(
        viewer=Viewer(member),
        fields=fields,
        parts=signal_services.SignalParts(indicators=[indicator(member.network)], **parts),
    )


def test_a_signal_naming_a_group_links_itself_with_the_reason_and_the_owner_can_undo(
    make_member, client_for, django_capture_on_commit_callbacks
):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    west = _group(youth, "Westside")
    situation = situation_factory(youth, title="Plein", groups=[west])
    other = situation_factory(youth, title="Elders")

    with django_capture_on_commit_callbacks(execute=True):
        signal = _register(police, groups=[west])

    situation.refresh_from_db()
    assert list(situation.signals.all()) == [signal]
    assert not other.signals.exists()
    assert situation.auto_links[0] | {"at": ""} == {
        "signal": signal.pk,
        "kind": "group",
        "ref": west.pk,
        "at": "",
        "undone": False,
    }
    assert situation.level != "laag"  # recomputed after the commit
    assert "Automatisch gekoppeld aan situatie ‘Plein’" in signal.saved_notes[0]

    page = client_for(youth).get(situation.get_absolute_url()).content.decode()
    assert "noemt een groep van deze situatie" in page and "Ontkoppelen" in page
    # only the owner undoes; afterwards a correction does not link it again
    url = reverse("assessment:autolink_undo", args=[situation.pk, signal.pk])
    assert client_for(police).post(url).status_code in (403, 404)
    assert client_for(youth).post(url).status_code == 302
    situation.refresh_from_db()
    assert not situation.signals.exists() and situation.auto_links[0]["undone"] is True
    signal_services.signal_update(
        viewer=Viewer(police),
        signal=signal,
        fields={"description": "Gecorrigeerd"},
        parts=signal_services.SignalParts(groups=[west]),
        reason="typfout",
    )
    assert not situation.signals.exists()


def test_person_and_rivalry_reasons(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    a, b = _group(youth, "Noord"), _group(youth, "Zuid")
    rivalry = GroupRelation.objects.create(
        network=youth.network,
        organisation=youth.organisation,
        group_a=a,
        group_b=b,
        kind="rivalry",
    )
    feud = situation_factory(youth, title="Noord tegen Zuid", rivalry=rivalry, groups=[a])
    person = Person.objects.create(
        network=youth.network,
        organisation=youth.organisation,
        alias="Lijst-1",
        review_date="2099-01-01",
        category="group_analysis",
    )
    GroupMembership.objects.create(
        network=youth.network, organisation=youth.organisation, person=person, group=b
    )
    only_b = situation_factory(youth, title="Zuid", groups=[b])

    both = _register(youth, groups=[a, b])
    assert Situation.objects.get(pk=feud.pk).auto_links[0]["kind"] == "rivalry"
    named = _register(youth, people=[(person, "possible_perpetrator")])
    links = {
        link["signal"]: link["kind"] for link in Situation.objects.get(pk=only_b.pk).auto_links
    }
    assert links == {both.pk: "group", named.pk: "person"}


def test_an_announced_confrontation_without_situation_is_proposed(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    director = make_member(PartnerType.MUNICIPALITY, role="director")
    signal = _register(
        youth,
        fields={
            "call_to_action": True,
            "mentioned_time": timezone.now() + dt.timedelta(hours=5),
            "mentioned_place": "Stationsplein",
        },
    )
    told = set(Notification.objects.filter(event=notify.PROPOSED).values_list("user_id", flat=True))
    assert told == {youth.user_id, director.user_id}
    note = Notification.objects.filter(event=notify.PROPOSED).first()
    assert f"signaal={signal.pk}" in note.url and "Stationsplein" not in note.text
    assert "voorstel" in signal.saved_notes[-1]


@pytest.mark.parametrize("until_hours", [None, 72], ids=["moment", "window"])
def test_an_announced_window_is_proposed_as_a_moment_is(make_member, until_hours):
    # given a call to action at a named place, naming a moment or a window ("deze week")
    youth = make_member(PartnerType.YOUTH_WORK)
    start = timezone.now() + dt.timedelta(hours=5)
    until = start + dt.timedelta(hours=until_hours) if until_hours else None
    # when it is registered and belongs to no situation
    signal = _register(
        youth,
        fields={
            "call_to_action": True,
            "mentioned_time": start,
            "mentioned_until": until,
            "mentioned_place": "Stationsplein",
        },
    )
    # then a planned confrontation is proposed alike: a window names a time by its start
    assert Notification.objects.filter(event=notify.PROPOSED, user=youth.user).count() == 1
    assert "voorstel" in signal.saved_notes[-1]


def test_create_from_a_proposal_links_the_signal(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    signal = _register(youth)
    url = reverse("assessment:situation_create") + f"?soort=confrontation&signaal={signal.pk}"
    page = client_for(youth).get(url)
    assert page.status_code == 200
    response = client_for(youth).post(url, {"kind": "confrontation", "title": "Kooi"})
    assert response.status_code == 302
    situation = Situation.objects.get(title="Kooi")
    assert list(situation.signals.all()) == [signal]
    services  # noqa: B018 (module imported for its side effects in other tests)


def test_registering_from_the_analyser_carries_the_text_and_keeps_defaults(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    text = "Vanavond 22:00 bij de kooi op het Stationsplein, wie durft komt maar"
    page = client_for(youth).post(
        reverse("signalregister:create"),
        {
            "prefill": "1",
            "description": text,
            "source_type": "open_online",
            "people-TOTAL_FORMS": "0",
            "people-INITIAL_FORMS": "0",
        },
    )
    html = page.content.decode()
    assert page.status_code == 200 and text in html
    # the analyser's proposals: the call to action is ticked, the place filled
    assert re.search(r'name="call_to_action"[^>]*checked', html)
    assert 'name="mentioned_place" value=""' not in html
    # fields the analyser does not send keep their defaults (no empty required drill counts)
    assert re.search(r'name="drill_weapons_shown"[^>]*value="0"', html)
