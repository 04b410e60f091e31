"""Every export and PDF access-logs the personal records it contains.

Exports are found generically: every view in the URL conf that sends a file
(``Content-Disposition`` in its code) must say ``is_export = True``, and every such view is
requested on the demo network. The access-log rows written by that request (same request id)
must match the records the file contains, counted from the file itself where it can be.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from core.test_url_protection import to_path, walk
from django.test import Client
from django.urls import reverse

from lont.accounts.reauth import SESSION_REAUTH_KEY
from lont.audit.models import AccessLogEntry
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.networks.demo import load_demo
from lont.networks.models import Membership

pytestmark = pytest.mark.django_db

NETWORK = "voorbeeldstad-noord"


def view_class(callback: Any) -> type | None:
    return getattr(callback, "view_class", None) or getattr(callback, "cls", None)


def sends_a_file(cls: type) -> bool:
    for klass in cls.__mro__:
        if not klass.__module__.startswith("lont."):
            continue
        source = inspect.getsource(klass)
        if "Content-Disposition" in source:
            return True
    return False


def csv_rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8"))))[1:]


def distinct_actors(body: bytes) -> int:
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    return len({row["actor"] for row in rows if row["actor"]})


# How many personal records each export's file contains, counted from the file (or, for the
# printable phone tree, from its CSV twin). A new export without an entry here fails the test.
Counter = Callable[[bytes, Client, str], tuple[int, int | None]]
COUNTS: dict[str, Counter] = {
    "ExportCsvView": lambda body, client, path: (len(csv_rows(body)),) * 2,
    "ExportPrintView": lambda body, client, path: (
        (len(csv_rows(client.get(path.replace("belboom/", "belboom.csv")).content)),) * 2
    ),
    "AuditExportView": lambda body, client, path: (distinct_actors(body),) * 2,
    "CovenantPdfView": lambda body, client, path: (0, 0),
    "EntryExportView": lambda body, client, path: (0, 0),
    "AttachmentDownloadView": lambda body, client, path: (1, 1),
    # The minutes: at least the meeting; which agenda items and signals it prints (and logs)
    # is decided with the related-rows rule.
    "MinutesPdfView": lambda body, client, path: (1, None),
    "RegisterPdfView": lambda body, client, path: (0, 0),
    # The incident's situation report: at least the incident; what it prints beside it (log,
    # tasks, posts) is logged by the incident's picture at the reader's level.
    "SituationReportView": lambda body, client, path: (1, None),
    # A debunk for publication: the debunk and its rumour (no person is named in it).
    "DebunkExportView": lambda body, client, path: (2, 2),
    # The calendar feed: each window, meeting and action logged (with what a row names).
    "FeedView": lambda body, client, path: (body.count(b"BEGIN:VEVENT"), None),
    # A data-subject request's report: every record about the person, counted from the JSON.
    "ReportJsonView": lambda body, client, path: (len(json.loads(body)["records"]),) * 2,
    "ReportPdfView": lambda body, client, path: (
        (len(json.loads(client.get(path.replace(".pdf", ".json")).content)["records"]),) * 2
    ),
}


def approved_request(officer: Membership, director: Membership) -> Any:
    """An access request for one demo person, approved by the director (who may then read it)."""
    from lont.privacy import services
    from lont.subjects.models import Person

    person = Person.objects.filter(network=officer.network).exclude(real_name="").first()
    assert person is not None
    request = services.request_start(
        viewer=Viewer(officer),
        kind="access",
        received_on=person.created_at.date(),
        real_name=person.real_name,
        date_of_birth=person.date_of_birth,
    )
    services.request_approve(viewer=Viewer(director), request=request, approve=True)
    services.request_search(viewer=Viewer(officer), request=request)
    request.refresh_from_db()
    if request.person_id is None:  # namesakes in the demo: take this one
        services.request_choose_person(viewer=Viewer(officer), request=request, person_id=person.pk)
    return request


def reauthenticated(member: Membership) -> Client:
    from conftest import login_client

    client = login_client(member)
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()
    session.save()
    return client


def exports() -> list[tuple[tuple[str, ...], str, type]]:
    found = []
    for segments, name, callback in walk():
        cls = view_class(callback)
        if cls is not None and getattr(cls, "is_export", False):
            found.append((segments, name, cls))
    return found


def test_every_view_that_sends_a_file_is_a_declared_export():
    undeclared = {
        name
        for _segments, name, callback in walk()
        if (cls := view_class(callback)) is not None
        and sends_a_file(cls)
        and not getattr(cls, "is_export", False)
    }
    assert undeclared == set()


def test_every_export_and_pdf_logs_the_records_it_contains():
    load_demo()
    director = Membership.objects.get(
        user__email="regisseur@gemeente.voorbeeldstad.test", network__slug=NETWORK
    )
    officer = Membership.objects.get(
        user__email="fg@gemeente.voorbeeldstad.test", network__slug=NETWORK
    )
    # The privacy officer's CSV names the actors of the demo's log: read something first.
    reauthenticated(director).get(reverse("networks:member_detail", args=[officer.pk]))
    checked, failures = [], []
    for segments, name, cls in exports():
        member = officer if getattr(cls, "required_permission", None) == "audit.read" else director
        values = {}
        if cls.__name__ in {"ReportPdfView", "ReportJsonView"}:
            values["pk"] = str(approved_request(officer, director).pk)
        if cls.__name__ == "FeedView":  # the calendar feed's secret address
            from lont.riskcalendar.services import feed_create

            values["token"] = feed_create(viewer=Viewer(member))[1]
        model = getattr(cls, "model", None)
        if model is not None:
            obj = visible(Viewer(member), model, minimum=Access.FULL).first()
            assert obj is not None, f"{name}: no demo {model.__name__} to export"
            values["pk"] = str(obj.pk)
        path = to_path(segments, values)
        client = reauthenticated(member)
        response = client.get(path)
        if response.status_code != 200:
            failures.append((name, path, response.status_code))
            continue
        body = b"".join(response) if response.streaming else response.content
        logged = AccessLogEntry.objects.filter(request_id=response["X-Request-ID"]).count()
        low, high = COUNTS[cls.__name__](body, client, path)
        if logged < low or (high is not None and logged > high):
            failures.append((name, path, f"logged {logged}, contains {low}..{high}"))
        checked.append((name, logged))
    assert failures == []
    assert len(checked) >= 7, checked
    assert sum(logged for _name, logged in checked) > 10
