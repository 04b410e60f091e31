"""The demo: about 300 signals with the scenarios the assessment side needs; idempotent."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from lont.signalregister.models import ContextNote, Signal, SignalAttachment, SignalProposal

pytestmark = pytest.mark.django_db


def test_demo_loads_scenarios_and_is_idempotent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo")
    first = Signal.objects.filter(demo_key__startswith="demo:").count()
    call_command("load_demo")
    # then running it twice changes nothing
    assert Signal.objects.filter(demo_key__startswith="demo:").count() == first
    assert first == 300
    # a rivalry with rising drill attacks over the last six months
    drill = Signal.objects.filter(demo_key__startswith="demo:drill-").order_by("observed_at")
    recent = [s.drill_personal_attacks for s in drill if s.demo_key.split("-")[1] in "012345"]
    assert recent and recent[-1] > recent[0]
    # a burst in one group in the last 14 days
    assert Signal.objects.filter(demo_key__startswith="demo:station-burst-").count() == 9
    # a false alarm defused by a youth worker's note
    note = ContextNote.objects.get(signal__demo_key="demo:false-alarm")
    assert note.adjustment == -2 and note.organisation.partner_type == "jongerenwerk"
    # a person near the guard threshold
    assert Signal.objects.filter(demo_key__startswith="demo:guard-").count() == 2
    assert SignalAttachment.objects.exists()
    # the director's page of the analyser's precision and recall has figures to show
    assert SignalProposal.objects.filter(outcome="accepted").exists()
    assert SignalProposal.objects.exclude(outcome="accepted").exists()
