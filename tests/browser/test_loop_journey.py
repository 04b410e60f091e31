"""Issue 9's journey in a real browser, on the demo network: the youth worker analyses a post and
registers it in one flow; the signal links itself to the situation of the group it names and the
level rises; the director and the partners the covenant informs get an in-app notice and an
e-mail (read back from a local SMTP server) without personal data; the director reads the one
sentence and schedules a case meeting from the situation page. The signal form's group and
person fields are chosen by typing (suggestions in a listbox). Axe on every page."""

from __future__ import annotations

import re

import pytest
from browser_support import DIRECTOR, assert_accessible, login
from django.utils import timezone
from playwright.sync_api import expect
from smtp_support import local_smtp, parse

from lont.assessment.models import Situation
from lont.core.scoping import system_context
from lont.networks.demo import load_demo
from lont.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

YOUTH_WORKER = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
POLICE_COORDINATOR = "coordinator@politie.voorbeeldstad.test"
POST = "Vanavond 22:00 bij de kooi op het Stationsplein, wie durft komt maar"
TITLE = "Groepsdynamiek De Kooi"
LEVELS = ["laag", "verhoogd", "hoog", "acuut"]


def _level() -> str:
    with system_context("test: the stored level"):
        return Situation.objects.get(title=TITLE).level


def test_post_to_signal_to_situation_to_notice_to_meeting(page, live_server, settings):
    load_demo()
    before = _level()
    with local_smtp(settings) as received:
        # The youth worker analyses the post and registers it in one flow.
        login(page, live_server, YOUTH_WORKER)
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
            "link", name="Tekstanalyse"
        ).click()
        page.get_by_label("Tekst van het bericht").fill(POST)
        page.get_by_role("button", name="Analyseer").click()
        register = page.get_by_role("button", name="Registreer als signaal")
        register.wait_for()
        assert_accessible(page)
        register.click()
        page.get_by_role("heading", level=1, name="Signaal registreren").wait_for()
        expect(page.get_by_label("Korte feitelijke beschrijving")).to_have_value(POST)
        expect(page.get_by_label("Oproep tot actie")).to_be_checked()
        expect(page.get_by_label("Genoemde plaats")).not_to_have_value("")
        assert_accessible(page)
        page.get_by_label("Platform").fill("Instagram")
        # Groups and people are text fields with suggestions (no select of every row): the
        # keyboard chooses a group (a checked box), a click a person; axe with the list open.
        groups = page.get_by_role("combobox", name="Groepen")
        groups.fill("kooi")
        kooi = page.get_by_role("option", name="De Kooi Noorderhaven")
        expect(kooi).to_be_visible()
        expect(groups).to_have_attribute("aria-expanded", "true")
        assert_accessible(page)
        groups.press("ArrowDown")
        expect(kooi).to_have_attribute("aria-selected", "true")
        groups.press("Enter")
        expect(page.get_by_role("checkbox", name="De Kooi Noorderhaven")).to_be_checked()
        expect(groups).to_have_value("")
        person = page.get_by_role("combobox", name="Persoon").first
        person.fill("panna")
        page.get_by_role("option", name=re.compile("^Panna Pim")).click()
        expect(person).to_have_value(re.compile("^Panna Pim"))
        page.locator("#id_people-0-role").select_option("involved")
        assert_accessible(page)
        # Saving links, recomputes and sends the e-mails before the redirect: allow a loaded machine.
        with page.expect_navigation(timeout=60_000):
            page.get_by_role("button", name="Opslaan").click()
        errors = page.locator(".utrecht-form-field--invalid").all_text_contents()
        assert re.search(r"/signalen/\d+/$", page.url), errors
        expect(page.get_by_text(f"Automatisch gekoppeld aan situatie ‘{TITLE}’")).to_be_visible()
        assert_accessible(page)

        # The level rose (the engine ran after the commit).
        after = _level()
        assert LEVELS.index(after) > LEVELS.index(before)
        assert after in ("hoog", "acuut")

        # The director: the inbox is one click away, with the unread count.
        context = page.context.browser.new_context(bypass_csp=True, locale="nl-NL")
        director = context.new_page()
        director.set_default_timeout(15_000)
        login(director, live_server, DIRECTOR)
        inbox = director.get_by_role("link", name=re.compile(r"Meldingen \d+ ongelezen"))
        inbox.click()
        director.get_by_role("heading", level=1, name="Meldingen").wait_for()
        assert_accessible(director)
        notice = director.get_by_role("link", name=re.compile(f"Situatie ‘{TITLE}’ steeg van"))
        notice.first.click()
        director.get_by_role("heading", level=1, name=TITLE).wait_for()
        sentence = director.get_by_test_id("sentence")
        expect(sentence).to_contain_text(f"Niveau {after}")
        expect(sentence).to_contain_text("nieuw")
        expect(director.get_by_text("Elke bijdrage aan de score")).to_be_hidden()
        assert_accessible(director)
        director.get_by_role("link", name="Bespreken in overleg").click()
        director.get_by_role("heading", level=1, name="Casusoverleg plannen").wait_for()
        assert_accessible(director)
        director.get_by_label("Datum").fill(timezone.localdate().isoformat())
        director.get_by_label("Deelnemende partners").select_option(
            label=["Gemeente Voorbeeldstad", "Stichting Jongerenwerk Voorbeeldstad"]
        )
        director.get_by_role("button", name="Opslaan").click()
        director.wait_for_url(re.compile(r"/duiding/overleggen/\d+/$"))
        expect(director.locator("section.lont-card")).to_have_count(1)
        expect(director.locator("section.lont-card")).to_contain_text(TITLE)
        assert_accessible(director)
        context.close()

    # Notices and e-mails: the title, the level and a link — no post, no place, no name, no number.
    texts = list(Notification.objects.values_list("text", flat=True))
    assert texts
    mails = [parse(raw) for raw in received]
    recipients = {m["To"] for m, _body in mails}
    assert DIRECTOR in recipients and POLICE_COORDINATOR in recipients
    for text in [*texts, *(body for _m, body in mails), *(m["Subject"] for m, _b in mails)]:
        assert "Stationsplein" not in text and "wie durft" not in text, text
        assert "Yusuf" not in text and "El Idrissi" not in text, text
        assert not re.search(r"#\d", text), text
    assert any(TITLE in body and "/duiding/situaties/" in body for _m, body in mails)
