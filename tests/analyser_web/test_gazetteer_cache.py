"""Given a network's gazetteer and lexicon built once and cached, when a place or entry changes,
then the next analysis uses the new version (in this process and, by fingerprint, in others)."""

from __future__ import annotations

from datetime import datetime

import pytest

from lont.analyser import analyse
from lont.analyser.web import selectors, services
from lont.core.viewer import Viewer

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 3, 14, 16, 20)


def places_found(network, text):
    found = analyse(text, posted_at=WHEN, gazetteer=selectors.network_gazetteer(network))
    return [s.value for s in found.by_kind("place")]


def test_gazetteer_is_reused_until_a_change(network, place_in):
    place_in(network, "Marktplein", aliases=["de markt"])
    first = selectors.network_gazetteer(network)
    assert selectors.network_gazetteer(network) is first


def test_edit_invalidates_the_cache(
    director, network, place_in, django_capture_on_commit_callbacks
):
    place = place_in(network, "Marktplein", aliases=["de markt"])
    assert places_found(network, "kom naar het zwanenveld") == []

    with django_capture_on_commit_callbacks(execute=True):
        services.place_update(
            viewer=Viewer(director),
            place=place,
            name="Marktplein",
            aliases=["zwanenveld"],
            kind="plein",
        )

    assert places_found(network, "kom naar het zwanenveld") == ["Marktplein"]


def test_change_seen_by_fingerprint_without_the_commit_hook(network, place_in):
    # Another process never runs our on-commit hook; the fingerprint still changes.
    place_in(network, "Marktplein")
    before = selectors.network_gazetteer(network)
    place_in(network, "Zwanenveld")
    after = selectors.network_gazetteer(network)
    assert after is not before and len(after) == 2


def test_delete_invalidates(director, network, place_in, django_capture_on_commit_callbacks):
    place = place_in(network, "Zwanenveld")
    assert len(selectors.network_gazetteer(network)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.place_delete(viewer=Viewer(director), place=place)
    assert len(selectors.network_gazetteer(network)) == 0


def test_lexicon_additions_are_used_and_refreshed(director, network, entry_in):
    lexicon = selectors.network_lexicon(network)
    assert "kom naar de kooi" not in lexicon.phrases("call_to_action")
    entry_in(network, "kom naar de kooi", kind="call_to_action")
    refreshed = selectors.network_lexicon(network)
    assert "kom naar de kooi" in refreshed.phrases("call_to_action")
    assert len(refreshed.phrases("threat")) > 0  # the built-in lists are kept


def test_networks_do_not_share_a_cache(network, other_network, place_in):
    place_in(network, "Marktplein")
    place_in(other_network, "Geheim Plein")
    assert [p.name for p in selectors.network_gazetteer(network).places] == ["Marktplein"]
    assert [p.name for p in selectors.network_gazetteer(other_network).places] == ["Geheim Plein"]
