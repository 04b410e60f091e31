"""Issue 4's journey in a real browser, on the demo network: a youth worker registers a signal with
a screenshot and sees the situation's level rise; the police adds a context note that lowers it;
the network director runs a case meeting through its three stages and finds the action on the
board."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from browser_support import DIRECTOR, assert_accessible, login
from django.utils import timezone
from django.utils.formats import date_format
from PIL import Image
from playwright.sync_api import expect

from lont.networks.demo import load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

YOUTH_WORKER = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
POLICE = "wijkagent@politie.voorbeeldstad.test"
YOUTH_ORG = "Stichting Jongerenwerk Voorbeeldstad"
YOUTH_WORKER_NAME = "Yusuf El Idrissi"
DIRECTOR_NAME = "Fatima de Wit"
TITLE = "Oproep tot confrontatie Havenplein"
ACTION = "Gesprek met de jongeren van het Havenplein in het buurthuis."
LOCAL = "%Y-%m-%dT%H:%M"
LEVELS = ["laag", "verhoogd", "hoog", "acuut"]


@contextmanager
def session(page: Any) -> Iterator[Any]:
    """A second browser context: another user, logged in side by side with the first."""
    context = page.context.browser.new_context(bypass_csp=True, locale="nl-NL")
    try:
        other = context.new_page()
        other.set_default_timeout(15_000)
        yield other
    finally:
        context.close()


def screenshot(folder: Path) -> Path:
    """A small PNG with EXIF (camera and GPS data) as a phone's screenshot might carry."""
    exif = Image.Exif()
    exif[0x010F] = "Voorbeeldtelefoon"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 0.0)}  # GPSInfo
    path = folder / "story.png"
    Image.new("RGB", (64, 40), (200, 30, 30)).save(path, format="PNG", exif=exif)
    with Image.open(path) as check:
        assert check.getexif()
    return path


def level_and_score(page: Any) -> tuple[str, float]:
    """The computed level and score as the situation page states them."""
    text = page.get_by_text(re.compile(r"Berekend niveau \w+ \(score")).first.inner_text()
    found = re.search(r"Berekend niveau (\w+) \(score (-?[\d.,]+)", text)
    assert found, text
    return found.group(1), float(found.group(2).replace(".", "").replace(",", "."))


def open_situation(page: Any, url: str) -> tuple[str, float]:
    page.goto(url)
    page.get_by_role("heading", level=1, name=TITLE).wait_for()
    assert_accessible(page)
    # The contributions and statistics sit behind "Details" (issue 9).
    page.locator("summary", has_text="Details").click()
    return level_and_score(page)


