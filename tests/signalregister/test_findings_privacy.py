"""Issue 8, findings 1 and 2: rows beside a signal name nothing the reader may not see.

Given a signal recorded by youth work that the police read in full (or as a summary), with a
tipster and a group the police may not see, then neither the alias nor the group's name reaches
the police — not on the list, the page, nor in the API's list, detail, ``summary`` or ``groups``.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape
from signalregister.signals_factories import signal_factory
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.audit.models import AccessLogEntry
from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.signalregister.models import Signal
from lont.signalregister.selectors import attach_summary_values
from lont.signalregister.summaries import group_names

pytestmark = pytest.mark.django_db
C = InformationCategory
TIPSTER = "Tipgeversalias7731"
GROUP = "Verborgen groep 4410"
SEEN_PERSON = "Zichtbarealias5120"


@pytest.fixture
def world(network, make_member):
    owner = make_member(PartnerType.YOUTH_WORK)
    reader = make_member(PartnerType.POLICE)
    tipster = person_factory(owner.organisation, alias=TIPSTER, category=C.TIP)
    seen = person_factory(owner.organisation, alias=SEEN_PERSON)
    group = group_factory(owner.organisation, name=GROUP)
    signal = signal_factory(
        owner,
        description="Beschrijving 9911",
        people=[(tipster, "tipster"), (seen, "involved")],
        groups=[group],
    )
    return {"owner": owner, "reader": reader, "signal": signal, "tipster": tipster}


def _surfaces(client, signal) -> dict[str, str]:
    return {
        "list": client.get(reverse("signalregister:list")).content.decode(),
        "page": client.get(reverse("signalregister:detail", args=[signal.pk])).content.decode(),
        "api list": client.get(reverse("api:signal-list")).content.decode(),
        "api detail": client.get(reverse("api:signal-detail", args=[signal.pk])).content.decode(),
    }


def test_finding_1_tipster_alias_hidden_without_tip_access(world, network, client_for):
    # given full access to open-source signals and group analyses, none to tips
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.FULL,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.FULL,
            (C.TIP, PartnerType.POLICE): Access.NONE,
        },
    )
    surfaces = _surfaces(client_for(world["reader"]), world["signal"])
    # then the signal's content and the other person are shown, the tipster nowhere
    assert "Beschrijving 9911" in surfaces["page"] and SEEN_PERSON in surfaces["page"]
    assert SEEN_PERSON in surfaces["api detail"]
    for name, body in surfaces.items():
        assert TIPSTER not in body, name


def test_finding_1_tipster_shown_and_logged_with_tip_access(world, network, client_for):
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.FULL,
            (C.TIP, PartnerType.POLICE): Access.FULL,
        },
    )
    page = client_for(world["reader"]).get(
        reverse("signalregister:detail", args=[world["signal"].pk])
    )
    assert TIPSTER in page.content.decode()
    assert AccessLogEntry.objects.filter(
        object_type="subjects.person", object_id=str(world["tipster"].pk)
    ).exists()


@pytest.mark.parametrize("level", [Access.FULL, Access.SUMMARY])
def test_finding_2_summary_never_names_a_group_the_reader_may_not_see(
    world, network, client_for, level
):
    # given the signal shared at this level, group analyses not shared with the police
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): level,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE,
        },
    )
    client = client_for(world["reader"])
    surfaces = _surfaces(client, world["signal"])
    # then the summary reads "geen groep" and the group's name is nowhere
    assert "Signaal van" in surfaces["list"]
    for name, body in surfaces.items():
        assert GROUP not in body, name
    detail = client.get(reverse("api:signal-detail", args=[world["signal"].pk])).json()
    assert detail["groups"] == [] and "geen groep" in detail["summary"]
    assert detail["access"] == ("full" if level == Access.FULL else "summary")


def test_finding_2_the_group_is_named_to_who_may_see_it(world, network, client_for):
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.SUMMARY,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.SUMMARY,
        },
    )
    detail = client_for(world["reader"]).get(
        reverse("api:signal-detail", args=[world["signal"].pk])
    )
    assert detail.json()["groups"] == [GROUP] and GROUP in detail.json()["summary"]


@pytest.mark.parametrize("groups", [Access.SUMMARY, Access.NONE])
def test_finding_2_the_list_summary_is_the_detail_pages(world, network, client_for, groups):
    # given the signal shared as a summary, group analyses shared or not
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.SUMMARY,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): groups,
        },
    )
    client = client_for(world["reader"])
    # when the list (its summary parts read as values) and the API detail (prefetched) are read
    listed = client.get(reverse("signalregister:list")).content.decode()
    detail = client.get(reverse("api:signal-detail", args=[world["signal"].pk])).json()
    # then the list shows the same summary, naming the group only to who may see it
    assert escape(detail["summary"]) in listed
    assert (GROUP in listed) == (groups == Access.SUMMARY)


def test_finding_2_group_names_read_for_one_reader_never_answer_another(world, network, viewer_for):
    # given group analyses not shared with the police, and one signal object read by both
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.SUMMARY,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE,
        },
    )
    police, owner = viewer_for(world["reader"]), viewer_for(world["owner"])
    signal = Signal.objects.for_viewer(owner).get(pk=world["signal"].pk)
    # when its summary parts are read as values for the police
    attach_summary_values(police, [signal])
    # then they name no group to the police, and are not taken for the owner's
    assert group_names(police, signal) == []
    assert group_names(owner, signal) == [GROUP]


def test_finding_13_the_list_is_never_filtered_by_a_group_the_reader_may_not_see(
    world, network, client_for
):
    # given the police read open-source signals in full but no group analyses, and a second
    # signal of the same owner not linked to the hidden group
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.FULL,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE,
        },
    )
    signal_factory(world["owner"], description="Ander signaal 5530")
    hidden = world["signal"].groups.get().group_id
    client = client_for(world["reader"])
    # when the reader filters the list by the hidden group's id
    page = client.get(reverse("signalregister:list"), {"groep": hidden}, follow=True)
    unknown = client.get(reverse("signalregister:list"), {"groep": hidden + 999}, follow=True)
    # then the filter is refused with the same message as an unknown id, and filters nothing
    body = page.content.decode()
    assert "noemt iets dat niet bestaat of dat u niet mag zien" in body
    assert body.count("Beschrijving 9911") == 1 and "Ander signaal 5530" in body
    assert "noemt iets dat niet bestaat" in unknown.content.decode()
    # and the API finds no signal by it, as for an unknown id
    for group_id in (hidden, hidden + 999):
        api = client.get(reverse("api:signal-list"), {"groep": group_id})
        assert api.status_code == 200 and api.json()["count"] == 0, group_id


def test_finding_13_a_visible_group_still_filters(world, network, client_for):
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.FULL,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.SUMMARY,
        },
    )
    signal_factory(world["owner"], description="Ander signaal 5530")
    group_id = world["signal"].groups.get().group_id
    client = client_for(world["reader"])
    body = client.get(reverse("signalregister:list"), {"groep": group_id}).content.decode()
    assert "Beschrijving 9911" in body and "Ander signaal 5530" not in body
    api = client.get(reverse("api:signal-list"), {"groep": group_id}).json()
    assert api["count"] == 1
