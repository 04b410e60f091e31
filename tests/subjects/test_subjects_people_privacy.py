"""People: identifying data encrypted at rest, shown only with identifying access, never in
titles, URLs, logs, search or the graph for anyone else."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse
from subjects.subjects_factories import (
    REAL_NAME,
    group_factory,
    membership_factory,
    person_factory,
    set_access,
)

from lont.audit.models import AccessLogEntry, ChangeLogEntry
from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.subjects import selectors, services
from lont.subjects.models import Person

pytestmark = pytest.mark.django_db
C = InformationCategory


def test_identifying_fields_are_encrypted_at_rest(make_member, viewer_for):
    # Given a person recorded through the service with a real name, address and date of birth
    viewer = viewer_for(make_member(PartnerType.POLICE))
    person = services.person_create(
        viewer=viewer,
        data={
            "alias": "Kay-D",
            "real_name": REAL_NAME,
            "address": "Verzonnenstraat 1",
            "date_of_birth": "2009-03-04",
        },
    )
    # When the raw row is read from the database
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT real_name, address, date_of_birth FROM subjects_person WHERE id = %s",
            [person.pk],
        )
        raw = cursor.fetchone()
    # Then no plaintext is stored, but the model reads it back
    assert REAL_NAME not in raw[0] and "Verzonnenstraat" not in raw[1] and "2009" not in raw[2]
    assert raw[0].startswith("gAAAA")
    fresh = Person.objects.get(pk=person.pk)
    assert fresh.real_name == REAL_NAME
    assert str(fresh.date_of_birth_value) == "2009-03-04"


def test_change_log_never_holds_identifying_content(make_member, viewer_for):
    viewer = viewer_for(make_member(PartnerType.POLICE))
    person = services.person_create(viewer=viewer, data={"alias": "Kay-D", "real_name": REAL_NAME})
    services.person_update(
        viewer=viewer,
        person=Person.objects.get(pk=person.pk),
        data={"real_name": "Ander Verzonnen"},
    )
    entries = ChangeLogEntry.objects.filter(object_type="subjects.person")
    assert entries.count() >= 2
    for entry in entries:
        text = f"{entry.object_repr} {entry.before} {entry.after}"
        assert REAL_NAME not in text and "Ander Verzonnen" not in text
        assert entry.object_repr == f"persoon #{person.pk}"  # a number, never the alias


@pytest.mark.parametrize(
    ("partner_type", "identifying", "sees_name"),
    [
        (PartnerType.POLICE, Access.FULL, True),
        (PartnerType.YOUTH_WORK, Access.FULL, True),
        (PartnerType.YOUTH_WORK, Access.SUMMARY, False),
        (PartnerType.EDUCATION, Access.SUMMARY, False),
        (PartnerType.CARE, Access.FULL, True),
        (PartnerType.CARE, Access.NONE, False),
        (PartnerType.HOUSING, Access.NONE, False),
    ],
)
def test_real_name_only_with_full_identifying_access(
    network, make_member, client_for, viewer_for, partner_type, identifying, sees_name
):
    # Given a person recorded by the police, and a covenant where the partner type sees group
    # analyses in full and identifying data at the given level
    police = make_member(PartnerType.POLICE)
    person = person_factory(police.organisation, alias="Snelle Sem")
    set_access(
        network,
        {(C.GROUP_ANALYSIS, partner_type): Access.FULL, (C.IDENTIFYING, partner_type): identifying},
    )
    member = make_member(partner_type)
    client = client_for(member)
    viewer = viewer_for(member)

    # When the partner opens the person page, the list, a search, the API and the graph
    detail = client.get(reverse("subjects:person_detail", args=[person.pk]))
    listing = client.get(reverse("subjects:persons"), {"q": "Sem"})
    by_name = client.get(reverse("subjects:persons"), {"q": "Verzonnenberg"})
    api = client.get(f"/api/v1/subjects/persons/{person.pk}/")
    api_search = client.get("/api/v1/subjects/persons/", {"q": "Verzonnenberg"})
    graph = client.get(reverse("subjects:graph_data"), {"gebied": ""})

    # Then the alias is always there, the real name only with full identifying access
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Snelle Sem" in html
    assert (REAL_NAME in html) is sees_name
    assert selectors.identifying_access(viewer, person) is sees_name
    assert ("real_name" in api.json()) is sees_name
    # and never in the title, the URL, the list, search results, the graph or the logs
    assert REAL_NAME not in html.split("<title>")[1].split("</title>")[0]
    assert REAL_NAME not in reverse("subjects:person_detail", args=[person.pk])
    assert REAL_NAME not in listing.content.decode()
    assert "Snelle Sem" in listing.content.decode()
    assert "Snelle Sem" not in by_name.content.decode()  # real names are not searchable
    found = api_search.json()
    assert (found["results"] if isinstance(found, dict) else found) == []
    assert REAL_NAME not in graph.content.decode()
    for entry in AccessLogEntry.objects.filter(object_type="subjects.person"):
        assert REAL_NAME not in entry.object_repr


def test_partner_without_identifying_access_cannot_change_identifying_fields(
    network, make_member, client_for
):
    police = make_member(PartnerType.POLICE)
    person = person_factory(police.organisation, alias="Rico")
    set_access(
        network,
        {
            (C.GROUP_ANALYSIS, PartnerType.YOUTH_WORK): Access.FULL,
            (C.IDENTIFYING, PartnerType.YOUTH_WORK): Access.SUMMARY,
        },
    )
    client = client_for(make_member(PartnerType.YOUTH_WORK))
    # The edit form has no identifying fields
    page = client.get(reverse("subjects:person_edit", args=[person.pk]))
    assert page.status_code == 200
    assert 'name="real_name"' not in page.content.decode()
    # and posting one anyway changes nothing
    client.post(
        reverse("subjects:person_edit", args=[person.pk]),
        {"alias": "Rico", "real_name": "Iemand Anders", "involvement": "groepslid"},
    )
    assert Person.objects.get(pk=person.pk).real_name == REAL_NAME
    # nor through the API
    response = client.patch(
        f"/api/v1/subjects/persons/{person.pk}/",
        {"real_name": "X"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Person.objects.get(pk=person.pk).real_name == REAL_NAME


def test_tipsters_are_tip_category_and_hidden_from_partners_without_tip_access(
    network, make_member, viewer_for
):
    youth = viewer_for(make_member(PartnerType.YOUTH_WORK))
    tipster = services.person_create(
        viewer=youth, data={"alias": "Tipgever X", "involvement": "tipgever"}
    )
    assert tipster.category == C.TIP
    school = viewer_for(make_member(PartnerType.EDUCATION))  # tips: none by default
    assert not selectors.persons(school).filter(pk=tipster.pk).exists()
    group = group_factory(youth.organisation)
    member = person_factory(youth.organisation, alias="Lid")
    membership_factory(group, member)
    assert selectors.persons(school).filter(pk=member.pk).exists()
