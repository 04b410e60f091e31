"""Issue 10's journey in a real browser, on the demo network: from an acute situation the director
opens an incident (its group typed to choose), fills the checklist and records the a–f choices
(one "deliberately nothing"); a youth worker's message that repeats the time is stopped, then
fixed, and the youth worker records reaching out to a contact (typed to choose); the police names
a person with a role (typed to choose) and records a removal request and its outcome; the incident is scaled down and handed to aftercare; a school mentor sees
the same incident at summary level. Axe on every page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from browser_support import DIRECTOR, assert_accessible, login
from playwright.sync_api import expect

from lont.assessment.models import Situation
from lont.core.scoping import system_context
from lont.crisis.models import (
    Incident,
    IncidentLogEntry,
    IncidentMessage,
    IncidentPerson,
    Outreach,
    ReportedPost,
)
from lont.networks.demo import load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

YOUTH_WORKER = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
POLICE = "wijkagent@politie.voorbeeldstad.test"
MENTOR = "mentor@hetbaken.voorbeeldstad.test"
TITLE = "Vechtafspraak bij de kooi aan de Lindelaan"
SECRET = "Twee groepen spraken af via TikTok; broer van een betrokkene belde de school."


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


def test_incident_room_journey(page, live_server):
    load_demo()
    with system_context("test setup: the situation is acute"):
        situation = Situation.objects.filter(network__slug="voorbeeldstad-noord").first()
        Situation.objects.filter(pk=situation.pk).update(level="acuut")
    base = live_server.url

    # The director opens an incident from the acute situation.
    login(page, live_server, DIRECTOR)
    page.goto(f"{base}/crisis/")
    expect(page.get_by_role("link", name="Incidenten").first).to_be_visible()
    page.goto(f"{base}/incidenten/nieuw/?situatie={situation.pk}")
    assert_accessible(page)
    # the situation comes chosen; the group is typed to choose (no select of every group)
    expect(page.get_by_role("combobox", name="Vanuit situatie")).to_have_value(situation.title)
    page.get_by_role("combobox", name="Groepen").fill("3031")
    page.get_by_role("option", name="3031 Collective").click()
    expect(page.get_by_role("checkbox", name="3031 Collective")).to_be_checked()
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Niveau").select_option("acuut")
    page.get_by_label("De oproep (tekst)").fill("Zaterdag om 20:00 kooi Lindelaan, kom allemaal")
    page.get_by_label("Omschrijving").fill(SECRET)
    page.get_by_label("Waarom wordt het incident geopend?").fill("Oproep met tijd en plaats.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/incidenten/\d+/$"))
    incident_url = page.url
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    assert_accessible(page)

    # The checklist, with "onbekend" as an honest answer.
    page.get_by_role("link", name="Beeld en checklist bijwerken").click()
    assert_accessible(page)
    page.get_by_label("Wapens aanwezig?").select_option("onbekend")
    page.get_by_label("Toelichting wapens").fill("Eén post noemt een mes, niet bevestigd.")
    page.get_by_label("Eerdere oproepen?").select_option("ja")
    page.get_by_label("Onmiddellijke actie en extra inzet nodig?").select_option("ja")
    page.get_by_label("Grenzen van regels, wetten en beleid").fill("Geen gebiedsverbod mogelijk.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(incident_url)

    # The a–f choices: deliberately not intervening is a choice, with its reason.
    page.get_by_role("link", name="Actieplan vastleggen").click()
    assert_accessible(page)
    page.get_by_label("De veiligheid van professionals en burgers staat voorop").check()
    page.get_by_label("A. ingrijpen of niet").select_option("niets")
    page.get_by_label("Reden bij a").fill("Ingrijpen vergroot het bereik van de oproep.")
    page.get_by_label("E. preventief of reactief").select_option("preventief")
    page.get_by_label("Reden bij e").fill("Jongerenwerk biedt vooraf bemiddeling aan.")
    page.get_by_label("Bemiddeling aangeboden").check()
    page.get_by_label("F. risico op wraak").select_option("verhoogd")
    page.get_by_label("Reden bij f").fill("Na de disstrack ligt wraak voor de hand.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(incident_url)
    expect(page.get_by_text("Bewust niet ingrijpen").first).to_be_visible()
    page.get_by_label("Nieuwe status").select_option("actief")
    page.locator("#status_reason").fill("Oproep bevestigd door twee partners.")
    page.get_by_role("button", name="Status wijzigen").click()
    page.wait_for_url(incident_url)
    assert_accessible(page)

    # The youth worker's message repeats the time: the live check warns, "ready" is refused.
    with session(page, live_server, YOUTH_WORKER) as youth:
        youth.goto(incident_url)
        youth.get_by_label("Kanaal").fill("Instagram jongerenwerk")
        youth.get_by_label("Bericht", exact=True).fill("Kom zaterdag om 20:00 niet naar de kooi.")
        expect(youth.locator("#message-check")).to_contain_text("tijdstip")
        youth.get_by_role("button", name="Opslaan als concept").click()
        youth.wait_for_url(incident_url)
        assert_accessible(youth)
        youth.get_by_role("button", name="Klaar om te plaatsen").click()
        expect(
            youth.locator(".lont-error-line", has_text="herhaalt de tijd of plaats")
        ).to_be_visible()
        assert_accessible(youth)
        youth.goto(incident_url)
        youth.get_by_label("Bericht aanpassen").fill(
            "Doe niet mee aan de oproep die rondgaat. Wij zijn in de buurt: praat met ons."
        )
        youth.get_by_role("button", name="Aanpassen en opnieuw controleren").click()
        youth.wait_for_url(incident_url)
        youth.get_by_role("button", name="Klaar om te plaatsen").click()
        youth.wait_for_url(incident_url)
        expect(youth.get_by_text("Klaar om te plaatsen").first).to_be_visible()
        # reaching out to a contact from the social map, typed to choose
        youth.get_by_role("combobox", name="Contact").fill("Yusuf")
        youth.get_by_role("option", name=re.compile("^Yusuf El Idrissi")).click()
        youth.locator("#outreach_channel").select_option("telefoon")
        youth.locator("#outreach_ask").fill("Wil je zaterdag bij de kooi de jongens aanspreken?")
        youth.get_by_role("button", name="Benadering vastleggen").click()
        youth.wait_for_url(incident_url)
        expect(youth.get_by_text("Benaderde contacten")).to_be_visible()

    # The police names a person with a role (typed to choose), then records a removal request
    # and its outcome.
    with session(page, live_server, POLICE) as police:
        police.goto(incident_url)
        police.get_by_role("combobox", name="Persoon").fill("Kay")
        police.get_by_role("option", name="Kay-Dertig").click()
        police.locator("#person_role_type").select_option("leader")
        police.get_by_role("button", name="Betrokkene vastleggen").click()
        police.wait_for_url(incident_url)
        expect(police.get_by_text("Kay-Dertig").first).to_be_visible()
        police.locator("#post_url").fill("https://tiktok.example/@oproep/video/7")
        police.locator("#post_platform").select_option("tiktok")
        police.get_by_role("button", name="Delen en melden").click()
        police.wait_for_url(incident_url)
        police.get_by_label("Uitkomst", exact=True).select_option("verwijderd")
        police.locator("input[id^=ref-]").fill("TT-2026-001")
        police.get_by_role("button", name="Uitkomst vastleggen").click()
        police.wait_for_url(incident_url)
        expect(police.get_by_text("TT-2026-001")).to_be_visible()
        assert_accessible(police)

    # Scaled down with the on-the-spot evaluation, then handed to aftercare.
    page.goto(incident_url)
    page.get_by_label("Nieuwe status").select_option("afgeschaald")
    page.locator("#status_reason").fill("Niemand kwam opdagen.")
    page.get_by_label("Korte evaluatie ter plaatse (bij afschalen)").fill(
        "Posities rondom de kooi werkten; het bericht bereikte de groep."
    )
    page.get_by_role("button", name="Status wijzigen").click()
    page.wait_for_url(incident_url)
    page.get_by_label("Nieuwe status").select_option("nazorg")
    page.locator("#status_reason").fill("Over naar de nazorg.")
    page.get_by_role("button", name="Status wijzigen").click()
    page.wait_for_url(incident_url)
    expect(page.get_by_text("Nazorg").first).to_be_visible()

    # The school mentor sees the same incident at summary level.
    with session(page, live_server, MENTOR) as mentor:
        mentor.goto(incident_url)
        expect(mentor.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
        expect(mentor.get_by_text("als samenvatting").first).to_be_visible()
        assert SECRET not in mentor.content()
        assert_accessible(mentor)

    with system_context("test checks what was recorded"):
        incident = Incident.objects.get(title=TITLE)
        assert incident.state == "nazorg" and incident.act == "niets"
        assert [g.name for g in incident.groups.all()] == ["3031 Collective"]
        assert incident.situation == situation
        person = IncidentPerson.objects.get(incident=incident)
        assert (person.person.alias, person.role_type) == ("Kay-Dertig", "leader")
        assert Outreach.objects.get(incident=incident).contact.name == "Yusuf El Idrissi"
        assert incident.spot_evaluation.startswith("Posities rondom")
        assert IncidentMessage.objects.get(incident=incident).status == "klaar"
        post = ReportedPost.objects.get(incident=incident)
        assert post.outcome == "verwijderd" and post.removed_at
        states = list(
            IncidentLogEntry.objects.filter(incident=incident, kind="state")
            .order_by("pk")
            .values_list("to_state", flat=True)
        )
        assert states == ["gemeld", "actief", "afgeschaald", "nazorg"]
