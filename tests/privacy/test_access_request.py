"""An access request end to end: four eyes, exact match, the report with who saw what, the PDF
and the JSON — and the report's own production in both logs."""

from __future__ import annotations

import json
from typing import Any

import pytest
from privacy.pdf_text import pdf_text
from privacy.privacy_factories import reauthenticated, start

from lont.audit.models import AccessLogEntry, ChangeLogEntry
from lont.privacy.choices import RequestStatus

pytestmark = pytest.mark.django_db


def approved(world: dict[str, Any], client_for: Any, **fields: Any) -> Any:
    officer = reauthenticated(client_for(world["officer"]))
    request = start(officer, **fields)
    director = reauthenticated(client_for(world["director"]))
    response = director.post(f"/privacy/verzoeken/{request.pk}/goedkeuren/", {"approve": "1"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert officer.post(f"/privacy/verzoeken/{request.pk}/zoeken/").status_code == 302
    request.refresh_from_db()
    return officer, request


def test_report_lists_every_record_and_every_read_with_the_partner(world, client_for, order):
    officer, request = approved(world, client_for)
    assert request.person_id == world["person"].pk

    body = officer.get(f"/privacy/verzoeken/{request.pk}/rapport.json")
    assert body.status_code == 200
    report = json.loads(body.content)
    records = {(r["type"], r["id"]): r for r in report["records"]}
    holder = {key: r["holder"]["organisation"] for key, r in records.items()}
    police, youth = world["police"].organisation.name, world["youth"].organisation.name
    assert holder[("subjects.person", str(world["person"].pk))] == youth
    assert holder[("signalregister.signal", str(world["signal"].pk))] == police
    assert holder[("subjects.groupmembership", str(world["group_member"].pk))] == youth
    assert holder[("subjects.group", str(world["group"].pk))] == youth
    assert holder[("socialmap.contactpersonlink", str(world["link"].pk))] == youth
    assert holder[("socialmap.contact", str(world["contact"].pk))] == youth
    assert ("signalregister.prosecutororder", str(order.pk)) in records
    # what refers to the person's signal: the situation, its agenda item and the meeting action
    assert records[("assessment.situation", str(world["situation"].pk))]["refers_to"]
    assert ("assessment.agendaitem", str(world["item"].pk)) in records
    action = records[("assessment.action", str(world["action"].pk))]
    assert action["holder"]["organisation"] == youth
    assert ("signalregister.signal", str(world["unrelated"].pk)) not in records
    # nobody else: the other person is not in it
    assert ("subjects.person", str(world["other"].pk)) not in records

    signal = records[("signalregister.signal", str(world["signal"].pk))]
    reads = [p for p in signal["processing"] if p["kind"] == "read"]
    assert any(
        p["organisation"] == police and p["purpose"] == "voorbereiding casusoverleg" for p in reads
    )
    assert any(p["kind"] == "changed" for p in signal["processing"])  # its creation
    assert "Wet politiegegevens" in signal["legal_basis"]
    # exceptions are stated per record: a prosecutor order covers the police's records
    assert any("officier van justitie" in e for e in signal["exceptions"])
    assert any("Wet politiegegevens" in e for e in signal["exceptions"])
    person = records[("subjects.person", str(world["person"].pk))]
    assert any(
        p["organisation"] == youth and p["purpose"] == "contact leggen"
        for p in person["processing"]
    )
    assert person["exceptions"] == []

    pdf = officer.get(f"/privacy/verzoeken/{request.pk}/rapport.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Overzicht van uw gegevens" in text
    assert police in text and youth in text
    assert "voorbereiding casusoverleg" in text
    assert "Wet politiegegevens" in text
    assert "Vonk" in text  # the person's own alias; the other person never
    assert "Anders" not in text


def test_the_report_is_itself_logged(world, client_for):
    officer, request = approved(world, client_for)
    before = AccessLogEntry.objects.count()
    response = officer.get(f"/privacy/verzoeken/{request.pk}/rapport.pdf")
    logged = AccessLogEntry.objects.filter(request_id=response["X-Request-ID"])
    assert logged.count() > 0 and AccessLogEntry.objects.count() > before
    assert set(logged.values_list("via", flat=True)) == {"pdf"}
    assert all(f"verzoek #{request.pk}" in p for p in logged.values_list("purpose", flat=True))
    assert logged.filter(object_type="subjects.person", object_id=str(world["person"].pk)).exists()
    events = ChangeLogEntry.objects.filter(
        event="privacy.report_produced", object_id=str(request.pk)
    )
    assert events.count() == 1 and events.get().after["format"] == "pdf"
    officer.get(f"/privacy/verzoeken/{request.pk}/rapport.json")
    assert AccessLogEntry.objects.filter(
        via="export", purpose__contains=f"verzoek #{request.pk}"
    ).exists()


def test_exact_match_only_never_a_fuzzy_list(world, client_for):
    _officer, request = approved(
        world, client_for, real_name="Jayden Verzonnenber", date_of_birth=""
    )
    assert request.person_id is None
    _officer, request = approved(
        world, client_for, real_name="  jayden  VERZONNENBERG ", date_of_birth=""
    )
    assert request.person_id == world["person"].pk  # case and spaces are no difference
    _officer, request = approved(world, client_for, real_name="", date_of_birth="2010-03-05")
    assert request.person_id is None


def test_several_matches_are_listed_by_partner_and_date_only(world, client_for):
    from privacy.privacy_factories import BORN, REAL_NAME
    from subjects_factories import person_factory

    twin = person_factory(
        world["police"].organisation, alias="Tweeling", real_name=REAL_NAME, date_of_birth=BORN
    )
    officer = reauthenticated(client_for(world["officer"]))
    request = start(officer)
    reauthenticated(client_for(world["director"])).post(
        f"/privacy/verzoeken/{request.pk}/goedkeuren/", {"approve": "1"}
    )
    page = officer.post(f"/privacy/verzoeken/{request.pk}/zoeken/").content.decode()
    assert world["police"].organisation.name in page and world["youth"].organisation.name in page
    assert "Tweeling" not in page and "Vonk" not in page and "Verzonnenberg" not in page
    officer.post(f"/privacy/verzoeken/{request.pk}/kiezen/", {"person_id": twin.pk})
    request.refresh_from_db()
    assert request.person_id == twin.pk


def test_the_page_shows_the_report_to_the_officer_and_logs_it(world, client_for):
    officer, request = approved(world, client_for)
    response = officer.get(f"/privacy/verzoeken/{request.pk}/")
    page = response.content.decode()
    assert "Vonk" in page and world["police"].organisation.name in page
    assert "voorbereiding casusoverleg" in page
    logged = AccessLogEntry.objects.filter(request_id=response["X-Request-ID"])
    assert set(logged.values_list("via", flat=True)) == {"page"}
    assert set(logged.values_list("access", flat=True)) == {2}


def test_erasure_outcome_per_record_with_the_exception_stated(world, client_for, order):
    officer, request = approved(world, client_for, kind="erasure")
    signal = str(world["signal"].pk)
    url = f"/privacy/verzoeken/{request.pk}/uitkomst/"
    data = {"object_type": "signalregister.signal", "object_id": signal, "outcome": "refused"}
    assert officer.post(url, {**data, "exception": "criminal_investigation"}).status_code == 400
    response = officer.post(
        url,
        {**data, "exception": "criminal_investigation", "reason": "Bevel OvJ loopt nog."},
    )
    assert response.status_code == 302
    person = str(world["person"].pk)
    officer.post(
        url,
        {"object_type": "subjects.person", "object_id": person, "outcome": "done", "reason": ""},
    )
    # a record that is not the person's is refused
    stranger = {
        "object_type": "subjects.person",
        "object_id": str(world["other"].pk),
        "outcome": "done",
    }
    assert officer.post(url, stranger).status_code == 400
    report = json.loads(officer.get(f"/privacy/verzoeken/{request.pk}/rapport.json").content)
    outcomes = {(r["type"], r["id"]): r["outcomes"] for r in report["records"]}
    assert outcomes[("signalregister.signal", signal)][0]["exception"] == "criminal_investigation"
    assert outcomes[("subjects.person", person)][0]["outcome"] == "done"
    events = ChangeLogEntry.objects.filter(
        event="privacy.record_outcome", object_id=str(request.pk)
    )
    assert events.count() == 2
    text = pdf_text(officer.get(f"/privacy/verzoeken/{request.pk}/rapport.pdf").content)
    assert "geweigerd" in text and "Bevel OvJ loopt nog." in text


def test_an_incident_that_names_the_person_is_in_the_report(world, client_for):
    # given a police incident in which the young person is named as involved
    from lont.core.viewer import Viewer
    from lont.crisis import services as crisis

    police = Viewer(world["police"])
    incident = crisis.incident_open(
        viewer=police, data={"title": "Vechtpartij Havenplein", "reason": "Oproep gezien"}
    )
    named = crisis.person_add(
        viewer=police, incident=incident, data={"person": world["person"], "role_type": "leader"}
    )
    # when the FG produces the access report
    officer, request = approved(world, client_for)
    report = json.loads(officer.get(f"/privacy/verzoeken/{request.pk}/rapport.json").content)
    records = {(r["type"], r["id"]): r for r in report["records"]}
    # then the incident's row about the person is listed, held by the police, with its basis
    row = records[("crisis.incidentperson", str(named.pk))]
    assert row["holder"]["organisation"] == world["police"].organisation.name
    assert row["legal_basis"]
