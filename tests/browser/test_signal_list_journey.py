"""Given the demo network, the director filters the signal list by a group: typing part of its
name offers the matching groups in a listbox (keyboard and mouse), the choice is kept after the
filter is applied — and the page passes axe with the suggestions open."""

from __future__ import annotations

import re

import pytest
from browser_support import assert_accessible, login
from playwright.sync_api import expect

from lont.core.scoping import system_context
from lont.networks.demo import load_demo
from lont.subjects.models import Group

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_choose_a_group_by_typing_part_of_its_name(page, live_server):
    load_demo()
    with system_context("test: the demo group's key"):
        school = Group.objects.get(name="Schoolpleingroep Het Baken")
    login(page, live_server)
    page.goto(live_server.url + "/signalen/")
    field = page.get_by_role("combobox", name="Groep")
    expect(field).to_have_attribute("aria-expanded", "false")

    # when part of a name is typed, the groups holding it are offered
    field.fill("plei")
    listbox = page.get_by_role("listbox", name="Gevonden groepen")
    expect(listbox.get_by_role("option")).to_have_count(2)
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(page.locator("[data-combobox-status]")).to_have_text("2 groepen gevonden")
    assert_accessible(page)

    # the keyboard moves through them; Enter chooses without sending the form
    field.press("ArrowDown")
    expect(listbox.get_by_role("option", name="Schoolpleingroep Het Baken")).to_have_attribute(
        "aria-selected", "true"
    )
    field.press("Enter")
    expect(field).to_have_value("Schoolpleingroep Het Baken")
    expect(listbox).to_be_hidden()
    assert "/signalen/?" not in page.url

    # the filter is applied and the choice kept in the field
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(rf"groep={school.pk}"))
    expect(page.get_by_role("combobox", name="Groep")).to_have_value("Schoolpleingroep Het Baken")
    assert_accessible(page)

    # a click chooses too; Escape closes the list without choosing
    field = page.get_by_role("combobox", name="Groep")
    field.fill("station")
    option = page.get_by_role("option", name="Stationspleingroep")
    option.click()
    expect(field).to_have_value("Stationspleingroep")
    field.fill("kooi")
    expect(page.get_by_role("option", name="De Kooi Noorderhaven")).to_be_visible()
    field.press("Escape")
    expect(page.get_by_role("listbox", name="Gevonden groepen")).to_be_hidden()
    expect(field).to_have_value("kooi")
