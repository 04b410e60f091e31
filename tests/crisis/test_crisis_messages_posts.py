"""C2 messages stopped by the analyser's check; C5 joint reporting and time to removal."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from crisis_factories import allow_preserved_copies, incident_factory
from django.core.exceptions import ValidationError
from django.utils import timezone

from lont.core.viewer import Viewer
from lont.crisis import selectors, services
from lont.crisis.models import IncidentLogEntry
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db


def test_a_message_repeating_the_time_needs_a_logged_override(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    viewer = Viewer(youth)
    incident = incident_factory(youth)
    message = services.message_save(
        viewer=viewer,
        incident=incident,
        data={"channel": "Instagram", "text": "Kom zaterdag om 20:00 niet, wij zijn er ook."},
    )
    assert message.warnings and message.warnings[0]["code"] == "repeats_time"
    with pytest.raises(ValidationError):
        services.message_mark_ready(viewer=viewer, message=message)
    message.refresh_from_db()
    assert message.status == "concept"
    services.message_mark_ready(
        viewer=viewer, message=message, override_reason="Politie vroeg erom"
    )
    assert IncidentLogEntry.objects.filter(incident=incident, kind="override").exists()


def test_a_fixed_message_is_ready_without_override(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    viewer = Viewer(youth)
    incident = incident_factory(youth)
    message = services.message_save(
        viewer=viewer,
        incident=incident,
        data={"channel": "Instagram", "text": "Doe niet mee. Wij zijn in de buurt, praat met ons."},
    )
    assert message.warnings == []
    services.message_mark_ready(viewer=viewer, message=message)
    message.refresh_from_db()
    assert message.status == "klaar"


def test_joint_reporting_and_time_to_removal(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    incident = incident_factory(youth)
    allow_preserved_copies(youth.network)
    start = timezone.now() - dt.timedelta(hours=4)
    post = services.post_add(
        viewer=Viewer(youth),
        incident=incident,
        data={
            "url": "https://video.example/abc",
            "platform": "tiktok",
            "reported_at": start,
            "preserved_copy": "kom allemaal",
        },
    )
    assert post.copy_sha256 == hashlib.sha256(b"kom allemaal").hexdigest()
    services.post_report(viewer=Viewer(police), post=post)
    with pytest.raises(ValidationError):
        services.post_report(viewer=Viewer(police), post=post)
    services.post_outcome(
        viewer=Viewer(police),
        post=post,
        data={"outcome": "verwijderd", "removed_at": start + dt.timedelta(hours=3, minutes=20)},
    )
    post.refresh_from_db()
    assert post.time_to_removal == dt.timedelta(hours=3, minutes=20)
    [row] = selectors.removal_per_platform([post])
    assert row.platform == "TikTok" and row.removed == 1 and row.median_minutes == 200


def test_only_the_partner_confirms_its_task(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    incident = incident_factory(youth)
    task = services.task_add(
        viewer=Viewer(youth),
        incident=incident,
        data={"organisation": police.organisation, "kind": "op", "description": "Op de kooi"},
    )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.task_confirm(viewer=Viewer(youth), task=task)
    services.task_confirm(viewer=Viewer(police), task=task)
    task.refresh_from_db()
    assert task.confirmed_by == police.user and task.confirmed_at
