"""Bulk writes of audited models leave the same change-log rows as single saves: one per object,
with actor, before and after, in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db.models import Value
from django.db.models.functions import Concat

from lont.audit.changelog import bulk_create_logged, bulk_update_logged, update_logged
from lont.audit.models import ChangeLogEntry
from lont.core import context
from lont.networks.choices import PartnerType
from lont.networks.models import Organisation

pytestmark = pytest.mark.django_db


def orgs(network, count: int) -> list[Organisation]:
    return [
        Organisation(
            network=network, name=f"Voorbeeldpartner {i}", partner_type=PartnerType.YOUTH_WORK
        )
        for i in range(count)
    ]


def rows(action: str):
    return ChangeLogEntry.objects.filter(object_type="networks.organisation", action=action)


def test_bulk_create_logs_one_create_row_per_object(
    network, make_member, django_assert_num_queries
):
    actor = make_member().user
    acting = context.acting(user=actor, network=network, via="test")
    with acting, django_assert_num_queries(4):  # savepoint, rows, log rows, release
        created = bulk_create_logged(Organisation, orgs(network, 5))
    logged = {entry.object_id: entry for entry in rows("create").filter(actor=actor)}
    assert set(logged) == {str(o.pk) for o in created}
    entry = logged[str(created[0].pk)]
    assert entry.after["name"] == "Voorbeeldpartner 0" and entry.via == "test"
    assert entry.network == network and entry.before is None


def test_update_logs_each_changed_row_with_before_and_after(
    network, make_member, django_assert_max_num_queries
):
    actor = make_member().user
    created = bulk_create_logged(Organisation, orgs(network, 20))
    queryset = Organisation.objects.filter(pk__in=[o.pk for o in created[:10]])
    acting = context.acting(user=actor, network=network, via="test")
    with acting, django_assert_max_num_queries(7):  # five and a savepoint
        count = update_logged(queryset, description=Concat("name", Value(" (bijgewerkt)")))
    assert count == 10
    updated = rows("update").filter(actor=actor)
    assert updated.count() == 10
    entry = updated.get(object_id=str(created[3].pk))
    assert entry.before == {"description": ""}
    assert entry.after == {"description": "Voorbeeldpartner 3 (bijgewerkt)"}


def test_update_skips_rows_that_did_not_change(network):
    created = bulk_create_logged(Organisation, orgs(network, 3))
    update_logged(Organisation.objects.filter(pk__in=[o.pk for o in created]), description="")
    assert not rows("update").exists()
    assert update_logged(Organisation.objects.none(), description="x") == 0


def test_bulk_update_logs_changed_instances(network):
    created = bulk_create_logged(Organisation, orgs(network, 3))
    fresh = list(Organisation.objects.filter(pk__in=[o.pk for o in created]).order_by("pk"))
    fresh[0].description = "Anders"
    assert bulk_update_logged(fresh, ["description"]) == 3
    assert [e.object_id for e in rows("update")] == [str(fresh[0].pk)]


def test_queryset_delete_is_logged_per_row_without_a_helper(network):
    """Why the lint rule leaves ``.delete()`` alone: the post-delete hook is connected for every
    model, so Django's collector never fast-deletes and logs each row. Pinned here."""
    created = bulk_create_logged(Organisation, orgs(network, 4))
    Organisation.objects.filter(pk__in=[o.pk for o in created]).delete()
    assert rows("delete").count() == 4
