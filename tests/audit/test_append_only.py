"""Given log entries, editing or deleting them is impossible through every interface:
model, queryset, raw SQL (database triggers), API and admin."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from lont.audit import dbguard
from lont.audit.models import AccessLogEntry, AppendOnlyError, ChangeLogEntry
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(network):
    return ChangeLogEntry.objects.filter(network=network).first()


def test_model_refuses_update_and_delete(entry):
    entry.reason = "weggepoetst"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_queryset_refuses_bulk_changes(entry):
    with pytest.raises(AppendOnlyError):
        ChangeLogEntry.objects.filter(pk=entry.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()


@pytest.fixture
def triggers_armed():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET lont.log_maintenance = 'off'")
    dbguard.set_maintenance(False)
    yield
    dbguard.set_maintenance(True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET lont.log_maintenance = 'on'")


@pytest.mark.parametrize("sql", ["UPDATE {t} SET reason = 'x'", "DELETE FROM {t}"])
def test_database_refuses_raw_changes(entry, triggers_armed, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql.format(t=ChangeLogEntry._meta.db_table))
    assert ChangeLogEntry.objects.filter(pk=entry.pk, reason=entry.reason).exists()


def test_api_offers_no_way_to_change_logs(network, make_member, client_for):
    officer = make_member(PartnerType.MUNICIPALITY, Role.PRIVACY_OFFICER)
    client = client_for(officer)
    entry_id = ChangeLogEntry.objects.filter(network=network).first().pk
    assert client.get(f"/api/v1/audit/changes/{entry_id}/").status_code == 200
    for method in ("put", "patch", "delete"):
        response = getattr(client, method)(
            f"/api/v1/audit/changes/{entry_id}/", {}, content_type="application/json"
        )
        assert response.status_code in (403, 405)
    assert ChangeLogEntry.objects.filter(pk=entry_id).exists()


def test_logs_are_not_in_the_admin():
    from django.contrib import admin

    assert ChangeLogEntry not in admin.site._registry
    assert AccessLogEntry not in admin.site._registry


@pytest.mark.parametrize("sql", ["UPDATE {t} SET role = 'x'", "DELETE FROM {t}"])
def test_database_refuses_raw_changes_of_reads(
    network, make_member, client_for, triggers_armed, sql
):
    """Adding the reader's role (audit/0004) kept the access log's triggers."""
    reader = make_member(PartnerType.POLICE)
    client_for(reader).get(reverse("networks:member_detail", args=[reader.pk]))
    assert AccessLogEntry.objects.exists()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql.format(t=AccessLogEntry._meta.db_table))
