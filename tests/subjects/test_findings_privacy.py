"""Issue 8, finding 9 (subjects): memberships and relations on group and person pages are
filtered by both ends and access-logged, with the people and groups they name."""

from __future__ import annotations

import pytest
from django.urls import reverse
from subjects.subjects_factories import (
    group_factory,
    membership_factory,
    person_factory,
    person_relation_factory,
)

from lont.audit.models import AccessLogEntry
from lont.networks.choices import InformationCategory, PartnerType

pytestmark = pytest.mark.django_db


def _logged(object_type: str, pk: int) -> bool:
    return AccessLogEntry.objects.filter(object_type=object_type, object_id=str(pk)).exists()


def test_finding_9_group_page_logs_memberships_and_their_people(make_member, client_for):
    owner = make_member(PartnerType.YOUTH_WORK)
    group = group_factory(owner.organisation)
    person = person_factory(owner.organisation, alias="Lidalias8810")
    link = membership_factory(group, person)
    page = client_for(owner).get(reverse("subjects:group_detail", args=[group.pk]))
    assert "Lidalias8810" in page.content.decode()
    assert _logged("subjects.groupmembership", link.pk) and _logged("subjects.person", person.pk)


def test_finding_9_person_page_logs_relations_and_hides_unseen_ends(make_member, client_for):
    owner = make_member(PartnerType.YOUTH_WORK)
    reader = make_member(PartnerType.EDUCATION)
    person = person_factory(owner.organisation, alias="Hoofdalias8811")
    friend = person_factory(owner.organisation, alias="Vriendalias8812")
    tipster = person_factory(
        owner.organisation, alias="Tipalias8813", category=InformationCategory.TIP
    )
    relation = person_relation_factory(person, friend)
    person_relation_factory(person, tipster)
    page = client_for(owner).get(reverse("subjects:person_detail", args=[person.pk]))
    assert "Vriendalias8812" in page.content.decode()
    assert _logged("subjects.personrelation", relation.pk)
    assert _logged("subjects.person", friend.pk)
    # a reader who may see the person but not tips never sees the tipster end
    other = client_for(reader).get(reverse("subjects:person_detail", args=[person.pk]))
    if other.status_code == 200:
        assert "Tipalias8813" not in other.content.decode()


def test_canary_real_name_needs_the_person_row_in_full(network, make_member, client_for):
    """Found by the canary matrix: a tipster read as a summary showed the real name to a partner
    with full identifying access."""
    from subjects.subjects_factories import set_access

    from lont.networks.choices import Access

    owner = make_member(PartnerType.YOUTH_WORK)
    reader = make_member(PartnerType.POLICE)
    tipster = person_factory(
        owner.organisation,
        alias="Tipalias8814",
        category=InformationCategory.TIP,
        real_name="Echte Naam 8815",
    )
    set_access(
        network,
        {
            (InformationCategory.TIP, PartnerType.POLICE): Access.SUMMARY,
            (InformationCategory.IDENTIFYING, PartnerType.POLICE): Access.FULL,
        },
    )
    page = client_for(reader).get(reverse("subjects:person_detail", args=[tipster.pk]))
    assert page.status_code == 200 and "Tipalias8814" in page.content.decode()
    assert "Echte Naam 8815" not in page.content.decode()


def test_finding_13_person_list_refuses_a_group_the_reader_may_not_see(
    network, make_member, client_for
):
    """The person list's group filter takes only a group the reader may see; a hidden or
    unknown id is refused alike (message, filter dropped), never used to pick members."""
    from subjects.subjects_factories import set_access

    from lont.networks.choices import Access

    owner = make_member(PartnerType.YOUTH_WORK)
    reader = make_member(PartnerType.POLICE)
    set_access(network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE})
    group = group_factory(owner.organisation, name="Verborgen groep 8820")
    membership_factory(group, person_factory(owner.organisation, alias="Lidalias8821"))
    client = client_for(reader)
    for group_id in (group.pk, group.pk + 999):
        page = client.get(reverse("subjects:persons"), {"groep": group_id}, follow=True)
        body = page.content.decode()
        assert "noemt iets dat niet bestaat of dat u niet mag zien" in body, group_id
        assert "Lidalias8821" not in body
