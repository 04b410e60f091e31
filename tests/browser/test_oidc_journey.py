"""Sign-in with the municipality's own accounts in a real browser, through a real OpenID Connect
provider on loopback (tests/oidc_support.py): an invited member comes in, logging out ends the
provider's session too, and someone the municipality did not invite is refused in Dutch."""

from __future__ import annotations

import pytest
from browser_support import assert_accessible
from factories import UserFactory, member_factory, network_factory, organisation_factory
from oidc_support import (
    CLIENT_ID,
    CLIENT_SECRET,
    MFA_MEMBER,
    PASSWORD,
    STRANGER,
    oidc_provider,  # noqa: F401 - the fixture
)

from lont.accounts.models import OIDCProvider
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in_at_provider(page, email: str) -> None:
    page.get_by_role("link", name="Inloggen met Gemeente Voorbeeldstad").click()
    page.get_by_label("Gebruikersnaam").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen bij de provider").click()


def test_invited_member_signs_in_and_out_of_both_and_a_stranger_is_refused(
    page,
    live_server,
    oidc_provider,  # noqa: F811
):
    oidc_provider.allow_client(live_server.url)
    network = network_factory()
    municipality = organisation_factory(network, "Gemeente Voorbeeldstad", PartnerType.MUNICIPALITY)
    member_factory(network, organisation=municipality, user=UserFactory(email=MFA_MEMBER))
    config = OIDCProvider(
        organisation=municipality,
        issuer=oidc_provider.issuer,
        client_id=CLIENT_ID,
        mfa_replaces_totp=True,  # the provider reports amr "mfa" for this member
    )
    config.set_client_secret(CLIENT_SECRET)
    config.save()

    page.goto(f"{live_server.url}/account/inloggen/")
    assert_accessible(page)
    _sign_in_at_provider(page, MFA_MEMBER)
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("button", name="Uitloggen").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Uitloggen").click()
    # Lont's page forwards to the provider's logout, which sends the browser back to Lont.
    page.wait_for_url(f"{live_server.url}/account/inloggen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen bij Lont"
    page.goto(f"{oidc_provider.url}/whoami/")
    assert page.locator("body").inner_text().strip() == ""  # no session at the provider either

    page.goto(f"{live_server.url}/account/inloggen/")
    _sign_in_at_provider(page, STRANGER)  # the provider asks for a password again
    page.wait_for_url(f"{live_server.url}/account/inloggen/organisatie/terug/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen niet gelukt"
    assert "vraag de coördinator van uw organisatie om een uitnodiging" in page.inner_text("main")
    assert_accessible(page)
    page.goto(f"{live_server.url}/")
    assert "/account/inloggen/" in page.url  # not signed in
