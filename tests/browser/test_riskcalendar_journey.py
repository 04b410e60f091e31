"""Given the demo network, the municipality's director records an incident of long ago by hand,
finds its anniversary window in the month view and on the list, and makes a secret address for
a calendar app that answers with a valid iCalendar — every page passes axe."""

from __future__ import annotations

import pytest
from browser_support import assert_accessible, login
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from lont.networks.demo import load_demo
from lont.riskcalendar.rules import add_months

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_record_a_past_incident_and_subscribe(page, live_server):
    load_demo()
    login(page, live_server)
    page.goto(live_server.url + "/kalender/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Risicokalender")
    assert_accessible(page)

    page.get_by_role("link", name="Gebeurtenis vastleggen").click()
    assert_accessible(page)
    day = add_months(timezone.localdate(), -13)
    page.get_by_label("Soort gebeurtenis").select_option(label="Incident")
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Omschrijving").fill("Vechtpartij na de kermis in Noorderhaven")
    page.get_by_label("Gebied").fill("Noorderhaven")
    # the groups are typed to choose (a checked box each)
    page.get_by_role("combobox", name="Groepen").fill("Neven")
    page.get_by_role("option", name="De Neven").click()
    expect(page.get_by_role("checkbox", name="De Neven")).to_be_checked()
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Incident")
    assert page.get_by_text("1e jaardag van een incident").first.is_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/kalender/lijst/?gebied=Noorderhaven")
    assert page.get_by_role(
        "link", name="1e jaardag van een incident: Vechtpartij na de kermis in Noorderhaven"
    ).is_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/kalender/agenda/")
    assert_accessible(page)
    page.get_by_role("button", name="Adres maken").click()
    url = page.get_by_label("Agenda-adres").input_value()
    assert_accessible(page)
    app = page.context.browser.new_context()  # the calendar app: no session
    try:
        response = app.request.get(url)
        assert response.status == 200
        cal = Calendar.from_ical(response.body())
    finally:
        app.close()
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any("Vechtpartij na de kermis" in s for s in summaries)
