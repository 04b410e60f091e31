"""Every change is logged (who, when, before/after); every read of personal data is logged; the
privacy officer searches and exports the logs and cannot read case content."""

import time

import pytest
from django.urls import reverse

from lont.accounts.reauth import SESSION_REAUTH_KEY
from lont.audit.models import AccessLogEntry, ChangeLogEntry
from lont.core import context
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


def test_a_change_records_actor_before_and_after(network, make_member):
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    org = director.organisation
    with context.acting(user=director.user, network=network, via="test"):
        org.description = "Nieuwe omschrijving"
        org.save()
    entry = ChangeLogEntry.objects.filter(
        object_type="networks.organisation", object_id=str(org.pk), action="update"
    ).get()
    assert entry.actor == director.user
    assert entry.before == {"description": ""}
    assert entry.after == {"description": "Nieuwe omschrijving"}
    assert entry.network == network


def test_secrets_never_reach_the_change_log(network, make_member):
    member = make_member()
    member.user.set_password("Another-Secret-Pass-1")
    member.user.save()
    for entry in ChangeLogEntry.objects.filter(object_type="accounts.user"):
        assert "password" not in (entry.after or {}) and "security_stamp" not in (entry.after or {})


def test_reading_a_member_is_access_logged_with_purpose(network, make_member, client_for):
    reader = make_member(PartnerType.POLICE)
    other = make_member(PartnerType.YOUTH_WORK)
    client_for(reader).get(
        reverse("networks:member_detail", args=[other.pk]) + "?doel=casusoverleg"
    )
    entry = AccessLogEntry.objects.get(object_type="networks.membership", object_id=str(other.pk))
    assert entry.actor == reader.user and entry.purpose == "casusoverleg" and entry.via == "page"


def test_list_pages_log_what_was_listed(network, make_member, client_for):
    reader = make_member(PartnerType.POLICE)
    make_member(PartnerType.YOUTH_WORK)
    client_for(reader).get(reverse("networks:members"))
    assert AccessLogEntry.objects.filter(via="list", actor=reader.user).count() == 2


def test_privacy_officer_searches_and_exports(network, make_member, client_for):
    officer = make_member(PartnerType.MUNICIPALITY, Role.PRIVACY_OFFICER)
    reader = make_member(PartnerType.POLICE)
    client_for(reader).get(reverse("networks:member_detail", args=[officer.pk]))
    client = client_for(officer)
    page = client.get(reverse("audit:index"), {"log": "access", "actor": reader.user.pk})
    assert page.status_code == 200 and "networks.membership" in page.content.decode()
    assert client.get(reverse("audit:export")).status_code == 302  # re-authentication first
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()
    session.save()
    export = client.get(reverse("audit:export"), {"log": "access"})
    rows = export.content.decode().splitlines()
    assert rows[0].startswith("at,actor,organisation") and len(rows) >= 2
    assert ChangeLogEntry.objects.filter(event="export", actor=officer.user).exists()


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.PROFESSIONAL, Role.COORDINATOR])
def test_only_the_privacy_officer_reads_the_logs(network, make_member, client_for, role):
    client = client_for(make_member(PartnerType.MUNICIPALITY, role))
    assert client.get(reverse("audit:index")).status_code == 403
    assert client.get("/api/v1/audit/access/").status_code == 403
