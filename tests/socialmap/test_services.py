"""The social map's rules, through its services: consent, who maintains, reach and links."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from socialmap_factories import contact_factory, group_factory, person_factory, set_access

from lont.audit.models import ChangeLogEntry
from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.socialmap import selectors, services
from lont.socialmap.choices import ContactKind
from lont.socialmap.models import Contact, ContactReach

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth_worker(make_member, viewer_for):
    return viewer_for(make_member(PartnerType.YOUTH_WORK))


@pytest.mark.parametrize(
    "kind",
    [
        k
        for k in ContactKind
        if k
        not in (
            ContactKind.PARTNER_PROFESSIONAL,
            ContactKind.EXTERNAL_PROFESSIONAL,
            ContactKind.TEACHER,
        )
    ],
)
def test_non_professional_without_consent_is_refused(youth_worker, kind):
    # Given a private person without consent, when recorded, then refused and nothing is saved
    with pytest.raises(ValidationError) as caught:
        services.contact_create(viewer=youth_worker, kind=kind, name="Fictief Persoon")
    assert "toestemming" in caught.value.message_dict["consent_date"][0]
    assert Contact.objects.count() == 0


def test_consent_needs_both_date_and_scope(youth_worker):
    with pytest.raises(ValidationError):
        services.contact_create(
            viewer=youth_worker,
            kind=ContactKind.PARENT,
            name="Ouder Een",
            consent_date=dt.date(2026, 1, 1),
            consent_scope="  ",
        )
    assert Contact.objects.count() == 0


@time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC))
def test_consent_in_the_future_is_refused(youth_worker):
    with pytest.raises(ValidationError, match="toekomst"):
        services.contact_create(
            viewer=youth_worker,
            kind=ContactKind.PARENT,
            name="Ouder Twee",
            consent_date=dt.date(2026, 7, 1),
            consent_scope="Bellen",
        )


def test_professional_needs_no_consent(youth_worker):
    contact = services.contact_create(
        viewer=youth_worker,
        kind=ContactKind.EXTERNAL_PROFESSIONAL,
        name="Pro Fessional",
        role="Schoolmaatschappelijk werker",
    )
    assert contact.organisation == youth_worker.organisation
    assert contact.consent_recorded_by is None


def test_consent_records_who_and_an_event(youth_worker):
    contact = services.contact_create(
        viewer=youth_worker,
        kind=ContactKind.PARENT,
        name="Ouder Drie",
        consent_date=dt.date(2026, 1, 2),
        consent_scope="Bellen bij spanningen",
    )
    assert contact.consent_recorded_by == youth_worker.user
    events = ChangeLogEntry.objects.filter(event="socialmap.consent_recorded", object_id=contact.pk)
    assert events.count() == 1


def test_change_log_never_holds_the_name(youth_worker):
    contact = services.contact_create(
        viewer=youth_worker,
        kind=ContactKind.PARENT,
        name="Geheime Naam",
        phone="06-00001111",
        consent_date=dt.date(2026, 1, 2),
        consent_scope="Bellen",
    )
    services.contact_update(viewer=youth_worker, contact=contact, name="Andere Naam")
    rows = ChangeLogEntry.objects.filter(object_type="socialmap.contact")
    text = " ".join(f"{r.object_repr} {r.before} {r.after}" for r in rows)
    assert "Geheime" not in text and "Andere Naam" not in text and "06-0000" not in text
    assert rows.filter(action="update").exists()


@pytest.mark.parametrize(
    ("consent", "today", "due"),
    [
        (dt.date(2024, 6, 1), dt.date(2026, 6, 1), False),  # exactly 730 days: still valid
        (dt.date(2024, 5, 31), dt.date(2026, 6, 1), True),  # one day older: review
        (dt.date(2026, 1, 1), dt.date(2026, 6, 1), False),
    ],
)
def test_consent_older_than_the_covenant_retention_is_flagged(
    network, youth_worker, consent, today, due
):
    # Given the covenant keeps contacts 730 days
    assert youth_worker.covenant.retention_days[InformationCategory.CONTACTS] == 730
    contact = contact_factory(
        youth_worker.organisation, kind=ContactKind.PARENT, consent_date=consent
    )
    # When checked on ``today``, then flagged exactly when the consent is older than that
    assert contact.consent_review_due(today=today, retention_days=730) is due
    with time_machine.travel(dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)):
        flagged = selectors.contacts(youth_worker, selectors.ContactFilters(review_due=True))
        assert (contact in flagged) is due


def test_professionals_are_never_flagged_for_consent(youth_worker):
    contact = contact_factory(youth_worker.organisation, kind=ContactKind.TEACHER)
    assert not contact.consent_review_due(today=dt.date(2030, 1, 1), retention_days=1)


def test_renewing_consent_clears_the_flag(youth_worker):
    contact = contact_factory(
        youth_worker.organisation, kind=ContactKind.PARENT, consent_date=dt.date(2020, 1, 1)
    )
    services.contact_update(viewer=youth_worker, contact=contact, consent_date=dt.date(2026, 1, 1))
    contact.refresh_from_db()
    assert not contact.consent_review_due(today=dt.date(2026, 6, 1), retention_days=730)
    assert contact.consent_recorded_by == youth_worker.user


def test_only_the_recording_organisation_or_director_maintains(
    make_member, viewer_for, youth_worker
):
    contact = contact_factory(youth_worker.organisation)
    police = viewer_for(make_member(PartnerType.POLICE))
    director = viewer_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    observer = viewer_for(make_member(PartnerType.YOUTH_WORK, Role.OBSERVER))
    # Police sees the contact in full but did not record it
    assert selectors.access_for(police, contact) == Access.FULL
    with pytest.raises(PermissionDenied):
        services.contact_update(viewer=police, contact=contact, role="Iets anders")
    with pytest.raises(PermissionDenied):
        services.contact_update(viewer=observer, contact=contact, role="Iets anders")
    services.contact_update(viewer=director, contact=contact, role="Gecorrigeerd")
    contact.refresh_from_db()
    assert contact.role == "Gecorrigeerd"


def test_delete_records_an_event_without_the_name(youth_worker):
    contact = contact_factory(youth_worker.organisation, name="Wegwezen Persoon")
    pk = contact.pk
    services.contact_delete(viewer=youth_worker, contact=contact, reason="Geen contact meer")
    assert not Contact.objects.filter(pk=pk).exists()
    event = ChangeLogEntry.objects.get(event="socialmap.contact_deleted", object_id=pk)
    assert event.reason == "Geen contact meer"
    assert "Wegwezen" not in event.object_repr


def test_reach_only_to_groups_the_viewer_may_see(make_member, viewer_for, youth_worker):
    # Given housing may not see group analyses, and a housing contact
    director = viewer_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    housing = viewer_for(make_member(PartnerType.HOUSING))
    set_access(
        director, PartnerType.HOUSING, Access.NONE, category=InformationCategory.GROUP_ANALYSIS
    )
    housing.__dict__.pop("covenant", None)
    group = group_factory(youth_worker.organisation, "De Hoek")
    contact = contact_factory(housing.organisation)
    # When housing records reach to that group, then refused
    with pytest.raises(ValidationError):
        services.reach_set(viewer=housing, contact=contact, group=group, strength="sterk")
    assert not ContactReach.objects.exists()


def test_reach_set_creates_then_updates(youth_worker):
    group = group_factory(youth_worker.organisation)
    contact = contact_factory(youth_worker.organisation)
    services.reach_set(viewer=youth_worker, contact=contact, group=group, strength="zwak")
    services.reach_set(viewer=youth_worker, contact=contact, group=group, strength="sterk", how="x")
    reach = ContactReach.objects.get()
    assert (reach.strength, reach.how) == ("sterk", "x")


def test_person_link_needs_a_relation(youth_worker):
    contact = contact_factory(youth_worker.organisation)
    person = person_factory(youth_worker.organisation)
    with pytest.raises(ValidationError):
        services.person_link_add(viewer=youth_worker, contact=contact, person=person, relation=" ")
    link = services.person_link_add(
        viewer=youth_worker, contact=contact, person=person, relation="trainer"
    )
    assert link.relation == "trainer"


def test_member_link_only_for_partner_professionals(make_member, youth_worker):
    colleague = make_member(PartnerType.POLICE)
    with pytest.raises(ValidationError) as caught:
        services.contact_create(
            viewer=youth_worker,
            kind=ContactKind.EXTERNAL_PROFESSIONAL,
            name="Geen Lid",
            member=colleague,
        )
    assert "member" in caught.value.message_dict
    contact = services.contact_create(
        viewer=youth_worker, kind=ContactKind.PARTNER_PROFESSIONAL, name="Wel Lid", member=colleague
    )
    assert contact.member == colleague
