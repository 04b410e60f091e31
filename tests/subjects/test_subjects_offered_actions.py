"""Pages never offer an action the viewer may not perform (issue 8, item 4): a school mentor
who reads police records is offered no edit, delete or unlink, and a direct visit to the
confirmation page explains the refusal instead of offering a button. The offer and the service
use the same rule (``core.guards``)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from subjects.subjects_factories import (
    group_factory,
    membership_factory,
    person_factory,
    person_relation_factory,
    set_access,
)

from lont.core import guards
from lont.core.viewer import Viewer
from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.subjects.models import GroupMembership, PersonRelation

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_records(network, make_member):
    police = make_member(PartnerType.POLICE)
    group = group_factory(police.organisation, name="Kadejongens")
    person = person_factory(police.organisation, alias="Kade-1")
    other = person_factory(police.organisation, alias="Kade-2")
    membership = membership_factory(group, person)
    relation = person_relation_factory(person, other)
    # the covenant lets schools read group analysis in full
    set_access(network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.FULL})
    return police, person, membership, relation


def test_a_school_mentor_is_not_offered_delete_or_unlink_on_police_records(
    police_records, make_member, client_for
):
    police, person, membership, relation = police_records
    mentor = make_member(PartnerType.EDUCATION)
    # when the mentor opens the person page, then nothing is offered that would be refused
    body = client_for(mentor).get(reverse("subjects:person_detail", args=[person.pk]))
    page = body.content.decode()
    assert body.status_code == 200 and "Kade-1" in page
    assert reverse("subjects:membership_delete", args=[membership.pk]) not in page
    assert reverse("subjects:person_relation_delete", args=[relation.pk]) not in page
    assert reverse("subjects:person_delete", args=[person.pk]) not in page
    # while the police, who recorded them, is offered all three
    own = client_for(police).get(reverse("subjects:person_detail", args=[person.pk]))
    own_page = own.content.decode()
    assert reverse("subjects:membership_delete", args=[membership.pk]) in own_page
    assert reverse("subjects:person_relation_delete", args=[relation.pk]) in own_page
    assert reverse("subjects:person_delete", args=[person.pk]) in own_page


def test_the_confirmation_page_explains_the_refusal_and_deletes_nothing(
    police_records, make_member, client_for
):
    _police, _person, membership, _relation = police_records
    mentor = client_for(make_member(PartnerType.EDUCATION))
    path = reverse("subjects:membership_delete", args=[membership.pk])
    page = mentor.get(path)
    assert page.status_code == 403
    assert "Alleen de partner die dit vastlegde" in page.content.decode()
    assert "Definitief verwijderen" not in page.content.decode()
    assert mentor.post(path).status_code == 403
    assert GroupMembership.objects.filter(pk=membership.pk).exists()
    assert PersonRelation.objects.exists()


def test_offer_and_service_share_one_rule(police_records, make_member):
    police, _person, membership, relation = police_records
    mentor = Viewer(make_member(PartnerType.EDUCATION))
    director = Viewer(make_member(PartnerType.MUNICIPALITY, role="director"))
    for obj in (membership, relation):
        assert guards.may_delete(Viewer(police), obj)
        assert not guards.may_delete(mentor, obj)
        assert guards.may_delete(director, obj)
        assert guards.may_change(mentor, obj)  # full access by the covenant: may correct
