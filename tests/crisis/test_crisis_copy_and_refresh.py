"""The preserved copy only where the covenant allows it; a live poll logs only what is new to
its reader (``core.reads.refreshing``)."""

from __future__ import annotations

import pytest
from crisis_factories import allow_preserved_copies, incident_factory
from django.urls import reverse

from lont.audit.models import AccessLogEntry
from lont.core.reads import refreshing
from lont.core.related import log_shown
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.crisis import services
from lont.crisis.models import IncidentTask, ReportedPost
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


def test_the_post_form_offers_and_accepts_a_copy_only_where_the_covenant_allows(
    make_member, client_for
):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    client = client_for(youth)
    page = client.get(incident.get_absolute_url()).content.decode()
    assert 'name="preserved_copy"' not in page  # off by default
    step = reverse("crisis:step", args=[incident.pk, "post"])
    body = {"url": "https://tt.example/1", "platform": "tiktok", "preserved_copy": "kom allemaal"}
    refused = client.post(step, body)
    assert refused.status_code == 400
    assert "Het convenant staat niet toe" in refused.content.decode()
    assert not ReportedPost.objects.exists()
    allow_preserved_copies(youth.network)
    assert 'name="preserved_copy"' in client.get(incident.get_absolute_url()).content.decode()
    assert client.post(step, body).status_code == 302
    assert len(ReportedPost.objects.get().copy_sha256) == 64


def test_the_covenant_shows_and_diffs_the_setting(make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    allow_preserved_copies(director.network)
    client = client_for(director)
    shown = client.get(reverse("networks:covenant")).content.decode()
    assert "Bewaarde kopie van gemelde berichten" in shown and "toegestaan (met SHA-256" in shown
    history = client.get(reverse("networks:covenant_history")).content.decode()
    assert "Bewaarde kopie van gemelde berichten: nee → ja" in history


def test_a_refresh_logs_only_rows_new_or_changed_for_its_reader(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    incident = incident_factory(youth)
    task = services.task_add(
        viewer=Viewer(youth),
        incident=incident,
        data={"organisation": police.organisation, "kind": "op", "description": "Op de plek"},
    )
    reader = Viewer(police)

    def shown() -> int:
        with system_context("test: the rows the page shows"):
            rows = [IncidentTask.objects.get(pk=task.pk)]
        return log_shown(reader, rows, via="page", path="/incidenten/")

    assert shown() == 2  # first render: the task and the incident it names
    with refreshing():
        assert shown() == 0  # the same rows again: nothing new for this reader
    assert shown() == 2  # a page render (not a refresh) always logs
    services.task_confirm(viewer=reader, task=task)
    with refreshing():
        assert shown() == 1  # the task changed since; the incident did not
        assert shown() == 0
    other = Viewer(make_member(PartnerType.POLICE))
    with refreshing():
        assert log_shown(other, [task], via="page") == 2  # per reader: new to them


def test_the_live_poll_after_a_change_logs_only_the_new_line(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    client = client_for(youth)
    assert client.get(incident.get_absolute_url()).status_code == 200
    live = reverse("crisis:live", args=[incident.pk])
    before = AccessLogEntry.objects.count()
    assert client.get(live).status_code == 200
    assert AccessLogEntry.objects.count() == before  # nothing new since the page
    services.log_add(viewer=Viewer(youth), incident=incident, text="Nieuwe waarneming")
    before = AccessLogEntry.objects.count()
    assert client.get(live).status_code == 200
    new = list(AccessLogEntry.objects.order_by("-id")[: AccessLogEntry.objects.count() - before])
    assert [row.object_type for row in new] == ["crisis.incidentlogentry"]
