"""The interface language is chosen in the profile and applied at every login (issue 14, part 6)."""

from __future__ import annotations

import pytest
from account_helpers import code_for, post_code, post_password
from django.conf import settings
from django.test import Client
from django.urls import reverse
from factories import member_factory

from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(network):
    return member_factory(network, partner_type=PartnerType.YOUTH_WORK, role=Role.PROFESSIONAL)


def test_the_chosen_language_is_kept_and_applied_at_the_next_login(clock, member, client_for):
    client = client_for(member)
    response = client.post(reverse("accounts:language"), {"language": "en"})
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert member.user.preferred_language == "en"
    # when the member logs in again in a fresh browser
    browser = Client()
    assert post_password(browser, member.user.email).status_code == 302
    response = post_code(browser, code_for(member.user))
    # then the language cookie is set from the account and the pages are English
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = browser.get(reverse("accounts:settings")).content.decode()
    assert '<html lang="en"' in page


def test_an_unknown_language_is_refused_and_nothing_changes(member, client_for):
    client = client_for(member)
    response = client.post(reverse("accounts:language"), {"language": "xx"}, follow=True)
    assert "Kies een van de beschikbare talen." in response.content.decode()
    member.user.refresh_from_db()
    assert member.user.preferred_language == "nl"
