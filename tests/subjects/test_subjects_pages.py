"""Pages: create, edit, delete and history through forms; bad input keeps what was typed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from subjects.subjects_factories import (
    group_factory,
    group_relation_factory,
    membership_factory,
    person_factory,
)

from lont.networks.choices import PartnerType
from lont.subjects.models import Group, GroupMembership, GroupRelation, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(make_member):
    return make_member(PartnerType.POLICE)


def test_create_edit_and_delete_a_group(police, client_for):
    client = client_for(police)
    # Given the create form, when a group is posted
    response = client.post(
        reverse("subjects:group_create"),
        {
            "name": "Kadejongens",
            "areas": "Noorderhaven, 3031",
            "binds": ["buurt", "muziek"],
            "online_channels": "Instagram: @kade",
            "formation_stage": "storming",
            "core_purpose": "social",
            "age_min": "14",
            "age_max": "18",
        },
    )
    # Then it is stored and the detail page shows the guide's stage and purpose advice
    group = Group.objects.get(name="Kadejongens")
    assert response.status_code == 302 and response["Location"] == group.get_absolute_url()
    assert group.areas == ["Noorderhaven", "3031"]
    assert group.online_channels == [{"platform": "Instagram", "channel": "@kade"}]
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Fase Storming" in page and "Sociale groep" in page
    # When edited
    client.post(
        reverse("subjects:group_edit", args=[group.pk]), {"name": "Kadeploeg", "age_min": "14"}
    )
    assert Group.objects.get(pk=group.pk).name == "Kadeploeg"
    # and the history lists the change without content
    history = client.get(reverse("subjects:group_history", args=[group.pk])).content.decode()
    assert "name" in history
    # When deleted
    client.post(reverse("subjects:group_delete", args=[group.pk]))
    assert not Group.objects.filter(pk=group.pk).exists()


def test_bad_input_changes_nothing_and_keeps_what_was_typed(police, client_for):
    client = client_for(police)
    response = client.post(
        reverse("subjects:group_create"),
        {
            "name": "Kadejongens",
            "age_min": "18",
            "age_max": "12",
            "description": "Mijn tekst",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "De maximale leeftijd ligt onder de minimale." in html
    assert "Mijn tekst" in html and 'value="Kadejongens"' in html
    assert not Group.objects.exists()


def test_family_basis_cannot_be_chosen_on_the_membership_page(police, client_for):
    group = group_factory(police.organisation)
    person = person_factory(police.organisation, alias="Neef")
    client = client_for(police)
    form = client.get(reverse("subjects:membership_create") + f"?groep={group.pk}").content.decode()
    assert 'value="familie"' not in form
    response = client.post(
        reverse("subjects:membership_create"),
        {"group": group.pk, "person": person.pk, "role": "follower", "basis": "familie"},
    )
    assert response.status_code == 400
    assert not GroupMembership.objects.exists()
    client.post(
        reverse("subjects:membership_create"),
        {"group": group.pk, "person": person.pk, "role": "follower", "basis": "waarneming"},
    )
    assert GroupMembership.objects.filter(person=person, group=group).exists()


def test_person_pages_use_the_alias_and_ids(police, client_for):
    client = client_for(police)
    client.post(
        reverse("subjects:person_create"),
        {
            "alias": "Lil Haven",
            "real_name": "Verzonnen Persoon",
            "date_of_birth": "2010-05-06",
            "handles": "TikTok: @lilhaven",
            "involvement": "groepslid",
            "age_band": "16-17",
        },
    )
    person = Person.objects.get(alias="Lil Haven")
    assert person.handles == {"TikTok": "@lilhaven"}
    assert person.date_of_birth == "2010-05-06"
    assert person.get_absolute_url().endswith(f"/personen/{person.pk}/")
    page = client.get(person.get_absolute_url()).content.decode()
    assert "<title>Lil Haven" in page and "Verzonnen Persoon" in page
    justify = client.post(
        reverse("subjects:person_justify", args=[person.pk]),
        {
            "reason": "Nog betrokken",
            "new_review_date": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        },
    )
    assert justify.status_code == 302


def test_rivalry_shows_the_guides_interventions_for_each_threat(police, client_for):
    a, b = group_factory(police.organisation), group_factory(police.organisation)
    realistic = group_relation_factory(a, b, threat_a="realistic", threat_b="realistic")
    symbolic = group_relation_factory(a, b, threat_a="symbolic")
    client = client_for(police)
    realistic_page = client.get(realistic.get_absolute_url()).content.decode()
    symbolic_page = client.get(symbolic.get_absolute_url()).content.decode()
    assert "Realistische dreiging verminderen" in realistic_page
    assert "Symbolische dreiging verminderen" not in realistic_page
    assert "Symbolische dreiging verminderen" in symbolic_page
    assert realistic_page.count("<li><strong>") >= 5


def test_conflict_event_and_timeline(police, client_for):
    a, b = group_factory(police.organisation, "Alfa"), group_factory(police.organisation, "Beta")
    relation = group_relation_factory(a, b, since=dt.date(2022, 1, 1))
    client = client_for(police)
    client.post(
        reverse("subjects:conflict_event_create", args=[relation.pk]),
        {"date": "2024-03-01", "description": "Diss-track"},
    )
    assert GroupRelation.objects.get(pk=relation.pk).events.count() == 1
    timeline = client.get(reverse("subjects:group_timeline", args=[a.pk])).content.decode()
    assert "1 maart 2024" in timeline and "Rivaliteit" in timeline


def test_assessment_steps_and_contributions(police, client_for):
    group = group_factory(police.organisation)
    client = client_for(police)
    client.post(
        reverse("subjects:assessment_create", args=[group.pk]), {"started_on": "2026-01-12"}
    )
    assessment = group.assessments.get()
    client.post(
        reverse("subjects:assessment_step", args=[assessment.pk]),
        {"number": "4", "status": "afgerond", "started_on": "2026-02-01"},
    )
    client.post(
        reverse("subjects:assessment_contribute", args=[assessment.pk]),
        {"step": "4", "text": "Probleem besproken"},
    )
    assert assessment.steps.get(number=4).status == "afgerond"
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "Probleem besproken" in page and "Probleemdefinitie en prioriteit" in page


def test_observer_cannot_open_write_pages(make_member, client_for):
    client = client_for(make_member(PartnerType.MUNICIPALITY, role="observer"))
    assert client.get(reverse("subjects:group_create")).status_code == 403


def test_membership_delete_by_recorder(police, client_for):
    membership = membership_factory(
        group_factory(police.organisation), person_factory(police.organisation)
    )
    client_for(police).post(reverse("subjects:membership_delete", args=[membership.pk]))
    assert not GroupMembership.objects.exists()
