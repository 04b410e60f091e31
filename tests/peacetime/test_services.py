"""The vision (P1), sources (P11) and awareness (P12) through their services and selectors."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from lont.knowledge.hooks import sources_for
from lont.networks.choices import PartnerType, Role
from lont.networks.services import covenant_version_create, default_covenant_content
from lont.notifications.models import Notification
from lont.peacetime import selectors, services
from lont.peacetime.choices import Audience, AwarenessKind, GoalFocus, VisionStatus
from lont.peacetime.models import StigmaLabel

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)
ANSWERS = {
    "target_group": "Jongeren uit Noord, verbonden door muziek.",
    "terms": ["3031 Collective"],
    "goal_focus": GoalFocus.PREVENTION,
    "online_offline": "Online en op straat.",
    "staff_time": "Vier uur per week.",
}


@pytest.fixture
def youth(make_member, viewer_for):
    return viewer_for(make_member(PartnerType.YOUTH_WORK))


@pytest.fixture
def police(make_member, viewer_for):
    return viewer_for(make_member(PartnerType.POLICE))


@pytest.fixture
def director(make_member, viewer_for):
    return viewer_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))


def test_every_save_is_a_new_version_and_stigmatising_terms_warn(youth, network):
    services.seed_labels(network)
    first = services.vision_save(viewer=youth, **ANSWERS)
    assert first.version.number == 1 and first.warnings == []
    second = services.vision_save(viewer=youth, **{**ANSWERS, "terms": ["de bende van Noord"]})
    assert second.version.number == 2
    assert len(second.warnings) == 1 and "'bende'" in second.warnings[0]
    first.version.refresh_from_db()
    assert first.version.terms == ["3031 Collective"]  # a stored version never changes
    # The network edits the list: without "bende" on it, no warning
    StigmaLabel.objects.filter(network=network).delete()
    assert services.vision_save(viewer=youth, **{**ANSWERS, "terms": ["bende"]}).warnings == []


def test_the_network_vision_is_written_and_approved_by_the_director_with_a_reason(youth, director):
    with pytest.raises(PermissionDenied):
        services.vision_save(viewer=youth, network_vision=True, **ANSWERS)
    version = services.vision_save(viewer=director, network_vision=True, **ANSWERS).version
    assert version.organisation is None and version.status == VisionStatus.DRAFT
    with pytest.raises(PermissionDenied):
        services.vision_approve(viewer=youth, version=version, reason="ok")
    with pytest.raises(ValidationError):
        services.vision_approve(viewer=director, version=version, reason=" ")
    services.vision_approve(viewer=director, version=version, reason="Netwerkoverleg")
    assert selectors.approved_network_vision(director) == version


def test_the_covenant_annex_cites_the_vision_version_it_rests_on(director, network):
    version = services.vision_save(viewer=director, network_vision=True, **ANSWERS).version
    services.vision_approve(viewer=director, version=version, reason="Netwerkoverleg")
    covenant = covenant_version_create(
        network=network,
        actor=None,
        reason="Na de visie",
        content=default_covenant_content(),
        director_organisation=director.organisation,
    )
    assert "netwerkvisie versie 1" in selectors.vision_citation(covenant)


def test_side_by_side_marks_where_the_partners_differ(youth, police):
    services.vision_save(viewer=youth, **ANSWERS)
    services.vision_save(
        viewer=police,
        **{**ANSWERS, "goal_focus": GoalFocus.ENFORCEMENT, "terms": ["jeugdgroep"]},
    )
    _network, partners = selectors.latest_per_owner(youth)
    rows = {row.question: row for row in selectors.compare(partners)}
    assert rows["3. Doel"].differs
    assert rows["2. Termen"].not_shared == ["3031 collective", "jeugdgroep"]
    assert not rows["1. Doelgroep"].differs


@time_machine.travel(NOW, tick=False)
def test_a_due_source_reminds_its_contact_once_and_the_knowledge_base_lists_it(director, youth):
    source = services.source_save(
        viewer=director,
        title="Echt zijn in de online leefwereld",
        url="",
        good_for="Online werken voor jongerenwerk.",
        owner=youth.organisation,
        owner_member=youth.membership,
        review_on=NOW.date(),
        recommendations=["V3", "V11"],
    )
    assert services.send_source_reminders() == 1
    assert services.send_source_reminders() == 0
    assert Notification.objects.filter(user=youth.user, text__contains="Echt zijn").exists()
    assert sources_for(youth, "V11") == [source]
    assert sources_for(youth, "V5") == []


@time_machine.travel(NOW, tick=False)
def test_the_year_overview_counts_reach_per_audience_and_names_gaps(director, youth):
    services.awareness_save(
        viewer=youth,
        kind=AwarenessKind.SCHOOL_LESSON,
        title="Les mediawijsheid",
        audience=Audience.YOUNG_PEOPLE,
        held_on=dt.date(2026, 3, 1),
        reach=80,
        trusted_by_youth=True,
    )
    overview = selectors.year_overview(
        director, 2026, scans=0, contacts={}, activities=0, overdue_platforms=2
    )
    reach = {label: (count, total) for label, count, total in overview.reach}
    assert reach[str(Audience.YOUNG_PEOPLE.label)] == (1, 80)
    gaps = " ".join(overview.gaps)
    assert "ouders" in gaps and "9 aspecten" in gaps and "2 platforms" in gaps
    assert "vastgestelde netwerkvisie" in gaps
