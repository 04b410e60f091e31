"""Issue 13's journey on the demo network: two partners answer the vision's questions
differently, the side-by-side view shows where, the director approves a network vision; a youth
worker puts a professional account on the roster and logs three calm-time contacts; the platform
register's review reminder arrives; the director opens the yearly awareness overview. Every page
passes axe."""

from __future__ import annotations

import pytest
from browser_support import DIRECTOR, assert_accessible, login
from django.core.management import call_command
from playwright.sync_api import expect

from lont.networks.demo import load_demo
from lont.presence.models import ContactLog, ProfessionalAccount

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCHOOL = "mentor@hetbaken.voorbeeldstad.test"
BOA = "boa@handhaving.voorbeeldstad.test"
YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"


def _as(page, live_server, email):
    page.context.clear_cookies()
    login(page, live_server, email)


def _answer_vision(page, live_server, *, goal, terms, target):
    page.goto(live_server.url + "/vredestijd/visie/nieuw/")
    assert_accessible(page)
    page.get_by_label("1. Beschrijf de doelgroep").fill(target)
    page.get_by_label("2. Welke termen gebruikt u voor de doelgroep?").fill(terms)
    page.get_by_label("3. Wat is het doel van contact met de doelgroep?").select_option(label=goal)
    page.get_by_label("4. Hoe treedt u zowel fysiek als online op?").fill("Op school en online.")
    page.get_by_label("5. Welke tijd en welk geld krijgen medewerkers voor online werken?").fill(
        "Twee uur per week."
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("versie 1")
    assert_accessible(page)


def test_peacetime_groundwork_journey(page, live_server):
    load_demo()

    # Two partners answer differently; the school's "bende" is warned about
    _as(page, live_server, SCHOOL)
    _answer_vision(
        page,
        live_server,
        goal="preventief en zorggericht",
        terms="bende van de Kreek",
        target="Leerlingen uit De Kreek die samen muziek maken.",
    )
    expect(page.get_by_text("'bende' kan de groep stigmatiseren")).to_be_visible()
    _as(page, live_server, BOA)
    _answer_vision(
        page,
        live_server,
        goal="repressief en handhavingsgericht",
        terms="jeugdgroep",
        target="Groepen die 's avonds overlast geven bij het winkelcentrum.",
    )

    # The director sees the difference side by side and approves a network vision
    _as(page, live_server, DIRECTOR)
    page.goto(live_server.url + "/vredestijd/visie/vergelijken/")
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Het Baken College")).to_be_visible()
    expect(table.get_by_role("columnheader", name="Handhaving Voorbeeldstad")).to_be_visible()
    expect(table.get_by_role("rowheader", name="3. Doel").first).to_contain_text("verschilt")
    assert_accessible(page)
    page.goto(live_server.url + "/vredestijd/visie/netwerk/nieuw/")
    assert_accessible(page)
    page.get_by_label("Reden van deze versie").fill("Na de vergelijking")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Netwerkvisie — versie 2")
    page.get_by_label("Reden van vaststelling").fill("Vastgesteld in het netwerkoverleg")
    page.get_by_role("button", name="Netwerkvisie vaststellen").click()
    expect(page.get_by_text("De netwerkvisie is vastgesteld.")).to_be_visible()
    assert_accessible(page)

    # A youth worker registers a professional account and logs three calm-time contacts
    _as(page, live_server, YOUTH)
    page.goto(live_server.url + "/online-aanwezigheid/rooster/nieuw/")
    assert_accessible(page)
    page.get_by_label("Platform").fill("YouTube")
    page.get_by_label("Accountnaam").fill("@jongerenwerk.noord.studio")
    page.get_by_label("In de huisstijl van de organisatie").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("@jongerenwerk.noord.studio")
    for kind in ("like", "positieve opmerking", "bericht (DM)"):
        page.get_by_label("Soort contact").select_option(label=kind)
        # the group is typed to choose (no select of every group)
        page.get_by_role("combobox", name="Groep").fill("3031")
        page.get_by_role("option", name="3031 Collective").click()
        page.get_by_role("button", name="Vastleggen").click()
        expect(page.get_by_text("Het contactmoment is vastgelegd.")).to_be_visible()
    account = ProfessionalAccount.objects.get(handle="@jongerenwerk.noord.studio")
    assert ContactLog.objects.filter(account=account).count() == 3
    expect(page.get_by_role("table").locator("tbody tr")).to_have_count(3)
    assert_accessible(page)

    # The daily job reminds the platform's review owner; the reminder arrives in the inbox
    call_command("peacetime_reminders")
    page.goto(live_server.url + "/meldingen/")
    link = page.get_by_role("link", name="Platformbeoordeling is aan herziening toe: Snapchat")
    assert_accessible(page)
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Snapchat")
    assert_accessible(page)

    # The director opens the yearly awareness overview
    _as(page, live_server, DIRECTOR)
    page.goto(live_server.url + "/vredestijd/bewustwording/jaaroverzicht/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jaaroverzicht bewustwording")
    expect(page.get_by_text("Getoetst aan de netwerkvisie versie 2")).to_be_visible()
    assert_accessible(page)
