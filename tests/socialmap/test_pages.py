"""The social map's pages: create, edit, delete, history, reach and links; bad input keeps what
the user typed and changes nothing; the list keeps a constant number of queries as data grows."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from socialmap_factories import (
    contact_factory,
    group_factory,
    membership_factory,
    person_factory,
    reach_factory,
)

from lont.audit.models import AccessLogEntry, AccessVia
from lont.networks.choices import PartnerType, Role
from lont.socialmap.choices import ContactKind
from lont.socialmap.models import Contact, ContactPersonLink, ContactReach

pytestmark = pytest.mark.django_db

VALID = {
    "kind": ContactKind.PARENT,
    "name": "Fictieve Ouder",
    "role": "Ouder",
    "areas": "Noorderhaven, De Kreek",
    "languages": "Nederlands, Turks",
    "phone": "06-00001234",
    "handles": "instagram: @ouder_demo",
    "followers": "",
    "consent_date": "2026-01-10",
    "consent_scope": "Bellen bij spanningen",
}


@pytest.fixture
def member(make_member):
    return make_member(PartnerType.YOUTH_WORK)


def test_create_contact(member, client_for):
    response = client_for(member).post(reverse("socialmap:create"), VALID)
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("socialmap:detail", args=[contact.pk])
    assert contact.areas == ["Noorderhaven", "De Kreek"]
    assert contact.handles == {"instagram": "@ouder_demo"}
    assert contact.consent_recorded_by == member.user


def test_create_without_consent_keeps_the_input_and_saves_nothing(member, client_for):
    data = {**VALID, "consent_date": "", "consent_scope": ""}
    response = client_for(member).post(reverse("socialmap:create"), data)
    body = response.content.decode()
    assert response.status_code == 400  # the generic form view: refused input is a 400
    assert "alleen met toestemming" in body
    assert 'value="Fictieve Ouder"' in body and "@ouder_demo" in body
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("handles", "instagram @zonder_dubbele_punt", "is niet &#x27;platform: account&#x27;"),
        ("followers", "tiktok: veel", "is niet &#x27;platform: aantal&#x27;"),
        ("email", "geen-email", "geldig e-mailadres"),
        ("name", "", "Dit veld is vereist"),
    ],
)
def test_bad_input_gives_a_dutch_error(member, client_for, field, value, message):
    response = client_for(member).post(reverse("socialmap:create"), {**VALID, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Contact.objects.exists()


def test_edit_and_history(member, client_for):
    contact = contact_factory(member.organisation, kind=ContactKind.PARENT, name="Oude Naam")
    client = client_for(member)
    form = client.get(reverse("socialmap:update", args=[contact.pk])).content.decode()
    assert 'value="Oude Naam"' in form
    response = client.post(
        reverse("socialmap:update", args=[contact.pk]), {**VALID, "name": "Nieuwe Naam"}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.name == "Nieuwe Naam"
    history = client.get(reverse("socialmap:history", args=[contact.pk])).content.decode()
    assert "gewijzigd" in history and "name" in history
    assert "Oude Naam" not in history  # the log holds that the name changed, not what it was
    assert "toestemming vastgelegd" in history


def test_delete(member, client_for):
    contact = contact_factory(member.organisation)
    client = client_for(member)
    assert client.get(reverse("socialmap:delete", args=[contact.pk])).status_code == 200
    response = client.post(reverse("socialmap:delete", args=[contact.pk]), {"reason": "Verhuisd"})
    assert response.status_code == 302
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_reach_and_links_from_the_contact_page(member, client_for):
    contact = contact_factory(member.organisation)
    group = group_factory(member.organisation, "Trapveldgroep")
    person = person_factory(member.organisation, "Kleine K")
    client = client_for(member)
    client.post(
        reverse("socialmap:reach_add", args=[contact.pk]),
        {"group": group.pk, "strength": "redelijk", "how": "Via het trapveld"},
    )
    client.post(
        reverse("socialmap:link_add", args=[contact.pk]),
        {"person": person.pk, "relation": "trainer"},
    )
    page = client.get(reverse("socialmap:detail", args=[contact.pk])).content.decode()
    assert "Trapveldgroep" in page and "Via het trapveld" in page and "Kleine K" in page
    reach, link = ContactReach.objects.get(), ContactPersonLink.objects.get()
    client.post(reverse("socialmap:reach_remove", args=[contact.pk, reach.pk]))
    client.post(reverse("socialmap:link_remove", args=[contact.pk, link.pk]))
    assert not ContactReach.objects.exists() and not ContactPersonLink.objects.exists()


def test_reach_page_ranks_and_explains(member, client_for):
    group = group_factory(member.organisation, "Havenjongens", areas=["Noorderhaven"])
    leader = person_factory(member.organisation, "Leider L")
    membership_factory(group, leader, role="leader")
    coach = contact_factory(
        member.organisation, kind=ContactKind.SPORTS_COACH, name="Coach Een", areas=["Elders"]
    )
    from socialmap_factories import link_factory

    link_factory(coach, leader)
    contact_factory(
        member.organisation,
        kind=ContactKind.CREDIBLE_MESSENGER,
        name="Messenger Twee",
        areas=["Noorderhaven"],
    )
    direct = contact_factory(
        member.organisation, kind=ContactKind.PARENT, name="Ouder Drie", areas=["Elders"]
    )
    reach_factory(direct, group, "sterk")
    contact_factory(
        member.organisation, kind=ContactKind.PARENT, name="Niet Verbonden", areas=["Elders"]
    )
    body = client_for(member).get(reverse("socialmap:reach", args=[group.pk])).content.decode()
    assert body.index("Ouder Drie") < body.index("Messenger Twee") < body.index("Coach Een")
    assert "Niet Verbonden" not in body
    assert "Credible messenger in het gebied van de groep (Noorderhaven)." in body
    assert "onder wie 1 leider/sleutelfiguur" in body
    assert (
        AccessLogEntry.objects.filter(via=AccessVia.LIST, object_type="socialmap.contact").count()
        == 3
    )


def test_reach_index_redirects_to_the_chosen_group(member, client_for):
    group = group_factory(member.organisation, "Kiesgroep")
    client = client_for(member)
    # the picker is a text field with suggestions: no list of every group
    assert "Kiesgroep" not in client.get(reverse("socialmap:reach_index")).content.decode()
    response = client.get(reverse("socialmap:reach_index") + f"?groep={group.pk}")
    assert response["Location"] == reverse("socialmap:reach", args=[group.pk])


# Measured: session, viewer, covenant, page count, rows, reach prefetch, filter choices, the
# access-log insert, the own consent-review count and the guide box. Constant in the number of
# contacts.
LIST_PAGE_MAX_QUERIES = 18


def _list_queries(client, url):
    # warm: the first request of a process also reads the covenant version it then keeps
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url_name", ["socialmap:list"])
def test_list_page_queries_stay_constant(
    make_member, client_for, django_assert_max_num_queries, url_name
):
    # Given contacts of two partners, with reach, some seen only as a summary
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    youth = make_member(PartnerType.YOUTH_WORK)
    housing = make_member(PartnerType.HOUSING)
    group = group_factory(youth.organisation)
    client = client_for(director)

    def grow(count):
        for _ in range(count):
            reach_factory(contact_factory(youth.organisation), group)
            contact_factory(housing.organisation, kind=ContactKind.TEACHER)

    grow(2)
    url = reverse(url_name)
    few = _list_queries(client, url)
    grow(20)
    many = _list_queries(client, url)
    assert few == many
    assert few <= LIST_PAGE_MAX_QUERIES
    with django_assert_max_num_queries(few):
        client.get(url + "?q=contact&gebied=Noorderhaven")


def test_list_group_filter_offers_reached_groups_only_in_constant_queries(
    make_member, client_for, django_assert_max_num_queries, monkeypatch
):
    # Given a network whose groups grow, a few of them reached by a contact
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    youth = make_member(PartnerType.YOUTH_WORK)
    reached = group_factory(youth.organisation, name="Groep Bereikt")
    reach_factory(contact_factory(youth.organisation), reached)
    client = client_for(director)
    url = reverse("socialmap:list")
    few = _list_queries(client, url)
    unreached = [group_factory(youth.organisation) for _ in range(30)]

    # When the list is opened, then the count of queries does not grow with the groups, only
    # the reached group is offered, and the groups offered are logged with the rows
    with django_assert_max_num_queries(few):
        body = client.get(url).content.decode()
    assert "Groep Bereikt" in body
    assert not [g for g in unreached if f">{g.name}</option>" in body]
    logged = AccessLogEntry.objects.filter(actor=director.user, object_type="subjects.group")
    assert set(logged.values_list("object_id", flat=True)) == {str(reached.pk)}

    # And beyond the cap, the first groups by name are offered, the chosen one too, with a note
    monkeypatch.setattr("lont.socialmap.selectors.GROUP_FILTER_LIMIT", 2)
    more = [group_factory(youth.organisation, name=f"Groep Z{i}") for i in range(3)]
    for group in more:
        reach_factory(contact_factory(youth.organisation), group)
    with django_assert_max_num_queries(few + 1):
        body = client.get(url + f"?groep={more[-1].pk}").content.decode()
    assert "Groep Bereikt" in body and "Groep Z0" in body and "Groep Z1" not in body
    assert "Groep Z2" in body
    assert "meer dan 2 groepen" in body


def test_reach_page_queries_stay_constant(member, client_for):
    group = group_factory(member.organisation, areas=["Noorderhaven"])
    client = client_for(member)
    url = reverse("socialmap:reach", args=[group.pk])

    def grow(count):
        for _ in range(count):
            person = person_factory(member.organisation)
            membership_factory(group, person)
            contact = contact_factory(member.organisation)
            reach_factory(contact, group)
            from socialmap_factories import link_factory

            link_factory(contact, person)

    grow(2)
    few = _list_queries(client, url)
    grow(15)
    assert _list_queries(client, url) == few


@time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC))
def test_list_warns_about_own_contacts_needing_consent_review(member, client_for, make_member):
    contact_factory(
        member.organisation,
        kind=ContactKind.PARENT,
        consent_date=dt.date(2023, 1, 1),
        name="Oude Toestemming",
    )
    contact_factory(
        member.organisation,
        kind=ContactKind.PARENT,
        consent_date=dt.date(2026, 1, 1),
        name="Verse Toestemming",
    )
    other = make_member(PartnerType.POLICE)
    contact_factory(other.organisation, kind=ContactKind.PARENT, consent_date=dt.date(2023, 1, 1))
    client = client_for(member)
    body = client.get(reverse("socialmap:list")).content.decode()
    assert "Van 1 contact van uw organisatie ontbreekt de toestemming" in body
    assert "toestemming herzien" in body
    flagged = client.get(reverse("socialmap:list") + "?herzien=1").content.decode()
    assert "Oude Toestemming" in flagged and "Verse Toestemming" not in flagged


def test_reach_page_shows_the_best_thirty_and_reads_only_those(member, client_for):
    group = group_factory(member.organisation, areas=["Noorderhaven"])
    for _ in range(35):
        contact_factory(member.organisation, kind=ContactKind.PARENT, areas=["Noorderhaven"])
    client = client_for(member)
    url = reverse("socialmap:reach", args=[group.pk])
    body = client.get(url).content.decode()
    assert body.count('class="utrecht-ordered-list__item lont-card"') == 30
    assert "Nog 5 contacten met een zwakkere relatie." in body and "Toon alle 35" in body
    assert AccessLogEntry.objects.filter(object_type="socialmap.contact").count() == 30
    everything = client.get(url + "?alle=1").content.decode()
    assert everything.count('class="utrecht-ordered-list__item lont-card"') == 35
