"""The main menu (issue 9): built from the registry in ``lont.core.navigation``; every role sees
only links that answer, in the work's order; apps add their own entry."""

from __future__ import annotations

import html
import re

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from lont.core import navigation
from lont.core.choices import Role
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="utrecht-nav-bar lont-nav".*?</nav>', re.S)
LINK = re.compile(r'href="([^"]+)"[^>]*>([^<]+)</a>')


def _menu(client) -> list[tuple[str, str]]:
    page = client.get(reverse("core:home")).content.decode()
    return [(u, html.unescape(label)) for u, label in LINK.findall(NAV.search(page).group(0))]


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_menu_link_answers_for_every_role(role, make_member, client_for):
    client = client_for(make_member(PartnerType.MUNICIPALITY, role))
    menu = _menu(client)
    assert menu
    for url, label in menu:
        assert client.get(url).status_code == 200, (role, label, url)


def test_the_work_in_order_for_a_professional_and_privacy_pages_for_the_officer(
    make_member, client_for
):
    labels = [label for _u, label in _menu(client_for(make_member()))]
    expected = ["Overzicht", "Signalen", "Situaties", "Overleggen", "Acties", "Kalender"]
    assert labels[: len(expected)] == expected
    assert {"Sociale kaart", "Crisis", "Nazorg", "Kennisbank"} <= set(labels)
    officer = [
        label
        for _u, label in _menu(client_for(make_member(PartnerType.MUNICIPALITY, "privacy_officer")))
    ]
    assert "Privacy & logs" in officer and "Bewaartermijnen" in officer
    assert "Signalen" not in officer and "Situaties" not in officer


def test_an_app_registers_its_entry_and_an_unknown_url_is_left_out(make_member, client_for):
    member = make_member()
    saved = dict(navigation._REGISTRY)
    try:
        navigation.register("agenda", 55, "notifications:inbox", "Agenda", permission="case.read")
        navigation.register("later", 65, "nowhere:page", "Later")
        labels = [label for _u, label in _menu(client_for(member))]
        assert labels.index("Agenda") == labels.index("Acties") + 1
        assert "Later" not in labels
    finally:
        navigation._REGISTRY.clear()
        navigation._REGISTRY.update(saved)
        navigation._MENUS.clear()
        navigation._RENDERED.clear()


def test_the_header_links_the_inbox_with_the_unread_count(make_member, client_for):
    from lont.notifications.services import notification_send

    member = make_member()
    notification_send(user=member.user, text="Een", network=member.network)
    notification_send(user=member.user, text="Twee", network=member.network)
    client = client_for(member)
    page = client.get(reverse("core:home")).content.decode()
    assert reverse("notifications:inbox") in page and reverse("notifications:unread") in page
    # the count comes after the page (htmx), so no page pays its query
    assert "2 ongelezen" in client.get(reverse("notifications:unread")).content.decode()


CURRENT = re.compile(r'href="([^"]+)" aria-current="page">([^<]+)</a>')


def _current(client, url: str) -> list[tuple[str, str]]:
    return CURRENT.findall(NAV.search(client.get(url).content.decode()).group(0))


def test_the_menu_kept_per_role_and_language_marks_the_page_being_read(make_member, client_for):
    # given a professional (the menu is rendered once per role, language and current entry)
    client = client_for(make_member())
    signals = reverse("signalregister:list")
    # then each page marks its own entry, also when the menu was rendered for another page before
    assert _current(client, signals) == [(signals, "Signalen")]
    assert _current(client, reverse("assessment:situations")) == [
        (reverse("assessment:situations"), "Situaties")
    ]
    assert _current(client, signals) == [(signals, "Signalen")]
    # and in the reader's language
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert _current(client, signals) == [(signals, "Signals")]


def test_a_fragment_kept_for_everyone_never_holds_the_page_context():
    fragment = Template(
        '{% load i18n lont_tags %}{% same_for_everyone "test-fragment" %}'
        '[{{ viewer }}]{% translate "Naar de inhoud" %}{% end_same_for_everyone %}'
    )
    with translation.override("nl"):
        assert fragment.render(Context({"viewer": "Piet"})) == "[]Naar de inhoud"
        assert fragment.render(Context({"viewer": "Klaas"})) == "[]Naar de inhoud"
    with translation.override("en"):
        assert fragment.render(Context({"viewer": "Piet"})) == "[]Skip to content"