def test_signal_note_and_case_meeting(page, live_server, tmp_path):
    load_demo()
    now = timezone.localtime()
    base = live_server.url

    # The youth worker opens a situation: nothing counts yet.
    login(page, live_server, YOUTH_WORKER)
    page.goto(f"{base}/duiding/situaties/nieuw/")
    assert_accessible(page)
    page.get_by_label("Soort situatie").select_option(label="Geplande confrontatie")
    page.get_by_label("Titel (geen echte namen)").fill(TITLE)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/duiding/situaties/\d+/$"))
    situation_url = page.url
    level_before, score_before = open_situation(page, situation_url)
    assert level_before == "laag"
    expect(page.get_by_role("button", name="Niet meer volgen")).to_be_visible()

    # She registers what a young person showed her: a story naming a time, a place and a call.
    page.goto(f"{base}/signalen/nieuw/")
    page.get_by_role("heading", level=1, name="Signaal registreren").wait_for()
    assert_accessible(page)
    page.get_by_label("Waargenomen op").fill((now - dt.timedelta(hours=3)).strftime(LOCAL))
    page.get_by_label("Soort bron").select_option("shared_by_young_person")
    page.get_by_label("Platform").fill("Snapchat")
    page.get_by_label("Korte feitelijke beschrijving").fill(
        "Story roept op om morgenavond naar het Havenplein te komen 'om het af te maken'."
    )
    # Tomorrow at 20:00: between 20 and 44 hours ahead, inside the acute rule's 72-hour window.
    tomorrow = (now + dt.timedelta(days=1)).replace(hour=20, minute=0)
    page.get_by_label("Genoemd tijdstip").fill(tomorrow.strftime(LOCAL))
    page.get_by_label("Genoemde plaats").fill("Havenplein")
    page.get_by_label("Oproep tot actie").check()
    indicators = page.get_by_label("Indicatoren")
    # online.time_place, shown by its name (codes are never shown to users)
    strong = indicators.locator(
        "option", has_text="Concreet tijdstip en/of locatie voor een confrontatie"
    )
    indicators.select_option(strong.get_attribute("value"))
    page.get_by_label("Screenshot of videostill").set_input_files(str(screenshot(tmp_path)))
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/signalen/\d+/$"))
    signal_url = page.url
    expect(page.get_by_text("Het signaal is geregistreerd.")).to_be_visible()
    assert_accessible(page)
    attachment = page.get_by_role("link", name="Screenshot 1")
    response = page.request.get(base + attachment.get_attribute("href"))
    assert response.ok
    with Image.open(io.BytesIO(response.body())) as stored:
        assert stored.format == "PNG" and stored.size == (64, 40)
        assert not stored.getexif()  # the metadata was stripped on upload

    # She links the signal to the situation: the level rises (the acute rule applies).
    page.goto(situation_url)
    page.get_by_role("link", name="Signalen koppelen").click()
    page.wait_for_url("**/signalen/")
    assert_accessible(page)
    # A described list (issue 9), not numbers: the signal is recognised by its text.
    page.get_by_label(re.compile("Story roept op om morgenavond")).check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(situation_url)
    level_raised, score_raised = open_situation(page, situation_url)
    assert LEVELS.index(level_raised) > LEVELS.index(level_before)
    assert level_raised == "acuut" and score_raised > score_before
    expect(page.get_by_text("Acuut door de acuutregel.")).to_be_visible()

    # The police knows better: a context note (−2) with a reason lowers the level.
    with session(page) as police:
        login(police, live_server, POLICE)
        police.goto(signal_url)
        police.get_by_role("heading", level=1).wait_for()
        assert_accessible(police)
        police.get_by_label("Weging").select_option(label="−2")
        police.get_by_label("Reden").fill(
            "Wijkteam kent dit account: het gaat om een voetbaltoernooi op het Havenplein."
        )
        police.get_by_role("button", name="Contextnotitie toevoegen").click()
        expect(police.get_by_text("De contextnotitie is toegevoegd.")).to_be_visible()
        expect(police.get_by_text("Politie eenheid Voorbeeldstad: weging -2")).to_be_visible()
        assert_accessible(police)

    level_after, score_after = open_situation(page, situation_url)
    assert LEVELS.index(level_after) < LEVELS.index(level_raised)
    assert score_after < score_raised
    # Without the acute rule the note also halves the signal's weight (4 → 2): below *verhoogd*.
    assert level_after == "laag"
    expect(page.get_by_text(re.compile(r"acuutregel is niet toegepast")).first).to_be_visible()

    # The director runs a case meeting with the situation on the agenda.
    with session(page) as director:
        login(director, live_server, DIRECTOR)
        director.goto(f"{base}/duiding/overleggen/nieuw/")
        assert_accessible(director)
        director.get_by_label("Datum").fill(now.date().isoformat())
        director.get_by_label("Deelnemende partners").select_option(
            label=["Gemeente Voorbeeldstad", "Politie eenheid Voorbeeldstad", YOUTH_ORG]
        )
        # the agenda's situations are typed to choose (a checked box each)
        director.get_by_role("combobox", name="Agenda: situaties").fill(TITLE[:12])
        director.get_by_role("option", name=TITLE).click()
        expect(director.get_by_role("checkbox", name=TITLE)).to_be_checked()
        director.get_by_role("button", name="Opslaan").click()
        director.wait_for_url(re.compile(r"/duiding/overleggen/\d+/$"))
        meeting_url = director.url
        item = director.locator("section.lont-card")
        stage = item.get_by_role("heading", level=2)
        expect(item).to_have_count(1)
        expect(stage).to_contain_text("fase: Beeldvorming")
        assert_accessible(director)

        # 1. Beeldvorming.
        item.get_by_label("Wat weten we niet, en hoe komen we erachter?").fill(
            "Of er werkelijk een toernooi is; jongerenwerk vraagt het na in het buurthuis."
        )
        item.get_by_role("button", name="Beeldvorming afronden").click()
        director.wait_for_url(re.compile(re.escape(meeting_url) + r"#punt-\d+$"))
        expect(stage).to_contain_text("fase: Oordeelsvorming")
        expect(director.get_by_text("Vastgelegd.", exact=True)).to_be_visible()
        assert_accessible(director)

        # 2. Oordeelsvorming: the judged level differs from the computed one, with a rationale.
        expect(item.get_by_label("Beoordeeld niveau")).to_have_value(level_after)
        item.get_by_label("Beoordeeld niveau").select_option("verhoogd")
        item.get_by_label("Onderbouwing").fill(
            "De context ontkracht de oproep, maar de groep is onrustig: verhoogd."
        )
        item.get_by_role("button", name="Oordeel vastleggen").click()
        expect(stage).to_contain_text("fase: Besluitvorming")
        expect(item.get_by_text(f"Berekend: {level_after} · beoordeeld: verhoogd")).to_be_visible()
        assert_accessible(director)

        # 3. Besluitvorming: an action with owner, due date and online/offline; then the decision.
        due = now.date() + dt.timedelta(days=7)
        item.get_by_label("Wat", exact=True).fill(ACTION)
        item.get_by_label("Eigenaar (partner)").select_option(label=YOUTH_ORG)
        # the owner is typed to choose among the chosen partner's members (the viewer first)
        owner = item.get_by_role("combobox", name="Eigenaar (persoon)")
        expect(owner).to_have_value(DIRECTOR_NAME)
        owner.fill(YOUTH_WORKER_NAME.split()[0])
        item.get_by_role("option", name=YOUTH_WORKER_NAME).click()
        expect(owner).to_have_value(YOUTH_WORKER_NAME)
        item.get_by_label("Uiterlijk op").fill(due.isoformat())
        item.get_by_label("Online of offline").select_option(label="Offline")
        item.get_by_role("button", name="Actie toevoegen").click()
        expect(item.get_by_role("rowheader", name=f"{ACTION} (Offline)")).to_be_visible()
        item.get_by_label("Besluit", exact=True).select_option(label="Acties afgesproken")
        item.get_by_role("button", name="Besluit vastleggen").click()
        expect(stage).to_contain_text("fase: Afgerond")
        expect(item.get_by_text("Acties afgesproken", exact=True)).to_be_visible()
        assert_accessible(director)

        # The action is on the board, open, with its owner.
        director.get_by_role("link", name="Actiebord").click()
        director.wait_for_url("**/duiding/acties/")
        director.get_by_role("heading", level=1, name="Actiebord").wait_for()
        open_actions = director.locator("section").filter(
            has=director.get_by_role("heading", level=2, name=re.compile(r"^Open \("))
        )
        row = open_actions.get_by_role("row").filter(has_text=ACTION)
        expect(row).to_have_count(1)
        expect(row).to_contain_text(f"{ACTION} (Offline)")
        expect(row).to_contain_text(f"{YOUTH_ORG}, {YOUTH_WORKER_NAME}")
        expect(row).to_contain_text(date_format(due, "j F Y"))
        assert_accessible(director)
