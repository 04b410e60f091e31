"""The incident log is append-only down to the database: the ORM refuses, and raw SQL is refused
by triggers; its lines go only with their incident once it is *gesloten*."""

from __future__ import annotations

import pytest
from crisis_factories import incident_factory
from django.db import DatabaseError, connection, transaction

from lont.audit import dbguard
from lont.core.viewer import Viewer
from lont.crisis import services
from lont.crisis.models import Incident, IncidentLogEntry, IncidentLogError
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db


@pytest.fixture
def guarded():
    """The test database runs with the maintenance switch on (so it can be flushed): off here."""
    dbguard.set_maintenance(False)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET lont.log_maintenance = 'off'")
    yield
    dbguard.set_maintenance(True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET lont.log_maintenance = 'on'")


def test_orm_refuses_change_and_delete(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    entry = IncidentLogEntry.objects.filter(incident=incident).first()
    entry.text = "Anders"
    with pytest.raises(IncidentLogError):
        entry.save()
    with pytest.raises(IncidentLogError):
        entry.delete()
    with pytest.raises(IncidentLogError):
        IncidentLogEntry.objects.filter(incident=incident).update(text="x")
    with pytest.raises(IncidentLogError):
        IncidentLogEntry.objects.filter(incident=incident).delete()


def test_database_refuses_update_and_delete_of_an_open_incident(make_member, guarded):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    entry = IncidentLogEntry.objects.filter(incident=incident).first()
    for sql in (
        "UPDATE crisis_incidentlogentry SET text = 'x' WHERE id = %s",
        "DELETE FROM crisis_incidentlogentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    assert IncidentLogEntry.objects.filter(pk=entry.pk, text=entry.text).exists()


def test_lines_go_with_a_closed_incident(make_member, guarded):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    services.incident_transition(
        viewer=Viewer(youth), incident=incident, to_state="gesloten", reason="Loos alarm"
    )
    # an update stays refused, also when closed
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE crisis_incidentlogentry SET text = 'x' WHERE incident_id = %s", [incident.pk]
        )
    from lont.retention.purge import delete_with_cascade

    with transaction.atomic():
        delete_with_cascade([Incident.objects.get(pk=incident.pk)])
    assert not IncidentLogEntry.objects.filter(incident_id=incident.pk).exists()


def test_a_correction_is_a_new_line(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    viewer = Viewer(youth)
    first = services.log_add(viewer=viewer, incident=incident, text="Tien jongeren")
    fix = services.log_add(
        viewer=viewer, incident=incident, text="Twintig jongeren", corrects=first
    )
    assert fix.kind == "correction" and fix.corrects == first
    first.refresh_from_db()
    assert first.text == "Tien jongeren"
