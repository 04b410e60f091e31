"""Writing through the API: the same services, rules and refusals as the pages."""

from __future__ import annotations

import pytest
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.subjects import services
from lont.subjects.models import Group, GroupMembership

pytestmark = pytest.mark.django_db
C = InformationCategory
API = "/api/v1/subjects"


def _post(client, path, data):
    return client.post(path, data, content_type="application/json")


def test_create_update_and_delete_a_group(make_member, client_for):
    client = client_for(make_member(PartnerType.POLICE))
    created = _post(
        client,
        f"{API}/groups/",
        {
            "name": "Kadejongens",
            "areas": ["Noorderhaven"],
            "binds": ["buurt"],
            "online_channels": [{"platform": "TikTok", "channel": "@kade"}],
        },
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["access"] == "full"
    patched = client.patch(
        f"{API}/groups/{pk}/", {"strengths": "Sterk groepsgevoel"}, content_type="application/json"
    )
    assert patched.status_code == 200 and patched.json()["strengths"] == "Sterk groepsgevoel"
    assert client.delete(f"{API}/groups/{pk}/").status_code == 204
    assert not Group.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"name": "X", "binds": ["bende"]},
        {"name": "X", "areas": "geen lijst"},
        {"name": "X", "online_channels": ["kanaal"]},
        {"name": "X", "age_min": 18, "age_max": 12},
    ],
)
def test_bad_input_is_refused_with_a_reason_and_stores_nothing(make_member, client_for, payload):
    client = client_for(make_member(PartnerType.POLICE))
    response = _post(client, f"{API}/groups/", payload)
    assert response.status_code == 400 and response.json()
    assert not Group.objects.exists()


def test_family_basis_is_refused_through_the_api(make_member, client_for):
    police = make_member(PartnerType.POLICE)
    group, person = group_factory(police.organisation), person_factory(police.organisation)
    response = _post(
        client_for(police),
        f"{API}/memberships/",
        {"group": group.pk, "person": person.pk, "role": "follower", "basis": "familie"},
    )
    assert response.status_code == 400
    assert not GroupMembership.objects.exists()


def test_summary_partner_cannot_change_and_non_owner_cannot_delete(
    network, make_member, client_for
):
    police = make_member(PartnerType.POLICE)
    group = group_factory(police.organisation)
    set_access(network, {(C.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.SUMMARY})
    school = client_for(make_member(PartnerType.EDUCATION))
    assert (
        school.patch(
            f"{API}/groups/{group.pk}/", {"name": "Y"}, content_type="application/json"
        ).status_code
        == 404
    )
    youth = client_for(make_member(PartnerType.YOUTH_WORK))  # full access, not the recorder
    assert youth.delete(f"{API}/groups/{group.pk}/").status_code == 403
    assert Group.objects.filter(pk=group.pk).exists()


def test_assessment_steps_and_contributions_through_the_api(make_member, client_for, viewer_for):
    police = make_member(PartnerType.POLICE)
    group = group_factory(police.organisation)
    assessment = services.assessment_create(viewer=viewer_for(police), group=group, data={})
    client = client_for(police)
    step = _post(
        client,
        f"{API}/assessments/{assessment.pk}/step/",
        {"number": 2, "status": "afgerond", "started_on": "2026-01-01"},
    )
    assert step.status_code == 200
    assert step.json()["steps"][1]["status"] == "afgerond"
    youth = client_for(make_member(PartnerType.YOUTH_WORK))
    added = _post(
        youth,
        f"{API}/assessments/{assessment.pk}/contribution/",
        {"step": 2, "text": "Gesprekken gevoerd"},
    )
    assert added.status_code == 200
    assert assessment.contributions.get().organisation.partner_type == PartnerType.YOUTH_WORK
    bad = _post(client, f"{API}/assessments/{assessment.pk}/step/", {"number": 9, "status": "x"})
    assert bad.status_code == 400
