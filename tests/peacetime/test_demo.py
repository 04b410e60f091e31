"""The demo shows every part of issue 13, and loading it twice changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from lont.networks.demo import load_demo
from lont.peacetime.models import AwarenessActivity, DigitalProfile, Source, VisionVersion
from lont.presence.choices import ASPECT_CODES
from lont.presence.models import ContactLog, Platform, PositiveActivity, ProfessionalAccount
from lont.signalregister.models import Signal
from lont.subjects.models import Group

pytestmark = pytest.mark.django_db


def test_the_demo_shows_vision_presence_sources_and_awareness():
    load_demo()
    counts = [
        m._base_manager.count()
        for m in (VisionVersion, Platform, ProfessionalAccount, ContactLog, Source)
    ]
    # P1: two partners answer differently, an approved network vision
    partner = VisionVersion._base_manager.exclude(organisation=None)
    assert {v.goal_focus for v in partner} == {"prevention", "combination"}
    assert VisionVersion._base_manager.filter(organisation=None, status="approved").exists()
    # P3: platforms on the 9 aspects (one ephemeral, one due), the roster, contacts, activities
    platforms = list(Platform._base_manager.all())
    assert all(set(p.aspects) == set(ASPECT_CODES) for p in platforms)
    assert any(p.ephemeral for p in platforms)
    assert any(p.review_due(dt.date.today()) for p in platforms)
    assert ContactLog._base_manager.count() >= 3
    assert PositiveActivity._base_manager.exclude(outcome="").exists()
    assert Signal._base_manager.exclude(professional_account=None).exists()
    assert Group._base_manager.exclude(platforms=[]).exists()
    # P11 and P12
    assert Source._base_manager.filter(from_guide=True).count() == 4
    assert AwarenessActivity._base_manager.values("audience").distinct().count() >= 3
    assert DigitalProfile._base_manager.exclude(specialist=None).count() == 2
    load_demo()
    assert counts == [
        m._base_manager.count()
        for m in (VisionVersion, Platform, ProfessionalAccount, ContactLog, Source)
    ]
