"""Issue 11's journey in a real browser, on the demo network (the plan opened by hand: the crisis
app is not part of this branch): the plan is seeded with the guide's steps; the youth worker
completes "DM the people involved"; a police officer files a staff exposure report that the
director cannot open (403) but their own coordinator can; the director starts an evaluation, two
partners answer the three questions and one lesson is adopted as a covenant change — the new
covenant version names the evaluation; a debunk that opens with the myth is flagged and rewritten.
Every page is checked with axe."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from browser_support import DIRECTOR, assert_accessible, fresh_code, login
from playwright.sync_api import expect

from lont.aftercare.demo import RIVALRY_TITLE
from lont.networks.demo import DEMO_PASSWORD, load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
POLICE = "wijkagent@politie.voorbeeldstad.test"
POLICE_LEAD = "coordinator@politie.voorbeeldstad.test"
CLAIM = "Bij het Havenplein is gisteravond iemand neergestoken door jongens uit West."
MYTH_FIRST = (
    "Bij het Havenplein is gisteravond iemand neergestoken door jongens uit West. Dat klopt niet."
)
FACTS_FIRST = (
    "Niemand is gisteravond gewond geraakt op het Havenplein. Het gerucht over een steekpartij "
    "klopt niet."
)


@contextmanager
def session(page: Any, live_server: Any, email: str) -> Iterator[Any]:
    context = page.context.browser.new_context(bypass_csp=True, locale="nl-NL")
    try:
        other = context.new_page()
        other.set_default_timeout(15_000)
        login(other, live_server, email)
        yield other
    finally:
        context.close()


def save(page: Any) -> None:
    page.get_by_role("button", name="Opslaan").click()


def test_aftercare_journey(page, live_server):
    load_demo()
    base = live_server.url

    # A1: the youth worker opens a plan by hand; it is seeded with the guide's steps.
    login(page, live_server, YOUTH)
    page.goto(f"{base}/nazorg/plannen/nieuw/")
    assert_accessible(page)
    # the situation is typed to choose (no select of every situation)
    page.get_by_role("combobox", name="Situatie").fill("Rivaliteit")
    page.get_by_role("option", name=RIVALRY_TITLE).click()
    page.get_by_label("Titel (geen echte namen)").fill("Nazorg Havenplein")
    save(page)
    page.wait_for_url(re.compile(r"/nazorg/plannen/\d+/$"))
    plan_url = page.url
    expect(
        page.get_by_text("Het nazorgplan is geopend met de stappen uit de handreiking.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Escalatiewacht")).to_be_visible()
    expect(
        page.get_by_role("rowheader", name="Jongerenwerker als mentorachtige welzijnsprofessional")
    ).to_be_visible()
    assert_accessible(page)
    dm = "DM of persoonlijk online bericht aan de betrokkenen sturen"
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=dm))
    row.get_by_role("link", name=re.compile("^Bijwerken")).click()
    assert_accessible(page)
    page.get_by_label("Status").select_option(label="Gedaan")
    page.get_by_label("Resultaat").fill("Persoonlijk bericht aan vier jongeren; twee reageerden.")
    save(page)
    page.wait_for_url(plan_url)
    expect(row).to_contain_text("Gedaan: Persoonlijk bericht aan vier jongeren")

    # A2: a police officer reports exposure; the director is refused, the own lead reads it.
    with session(page, live_server, POLICE) as police:
        police.goto(f"{base}/nazorg/medewerkers/")
        assert_accessible(police)
        police.get_by_role("link", name="Vertrouwelijke melding doen").click()
        assert_accessible(police)
        police.get_by_label("Wat gebeurde er").select_option(label="Gefilmd of gefotografeerd")
        police.get_by_label("Datum").fill(time.strftime("%Y-%m-%d"))
        police.get_by_label("Omschrijving").fill(
            "Gefilmd tijdens de surveillance; filmpje gaat rond."
        )
        save(police)
        police.wait_for_url(re.compile(r"/nazorg/medewerkers/meldingen/\d+/$"))
        report_url = police.url
        expect(police.get_by_text("Gefilmd tijdens de surveillance")).to_be_visible()
        assert_accessible(police)
    with session(page, live_server, POLICE_LEAD) as lead:
        lead.goto(report_url)
        expect(lead.get_by_text("Gefilmd tijdens de surveillance")).to_be_visible()
        assert_accessible(lead)

    with session(page, live_server, DIRECTOR) as director:
        response = director.goto(report_url)
        assert response is not None and response.status == 403
        expect(director.get_by_text("Gefilmd tijdens de surveillance")).to_have_count(0)

        # A3: the director starts an evaluation.
        director.goto(f"{base}/nazorg/evaluaties/nieuw/")
        assert_accessible(director)
        director.get_by_label("Titel", exact=True).fill("Evaluatie Havenplein")
        director.get_by_label(re.compile("^Evaluatie ter plaatse")).fill(
            "Snel opgeschaald, laat gedeeld."
        )
        save(director)
        director.wait_for_url(re.compile(r"/nazorg/evaluaties/\d+/$"))
        evaluation_url = director.url
        assert_accessible(director)

        # Two partners answer the three questions.
        for email, words in ((YOUTH, "jongerenwerk"), (POLICE, "politie")):
            with session(page, live_server, email) as partner:
                partner.goto(evaluation_url)
                partner.get_by_role("link", name="Evaluatie van uw organisatie invullen").click()
                assert_accessible(partner)
                partner.get_by_label("Wat is goed gegaan?").fill(f"Snelle inzet {words}")
                partner.get_by_label("Wat ging niet goed?").fill("Oproep laat gedeeld")
                partner.get_by_label("Wat kan de volgende keer beter?").fill("Avondbereikbaarheid")
                save(partner)
                partner.wait_for_url(evaluation_url)
        director.goto(evaluation_url)
        expect(director.get_by_text("Snelle inzet jongerenwerk")).to_be_visible()
        expect(director.get_by_text("Snelle inzet politie")).to_be_visible()
        director.get_by_role("button", name="Antwoorden samenvoegen").click()
        expect(director.get_by_text("De antwoorden zijn samengevoegd.")).to_be_visible()

        # One lesson becomes a covenant change (after re-authentication).
        director.get_by_role("link", name="Les vastleggen").click()
        director.get_by_label("Les", exact=True).fill(
            "Oproepen in de avond kwamen te laat bij de partners."
        )
        director.get_by_label("Wordt").select_option(label="Wijziging van convenant of werkwijze")
        director.get_by_label(re.compile("Voorgestelde wijziging")).fill(
            "Eén partner per avond deelt oproepen binnen 30 minuten."
        )
        save(director)
        director.wait_for_url(evaluation_url)
        director.get_by_role("link", name="Overnemen").click()
        director.wait_for_url(
            re.compile(r"/(account/bevestigen/\?.*|nazorg/lessen/\d+/overnemen/)$")
        )
        if "/account/bevestigen/" in director.url:  # the sign-in is no longer recent
            director.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
            director.get_by_label("Code uit uw authenticator-app").fill(fresh_code(DIRECTOR))
            director.get_by_role("button", name="Bevestigen").click()
            director.wait_for_url("**/overnemen/")
        expect(director.get_by_role("heading", level=1, name="Les overnemen")).to_be_visible()
        assert_accessible(director)
        save(director)
        director.wait_for_url(evaluation_url)
        expect(director.get_by_text("De les is overgenomen en is werk geworden.")).to_be_visible()
        version = director.get_by_role("link", name=re.compile(r"^convenantversie \d+$"))
        number = version.inner_text().rsplit(" ", 1)[1]
        assert_accessible(director)
        version.click()
        expect(director.get_by_text("Les uit de evaluatie van ").first).to_be_visible()
        director.goto(f"{base}/nazorg/convenant/herkomst/")
        row = director.get_by_role("row").filter(has_text=f"Versie {number}")
        expect(row).to_contain_text("Evaluatie Havenplein")
        assert_accessible(director)

    # A4: a debunk that opens with the myth is flagged, then rewritten.
    page.goto(f"{base}/nazorg/geruchten/nieuw/")
    assert_accessible(page)
    page.get_by_label("Bewering (het gerucht)").fill(CLAIM)
    page.get_by_label("Waar het zich verspreidt").fill("Snapchat-groepen")
    save(page)
    page.wait_for_url(re.compile(r"/nazorg/geruchten/\d+/$"))
    page.get_by_role("link", name="Ontkrachting opstellen").click()
    page.get_by_label("De feiten, kort en eenvoudig").fill("Niemand is gewond. Er was ruzie.")
    page.get_by_label("Tekst van de ontkrachting").fill(MYTH_FIRST)
    page.get_by_label("Doelgroep").fill("Jongeren uit Noord")
    # the messenger is typed to choose (no select of every contact)
    page.get_by_role("combobox", name="Geloofwaardige boodschapper (sociale kaart)").fill("Jerm")
    page.get_by_role("option", name="Jermaine Cijntje (credible messenger)").click()
    page.get_by_label("Status").select_option(label="Klaar om te verspreiden")
    save(page)
    expect(page.get_by_text(re.compile("herhaalt grotendeels het gerucht")).first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Tekst van de ontkrachting").fill(FACTS_FIRST)
    save(page)
    page.wait_for_url(re.compile(r"/nazorg/geruchten/\d+/$"))
    expect(page.get_by_text("De ontkrachting is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("link", name="ClaimReview (JSON-LD)")).to_be_visible()
    assert_accessible(page)
