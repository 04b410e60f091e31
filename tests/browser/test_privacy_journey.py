"""The privacy officer's journey in a real browser, on the demo network: a young person asks what
the network holds about them; the FG records the request, the director approves it (four eyes),
the FG finds the person by the exact details, reads the report and downloads it as PDF and JSON,
and looks at the processing register."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from browser_support import DIRECTOR, assert_accessible, login
from playwright.sync_api import expect
from privacy.pdf_text import pdf_text

from lont.core.scoping import system_context
from lont.networks.demo import load_demo
from lont.subjects.models import Person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FG = "fg@gemeente.voorbeeldstad.test"


def _someone_known() -> Person:
    """A demo person with a real name and a date of birth, as the young person would give them."""
    with system_context("test: choose the person who asks"):
        people = Person._base_manager.filter(network__slug="voorbeeldstad-noord").order_by("pk")
        return next(p for p in people if p.real_name and p.date_of_birth)


def test_access_request_with_four_eyes_report_and_register(page, live_server, tmp_path):
    load_demo()
    person = _someone_known()
    login(page, live_server, FG)

    page.goto(f"{live_server.url}/privacy/verzoeken/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw verzoek").click()
    page.get_by_label("Soort verzoek").select_option(label="Inzage (art. 15 AVG)")
    page.get_by_label("Ontvangen op").fill(dt.date.today().isoformat())
    page.get_by_label("Echte naam van de betrokkene").fill(person.real_name)
    page.get_by_label("Geboortedatum (JJJJ-MM-DD)").fill(person.date_of_birth)
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het verzoek is vastgelegd.")).to_be_visible()
    request_url = page.url
    # before approval the FG can search nothing
    expect(page.get_by_role("button", name="Zoeken")).to_have_count(0)
    assert person.alias not in page.content()
    assert_accessible(page)

    # the director, in another browser, is the second pair of eyes
    context = page.context.browser.new_context(bypass_csp=True, locale="nl-NL")
    director = context.new_page()
    director.set_default_timeout(15_000)
    login(director, live_server, DIRECTOR)
    director.goto(request_url)
    assert_accessible(director)
    director.get_by_label("Besluit").select_option(label="Goedkeuren: de FG mag zoeken")
    director.get_by_role("button", name="Besluit vastleggen").click()
    expect(director.get_by_text("Goedgekeurd", exact=False).first).to_be_visible()
    context.close()

    page.goto(request_url)
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="Overzicht voor de betrokkene")).to_be_visible()
    assert person.alias in page.content()
    assert_accessible(page)

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download als pdf").click()
    pdf_path = tmp_path / "rapport.pdf"
    pdf_download.value.save_as(pdf_path)
    pdf = pdf_path.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert person.alias in pdf_text(pdf)

    with page.expect_download() as json_download:
        page.get_by_role("link", name="Download als JSON").click()
    json_path = tmp_path / "rapport.json"
    json_download.value.save_as(json_path)
    report = json.loads(json_path.read_text())
    assert report["schema"] == "lont.access-report/1"
    assert any(r["type"] == "subjects.person" for r in report["records"])

    page.goto(f"{live_server.url}/privacy/register/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verwerkingsregister en DPIA")
    assert_accessible(page)
