"""Data-subject requests through the API: the same four eyes, exact search and logged report as
the pages, for a token of the privacy officer and of the approving director."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from privacy.privacy_factories import BORN, REAL_NAME

from lont.accounts.services import api_token_create
from lont.audit.models import AccessLogEntry, ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role
from lont.privacy.models import SubjectRequest

pytestmark = pytest.mark.django_db

URL = "/api/v1/privacy/requests/"


def _token_client(member) -> Client:
    _token, raw = api_token_create(viewer=Viewer(member), name="systeem")
    return Client(HTTP_AUTHORIZATION=f"Token {raw}")


def _start(client: Client, **fields) -> dict:
    data = {"kind": "access", "received_on": dt.date.today().isoformat()}
    data.update({"real_name": REAL_NAME, "date_of_birth": BORN}, **fields)
    response = client.post(URL, data, content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


def test_the_whole_request_through_the_api(world):
    officer, director = _token_client(world["officer"]), _token_client(world["director"])
    started = _start(officer)
    assert started["status"] == "awaiting" and started["person_found"] is False
    # the identifying details never come back
    assert REAL_NAME not in str(started) and BORN not in str(started)

    pk = started["id"]
    # before approval: no search, no report
    assert officer.post(f"{URL}{pk}/search/").status_code == 403
    assert officer.get(f"{URL}{pk}/report/").status_code == 403

    # the requester cannot approve their own request
    own = officer.post(f"{URL}{pk}/approve/", {"approve": True}, content_type="application/json")
    assert own.status_code == 403
    approved = director.post(
        f"{URL}{pk}/approve/", {"approve": True}, content_type="application/json"
    )
    assert approved.status_code == 200 and approved.json()["status"] == "approved"

    matches = officer.post(f"{URL}{pk}/search/").json()
    assert [m["person_id"] for m in matches] == [world["person"].pk]
    assert set(matches[0]) == {"person_id", "partner", "created_at"}

    report = officer.get(f"{URL}{pk}/report/")
    assert report.status_code == 200
    body = report.json()
    assert body["schema"] == "lont.access-report/1"
    found = {(r["type"], r["id"]) for r in body["records"]}
    assert ("signalregister.signal", str(world["signal"].pk)) in found
    assert ("signalregister.signal", str(world["unrelated"].pk)) not in found
    # every record in it is logged as read for this request, and producing it is an event
    logged = AccessLogEntry.objects.filter(
        object_type="signalregister.signal", object_id=str(world["signal"].pk), via="export"
    )
    assert logged.exists() and f"verzoek #{pk}" in logged.first().purpose
    assert ChangeLogEntry.objects.filter(event="privacy.report_produced").exists()

    closed = officer.post(f"{URL}{pk}/close/")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"


def test_bad_input_changes_nothing(world):
    officer = _token_client(world["officer"])
    before = SubjectRequest.objects.count()
    response = officer.post(
        URL,
        {"kind": "access", "received_on": "2026-12-01", "date_of_birth": "4 maart"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "JJJJ-MM-DD" in response.content.decode()
    assert officer.post(URL, {"kind": "nope"}, content_type="application/json").status_code == 400
    assert SubjectRequest.objects.count() == before
    assert officer.get(f"{URL}abc/").status_code == 404
    assert officer.get(f"{URL}999999/").status_code == 404


@pytest.mark.parametrize(
    "partner,role",
    [
        (PartnerType.POLICE, Role.PROFESSIONAL),
        (PartnerType.YOUTH_WORK, Role.COORDINATOR),
        (PartnerType.EDUCATION, Role.OBSERVER),
    ],
)
def test_case_workers_have_no_access(world, make_member, partner, role):
    client = _token_client(make_member(partner, role))
    assert client.get(URL).status_code == 403
    response = client.post(
        URL, {"kind": "access", "received_on": "2026-12-01"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_a_director_lists_but_cannot_start(world):
    director = _token_client(world["director"])
    started = _start(_token_client(world["officer"]))
    listed = director.get(URL).json()
    assert [row["id"] for row in listed["results"]] == [started["id"]]
    response = director.post(
        URL,
        {"kind": "access", "received_on": "2026-12-01", "real_name": REAL_NAME},
        content_type="application/json",
    )
    assert response.status_code == 403
