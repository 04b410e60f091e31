"""The demo: Voorbeeldstad Noord's groups, people and rivalries, loaded idempotently."""

from __future__ import annotations

import pytest

from lont.networks.demo import load_demo
from lont.subjects.choices import KEPT_APART
from lont.subjects.models import (
    AssessmentStep,
    Group,
    GroupMembership,
    GroupRelation,
    Person,
)

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_keeps_victims_and_tipsters_apart(settings):
    settings.DEMO_MODE = True
    load_demo()
    counts = (Group.objects.count(), Person.objects.count(), GroupRelation.objects.count())
    load_demo()
    assert (Group.objects.count(), Person.objects.count(), GroupRelation.objects.count()) == counts
    assert counts[0] == 8 and 55 <= counts[1] <= 65
    assert GroupRelation.objects.filter(kind="rivaliteit").count() == 2
    assert GroupRelation.objects.filter(kind="bondgenootschap").count() == 1
    assert not GroupMembership.objects.filter(person__involvement__in=KEPT_APART).exists()
    assert Person.objects.filter(involvement__in=KEPT_APART).count() >= 6
    assert AssessmentStep.objects.filter(number=5, status="bezig").exists()
    assert not Group.objects.filter(name__icontains="bende").exists()
