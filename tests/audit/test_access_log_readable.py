"""The privacy officer reads the access log per request: which records one page, list, export or
API call touched, in Dutch, with the reader's partner and role, summary reads told apart; the
filters narrow it; the number of queries does not grow with the log; the CSV stays complete."""

from __future__ import annotations

import csv
import io
import time

import pytest
from django.urls import reverse

from lont.accounts.reauth import SESSION_REAUTH_KEY
from lont.audit.models import AccessLogEntry, ChangeLogEntry
from lont.core import context
from lont.networks.choices import Access, PartnerType, Role

pytestmark = pytest.mark.django_db

INDEX = reverse("audit:index")


@pytest.fixture
def officer(make_member):
    return make_member(PartnerType.MUNICIPALITY, Role.PRIVACY_OFFICER)


def read(member, records, *, request_id, access=Access.FULL, purpose="", via="page"):
    """Log rows as one request would write them (the level chosen, not computed)."""
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            actor=member.user,
            network=member.network,
            organisation=member.organisation,
            role=member.role,
            request_id=request_id,
            via=via,
            path="/fictief/",
            object_type=object_type,
            object_id=str(object_id),
            object_repr=text,
            access=access,
            purpose=purpose,
        )
        for object_type, object_id, text in records
    )


PEOPLE = [("subjects.person", 11, "Vos"), ("subjects.person", 12, "Uil")]
SIGNAL = [("signalregister.signal", 7, "Signaal #7")]


def test_one_request_is_one_entry_listing_its_records_in_dutch(officer, make_member, client_for):
    reader = make_member(PartnerType.POLICE, Role.PROFESSIONAL)
    read(reader, PEOPLE + SIGNAL, request_id="a" * 32)
    read(reader, SIGNAL, request_id="b" * 32, access=Access.SUMMARY, purpose="casusoverleg")
    page = client_for(officer).get(INDEX)
    groups = page.context["rows"]
    assert [len(g.records) for g in groups] == [1, 3]
    html = page.content.decode()
    assert "Persoon 11" in html and "Signaal 7" in html
    # the privacy officer reads no case content: records by number, never by alias
    assert "Vos" not in html
    assert reader.organisation.name in html and str(Role.PROFESSIONAL.label) in html
    assert groups[0].summary_only and "Alleen samenvattingen" in html
    assert not groups[1].summary_only and not groups[1].partly_summary
    assert "doel: casusoverleg" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"person": "Vos"}, ["a"]),
        ({"person": "12"}, ["a"]),
        ({"access": "1"}, ["b"]),
        ({"purpose": "casus"}, ["b"]),
        ({"object_type": "signalregister.signal"}, ["b", "a"]),
    ],
)
def test_filters_by_person_level_purpose_and_kind(
    officer, make_member, client_for, params, expected
):
    reader = make_member(PartnerType.POLICE, Role.PROFESSIONAL)
    read(reader, PEOPLE + SIGNAL, request_id="a" * 32)
    read(reader, SIGNAL, request_id="b" * 32, access=Access.SUMMARY, purpose="casusoverleg")
    groups = client_for(officer).get(INDEX, params).context["rows"]
    assert [g.key[0] for g in groups] == expected


def test_filters_by_partner_and_period(officer, make_member, client_for, time_machine):
    police = make_member(PartnerType.POLICE, Role.PROFESSIONAL)
    school = make_member(PartnerType.EDUCATION, Role.PROFESSIONAL)
    time_machine.move_to("2026-03-02 10:00 +01:00")
    read(police, PEOPLE, request_id="p" * 32)
    time_machine.move_to("2026-03-05 10:00 +01:00")
    read(school, PEOPLE, request_id="s" * 32)
    client = client_for(officer)
    by_partner = client.get(INDEX, {"organisation": police.organisation_id}).context["rows"]
    assert [g.key[0] for g in by_partner] == ["p"]
    in_period = client.get(INDEX, {"since": "2026-03-04", "until": "2026-03-06"}).context["rows"]
    assert [g.key[0] for g in in_period] == ["s"]


def test_the_page_costs_the_same_queries_for_a_small_and_a_large_log(
    officer, make_member, client_for, django_assert_max_num_queries
):
    readers = [make_member(PartnerType.POLICE), make_member(PartnerType.YOUTH_WORK)]
    client = client_for(officer)
    read(readers[0], PEOPLE, request_id="0" * 32)
    client.get(INDEX)  # warm the session and caches
    with django_assert_max_num_queries(14) as small:
        client.get(INDEX)
    for n in range(1, 60):
        read(readers[n % 2], PEOPLE + SIGNAL, request_id=f"{n:032d}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(INDEX)
    assert len(response.context["rows"]) == 50  # one page of requests


def test_the_change_log_names_models_and_fields_in_dutch(officer, network, client_for):
    org = officer.organisation
    with context.acting(user=officer.user, network=network, via="test"):
        org.description = "Nieuwe omschrijving"
        org.save()
    html = client_for(officer).get(INDEX, {"log": "change"}).content.decode()
    assert "Partnerorganisatie" in html and "omschrijving" in html


def test_the_csv_stays_complete_one_line_per_read_with_the_role(officer, make_member, client_for):
    reader = make_member(PartnerType.POLICE, Role.PROFESSIONAL)
    read(reader, PEOPLE + SIGNAL, request_id="a" * 32)
    client = client_for(officer)
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()
    session.save()
    before = AccessLogEntry.objects.count()
    body = client.get(reverse("audit:export"), {"log": "access"}).content.decode()
    rows = [r for r in csv.DictReader(io.StringIO(body)) if r["request_id"] == "a" * 32]
    assert len(rows) == 3 and {r["role"] for r in rows} == {"professional"}
    # The export names the reader: their membership's read is logged, and the export event.
    assert AccessLogEntry.objects.count() == before + 1
    assert AccessLogEntry.objects.latest("id").object_id == str(reader.pk)
    assert ChangeLogEntry.objects.filter(event="export", actor=officer.user).exists()


def test_a_large_request_shows_the_first_records_and_counts_the_rest(
    officer, make_member, client_for
):
    reader = make_member(PartnerType.POLICE)
    read(reader, [("subjects.person", n, f"Alias {n}") for n in range(40)], request_id="e" * 32)
    page = client_for(officer).get(INDEX)
    assert len(page.context["rows"][0].records) == 40
    assert "En nog 15 gegevens" in page.content.decode()
