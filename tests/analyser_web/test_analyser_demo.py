"""Given the demo, when it is loaded twice, then both Voorbeeldstad networks have the fictional
gazetteer and lexicon additions, and the second run changes nothing."""

from __future__ import annotations

import pytest

from lont.analyser.web.models import GazetteerPlace, LexiconEntry
from lont.audit.models import ChangeLogEntry
from lont.networks.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_loads_gazetteer_for_both_networks_idempotently():
    load_demo()
    counts = {
        slug: GazetteerPlace.objects.filter(network__slug=slug).count()
        for slug in ("voorbeeldstad-noord", "voorbeeldstad-zuid")
    }
    assert counts == {"voorbeeldstad-noord": 42, "voorbeeldstad-zuid": 42}
    assert LexiconEntry.objects.filter(network__slug="voorbeeldstad-noord").count() == 3
    log_rows = ChangeLogEntry.objects.count()

    load_demo()

    assert GazetteerPlace.objects.count() == 84
    assert LexiconEntry.objects.count() == 6
    assert ChangeLogEntry.objects.count() == log_rows
