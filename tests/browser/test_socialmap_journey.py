"""Given the demo network, a youth worker finds who can reach a group on the social map, reads
why each contact ranks where it does, and tries to save a parent without consent — every page
passes axe."""

from __future__ import annotations

import pytest
from browser_support import assert_accessible, login
from playwright.sync_api import expect

from lont.networks.demo import load_demo
from lont.socialmap.models import Contact

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

YOUTH_WORKER = "straatcoach@jongerenwerk.voorbeeldstad.test"


def test_find_who_can_reach_a_group(page, live_server):
    load_demo()
    login(page, live_server, YOUTH_WORKER)
    page.goto(live_server.url + "/sociale-kaart/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sociale kaart"
    assert_accessible(page)

    page.get_by_label("Zoek op naam, rol of organisatie").fill("imam")
    page.get_by_role("button", name="Zoeken").click()
    # htmx swaps only the results and pushes the search into the address bar
    expect(page.get_by_role("link", name="Jermaine Cijntje")).to_have_count(0)
    expect(page.get_by_role("link", name="Tarik Bouali")).to_be_visible()
    assert "q=imam" in page.url

    page.get_by_role("link", name="Wie kan een groep bereiken?").first.click()
    assert_accessible(page)
    # the group is typed to choose (no select of every group)
    page.get_by_role("combobox", name="Groep").fill("3031")
    page.get_by_role("option", name="3031 Collective").click()
    page.get_by_role("button", name="Toon wie deze groep kan bereiken").click()
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Wie kan 3031 Collective bereiken?"
    first = page.locator(".lont-reach-list > li").first
    assert "Jermaine Cijntje" in first.inner_text()
    assert "Bereikt de groep rechtstreeks (sterk)." in first.inner_text()
    assert "Credible messenger in het gebied van de groep (Noorderhaven)." in first.inner_text()
    assert_accessible(page)

    first.get_by_role("link", name="Jermaine Cijntje").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Jermaine Cijntje"
    assert_accessible(page)


def test_a_parent_without_consent_is_not_saved(page, live_server):
    load_demo()
    login(page, live_server, YOUTH_WORKER)
    before = Contact.objects.count()
    page.goto(live_server.url + "/sociale-kaart/nieuw/")
    assert_accessible(page)
    page.get_by_label("Soort contact").select_option(label="Ouder")
    page.get_by_label("Naam").fill("Fictieve Ouder Browser")
    page.get_by_role("button", name="Opslaan").click()
    error = page.locator("#id_consent_date_error")
    error.wait_for()
    assert "alleen met toestemming" in error.inner_text()
    assert page.get_by_label("Naam").input_value() == "Fictieve Ouder Browser"
    assert Contact.objects.count() == before
    assert_accessible(page)


def test_social_map_pages_have_no_axe_violations(page, live_server):
    load_demo()
    login(page, live_server, YOUTH_WORKER)
    contact = Contact.objects.get(name="Jermaine Cijntje")
    for path in [
        f"/sociale-kaart/organisatie/{contact.organisation_id}/",
        "/sociale-kaart/?herzien=1",
        "/sociale-kaart/bereik/",
        f"/sociale-kaart/{contact.pk}/wijzigen/",
        f"/sociale-kaart/{contact.pk}/geschiedenis/",
        f"/sociale-kaart/{contact.pk}/verwijderen/",
    ]:
        page.goto(live_server.url + path)
        assert_accessible(page)
