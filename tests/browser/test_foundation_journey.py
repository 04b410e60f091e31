"""Given the demo network, a network director logs in with password and TOTP, reads the covenant
annex and searches the knowledge base for credible messengers — and every page passes axe."""

from __future__ import annotations

import re

import pytest
from browser_support import assert_accessible, login

from lont.networks.demo import load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_director_logs_in_reads_the_covenant_and_searches_the_guide(page, live_server):
    load_demo()
    login(page, live_server)
    assert page.get_by_role("heading", level=1).inner_text() == "Voorbeeldstad Noord"
    assert_accessible(page)

    page.get_by_role("link", name="Netwerk", exact=True).click()
    page.get_by_role("link", name="Convenant", exact=True).click()
    # version 2 in the demo: an aftercare lesson was adopted into the covenant
    assert re.search(
        r"Convenant Voorbeeldstad Noord — versie \d+$",
        page.get_by_role("heading", level=1).inner_text(),
    )
    assert page.get_by_role("table", name="Toegang per categorie en soort partner").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Kennisbank").first.click()
    page.get_by_label("Zoek in de handreiking").fill("credible messengers")
    page.get_by_role("button", name="Zoeken").click()
    results = page.locator("#kb-results")
    results.get_by_text("C2 · Betrek verschillende netwerkpartners").wait_for()
    assert "V8" in results.inner_text()  # prototypical members and credible messengers steer norms
    assert_accessible(page)

    results.get_by_role("link", name="C2 ·").click()
    assert "credible messengers" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)


def test_main_pages_have_no_axe_violations(page, live_server):
    load_demo()
    login(page, live_server)
    for path in [
        "/vredestijd/",
        "/crisis/",
        "/nazorg/",
        "/netwerk/",
        "/netwerk/leden/",
        "/netwerk/convenant/versies/",
        "/kennisbank/indicatoren/",
        "/kennisbank/V5/",
        "/account/",
    ]:
        page.goto(live_server.url + path)
        assert_accessible(page)
