"""The crisis phone tree: re-authentication first, every exported contact access-logged via
"export", the export recorded as an event, and spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from socialmap_factories import contact_factory, group_factory, reach_factory, reauthenticated

from lont.audit.models import AccessLogEntry, AccessVia, ChangeLogEntry
from lont.networks.choices import PartnerType
from lont.socialmap.exports import safe_cell

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["socialmap:export_csv", "socialmap:export_print"])
def test_export_needs_a_recent_reauthentication(make_member, client_for, name):
    member = make_member(PartnerType.YOUTH_WORK)
    contact_factory(member.organisation)
    response = client_for(member).get(reverse(name))
    assert response.status_code == 302
    assert reverse("accounts:reauth") in response["Location"]
    assert not AccessLogEntry.objects.filter(via=AccessVia.EXPORT).exists()
    assert not ChangeLogEntry.objects.filter(event="export").exists()


def test_csv_export_logs_each_contact_and_the_export(make_member, client_for):
    member = make_member(PartnerType.YOUTH_WORK)
    contacts = [contact_factory(member.organisation) for _ in range(3)]
    response = reauthenticated(client_for(member)).get(reverse("socialmap:export_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["naam", "soort"] and len(rows) == 4
    logged = AccessLogEntry.objects.filter(via=AccessVia.EXPORT, object_type="socialmap.contact")
    assert sorted(int(e.object_id) for e in logged) == sorted(c.pk for c in contacts)
    event = ChangeLogEntry.objects.get(event="export")
    assert event.after == {"what": "socialmap_phone_tree", "rows": 3}
    assert event.actor == member.user


def test_export_follows_the_list_filters(make_member, client_for):
    member = make_member(PartnerType.YOUTH_WORK)
    contact_factory(member.organisation, name="Alleen Deze", kind="parent")
    contact_factory(member.organisation, name="Niet Deze", kind="teacher")
    body = (
        reauthenticated(client_for(member))
        .get(reverse("socialmap:export_csv") + "?soort=parent")
        .content.decode()
    )
    assert "Alleen Deze" in body and "Niet Deze" not in body


def test_phone_tree_for_a_group_follows_the_ranking(make_member, client_for):
    member = make_member(PartnerType.YOUTH_WORK)
    group = group_factory(member.organisation, "Kadejongens", areas=["Havenkwartier"])
    weak = contact_factory(member.organisation, name="Zwak Bereik", areas=["Elders"])
    strong = contact_factory(member.organisation, name="Sterk Bereik", areas=["Elders"])
    contact_factory(member.organisation, name="Geen Relatie", areas=["Elders"])
    reach_factory(weak, group, "zwak")
    reach_factory(strong, group, "sterk")
    client = reauthenticated(client_for(member))
    body = client.get(
        reverse("socialmap:export_print") + f"?groep_bereik={group.pk}"
    ).content.decode()
    assert body.index("Sterk Bereik") < body.index("Zwak Bereik")
    assert "Geen Relatie" not in body
    assert "Kadejongens" in body


def test_formula_injection_is_neutralised(make_member, client_for):
    member = make_member(PartnerType.YOUTH_WORK)
    contact_factory(member.organisation, name='=HYPERLINK("http://x.test","klik")', role="+31 rol")
    body = reauthenticated(client_for(member)).get(reverse("socialmap:export_csv")).content.decode()
    row = list(csv.reader(io.StringIO(body)))[1]
    assert row[0].startswith("'=") and row[2] == "'+31 rol"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31", "'+31"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Gewoon", "Gewoon"),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected
