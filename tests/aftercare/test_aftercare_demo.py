"""The demo shows every part of aftercare, and loading it twice changes nothing."""

from __future__ import annotations

import pytest

from lont.aftercare.models import (
    AftercarePlan,
    Debunk,
    ExposureReport,
    Lesson,
    PlanTask,
    StressorTally,
    TipsterCare,
)
from lont.core.scoping import system_context
from lont.networks.demo import load_demo

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    with system_context("test: counting demo rows"):
        return (
            AftercarePlan.objects.count(),
            PlanTask.objects.filter(status="done").count(),
            TipsterCare.objects.count(),
            ExposureReport.objects.count(),
            Lesson.objects.filter(covenant_version__isnull=False).count(),
            Debunk.objects.filter(status="ready").count(),
            StressorTally.objects.count(),
        )


def test_demo_shows_aftercare_and_is_idempotent():
    load_demo()
    first = _counts()
    assert first[0] >= 1 and first[1] >= 3 and first[2] == 1 and first[3] == 2
    assert first[4] == 1 and first[5] == 1 and first[6] > 0
    with system_context("test: the covenant version names its evaluation"):
        lesson = Lesson.objects.get(covenant_version__isnull=False)
        assert "Les uit de evaluatie van " in lesson.covenant_version.reason
        assert lesson.covenant_version.lessons.get().evaluation == lesson.evaluation
    load_demo()
    assert _counts() == first
