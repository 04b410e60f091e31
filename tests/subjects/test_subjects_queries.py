"""List pages and API lists keep a constant number of queries as data grows."""

from __future__ import annotations

import pytest
from django.urls import reverse
from subjects.subjects_factories import (
    conflict_event_factory,
    group_factory,
    group_relation_factory,
    membership_factory,
    person_factory,
    person_relation_factory,
)

from lont.networks.choices import PartnerType
from lont.subjects import services

pytestmark = pytest.mark.django_db


def _grow(viewer, n):
    org = viewer.organisation
    for _ in range(n):
        a, b = group_factory(org), group_factory(org)
        p, q = person_factory(org), person_factory(org)
        membership_factory(a, p)
        person_relation_factory(p, q)
        conflict_event_factory(group_relation_factory(a, b))
        assessment = services.assessment_create(viewer=viewer, group=a, data={})
        services.contribution_add(viewer=viewer, assessment=assessment, step=1, text="Bijdrage")


@pytest.mark.parametrize(
    "url",
    [
        reverse("subjects:groups"),
        reverse("subjects:persons"),
        reverse("subjects:relations"),
        reverse("subjects:graph_data"),
        "/api/v1/subjects/groups/",
        "/api/v1/subjects/persons/",
        "/api/v1/subjects/memberships/",
        "/api/v1/subjects/group-relations/",
        "/api/v1/subjects/assessments/",
        "/api/v1/subjects/person-relations/",
        "/api/v1/subjects/conflict-events/",
    ],
)
def test_list_queries_are_constant(
    make_member, client_for, viewer_for, django_assert_max_num_queries, url
):
    police = make_member(PartnerType.POLICE)
    client = client_for(police)
    _grow(viewer_for(police), 2)
    client.get(url)  # warm session and caches
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    _grow(viewer_for(police), 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
