"""Sign-in with the organisation's own identity provider (issue 14, part 5), against a real
OpenID Connect provider on loopback (``tests/oidc_support.py``): Lont's pages through Django's
test client, the user's side at the provider and the back-channel token call over HTTP."""

from __future__ import annotations

import re
import socket
from html import unescape
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from account_helpers import code_for, post_code
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from factories import UserFactory, member_factory, network_factory, organisation_factory
from oidc_support import (
    CLIENT_ID,
    CLIENT_SECRET,
    INVITEE,
    MEMBER,
    MFA_MEMBER,
    OUTSIDER,
    STRANGER,
    UNVERIFIED,
    oidc_provider,  # noqa: F401 - the fixture
    provider_session,
    sign_in_at_provider,
)

from lont.accounts.admin import OIDCProviderForm
from lont.accounts.models import Invitation, LoginAttempt, OIDCProvider, User
from lont.audit.models import ChangeLogEntry
from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.networks.choices import PartnerType, Role
from lont.networks.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def provider(oidc_provider):  # noqa: F811
    oidc_provider.allow_client("http://testserver")
    return oidc_provider


@pytest.fixture
def municipality(network):
    return organisation_factory(network, "Gemeente Test", PartnerType.MUNICIPALITY)


@pytest.fixture
def configured(provider, municipality):
    cache.clear()  # the discovery document of an earlier test's configuration
    config = OIDCProvider(organisation=municipality, issuer=provider.issuer, client_id=CLIENT_ID)
    config.set_client_secret(CLIENT_SECRET)
    config.save()
    return config


def _member(network, organisation, email):
    return member_factory(network, organisation=organisation, user=UserFactory(email=email))


def _sign_in(client, config, email, next_url="/"):
    """Lont's button, the provider's pages, then Lont's callback; returns the callback's answer
    and the provider-side browser (its cookies hold the provider's session)."""
    start = client.get(reverse("accounts:oidc_start", args=[config.pk]), {"next": next_url})
    assert start.status_code == 302
    browser = requests.Session()
    back = sign_in_at_provider(browser, start["Location"], email)
    parts = urlsplit(back)
    assert parts.netloc == "testserver"
    return client.get(f"{parts.path}?{parts.query}"), browser


def test_the_login_page_offers_the_organisations_button(client, configured):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "Inloggen met Gemeente Test" in html
    assert reverse("accounts:oidc_start", args=[configured.pk]) in html


def test_an_invited_member_signs_in_and_lonts_code_still_follows(
    client, network, municipality, configured
):
    member = _member(network, municipality, MEMBER)
    answer, _browser = _sign_in(client, configured, MEMBER, next_url="/signalen/")
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("accounts:two_factor"))
    assert int(client.session[SESSION_KEY]) == member.user.pk
    assert client.session[SESSION_VERIFIED_KEY] is False
    assert client.get("/").status_code == 302  # nothing opens before the code

    done = post_code(client, code_for(member.user), next_url="/signalen/")
    assert done.status_code == 302 and done["Location"] == "/signalen/"
    event = ChangeLogEntry.objects.get(event="login.succeeded")
    assert event.after == {"method": "oidc"} and event.actor_id == member.user.pk


def test_the_providers_mfa_replaces_the_code_only_when_configured(
    client, network, municipality, configured
):
    member = _member(network, municipality, MFA_MEMBER)
    answer, _browser = _sign_in(client, configured, MFA_MEMBER)
    assert answer["Location"].startswith(reverse("accounts:two_factor"))  # not configured

    configured.mfa_replaces_totp = True
    configured.save()
    client.logout()
    answer, _browser = _sign_in(client, configured, MFA_MEMBER, next_url="/signalen/")
    assert answer.status_code == 302 and answer["Location"] == "/signalen/"
    assert client.session[SESSION_VERIFIED_KEY] is True
    assert client.get("/").status_code == 200
    event = ChangeLogEntry.objects.get(event="login.succeeded")
    assert event.after == {
        "method": "oidc",
        "organisation": municipality.pk,
        "second_factor": "provider",
    }
    assert LoginAttempt.objects.filter(stage="oidc", succeeded=True).count() == 1
    assert member.user.pk == int(client.session[SESSION_KEY])


def test_without_the_mfa_claim_the_code_follows_even_when_configured(
    client, network, municipality, configured
):
    configured.mfa_replaces_totp = True
    configured.save()
    _member(network, municipality, MEMBER)
    answer, _browser = _sign_in(client, configured, MEMBER)
    assert answer["Location"].startswith(reverse("accounts:two_factor"))


def test_the_providers_mfa_stands_in_for_the_code_only_for_its_own_organisation(
    client, network, municipality, configured
):
    # given a member of the municipality who is also a member of a partner in another network
    configured.mfa_replaces_totp = True
    configured.save()
    member = _member(network, municipality, MFA_MEMBER)
    elsewhere = network_factory("Andere Stad Test", "andere")
    member_factory(elsewhere, partner_type=PartnerType.POLICE, user=member.user)
    # when they sign in through the municipality's provider with its MFA claim
    answer, _browser = _sign_in(client, configured, MFA_MEMBER)
    # then Lont's own code still follows: the municipality's provider does not vouch for the
    # second factor that the other organisation's membership requires
    assert answer["Location"].startswith(reverse("accounts:two_factor"))
    assert client.session[SESSION_VERIFIED_KEY] is False


@pytest.mark.parametrize("email", [STRANGER, OUTSIDER])
def test_who_is_not_invited_by_the_organisation_is_refused_and_no_account_is_made(
    client, network, configured, email
):
    # The outsider has an account, but as a member of another organisation.
    _member(network, organisation_factory(network, "Jongerenwerk"), OUTSIDER)
    users = User.objects.count()
    answer, _browser = _sign_in(client, configured, email)
    assert answer.status_code == 403
    assert "U kunt niet inloggen" in answer.content.decode()
    assert "vraag de coördinator van uw organisatie om een uitnodiging" in answer.content.decode()
    assert SESSION_KEY not in client.session
    assert User.objects.count() == users
    assert LoginAttempt.objects.filter(stage="oidc", succeeded=False, email=email).exists()


def test_an_unverified_email_address_is_refused(client, network, municipality, configured):
    _member(network, municipality, UNVERIFIED)
    answer, _browser = _sign_in(client, configured, UNVERIFIED)
    assert answer.status_code == 403
    assert "geen bevestigd e-mailadres" in answer.content.decode()
    assert SESSION_KEY not in client.session


def _invitee(network, municipality):
    """An existing account (a coordinator elsewhere invited it) with an open invitation from
    the municipality."""
    elsewhere = member_factory(
        network, organisation=organisation_factory(network, "Jongerenwerk"), role=Role.COORDINATOR
    )
    user = UserFactory(email=INVITEE)
    Invitation.objects.create(
        network=network,
        organisation=municipality,
        email=INVITEE,
        full_name="Genodigde",
        role=Role.PROFESSIONAL,
        token_hash="x" * 64,
        invited_by=elsewhere.user,
        expires_at=timezone.now() + timezone.timedelta(days=3),
    )
    return user


def test_an_open_invitation_of_an_existing_account_becomes_the_membership(
    client, network, municipality, configured
):
    user = _invitee(network, municipality)
    answer, _browser = _sign_in(client, configured, INVITEE)
    assert answer["Location"].startswith(reverse("accounts:two_factor"))
    assert Membership.objects.get(user=user).organisation == municipality
    assert Invitation.objects.get().accepted_at is not None


def test_a_locked_account_is_refused_before_its_invitation_becomes_a_membership(
    client, network, municipality, configured
):
    # given an existing account with an open invitation, locked by five wrong passwords
    user = _invitee(network, municipality)
    for _ in range(5):
        LoginAttempt.objects.create(email=INVITEE, succeeded=False, stage="password")
    # when its owner (or whoever holds the provider's session) signs in through the provider
    answer, _browser = _sign_in(client, configured, INVITEE)
    # then Lont refuses as locked, and nothing has changed: no membership, the invitation open
    assert answer.status_code == 302 and answer["Location"] == reverse("accounts:login")
    assert SESSION_KEY not in client.session
    assert not Membership.objects.filter(user=user).exists()
    assert Invitation.objects.get().accepted_at is None
    assert not ChangeLogEntry.objects.filter(event="membership.accepted").exists()


def test_a_forged_or_replayed_callback_is_refused(client, network, municipality, configured):
    _member(network, municipality, MEMBER)
    start = client.get(reverse("accounts:oidc_start", args=[configured.pk]))
    back = urlsplit(sign_in_at_provider(requests.Session(), start["Location"], MEMBER))
    query = parse_qs(back.query)
    forged = client.get(back.path, {"code": query["code"][0], "state": "geraden"})
    assert forged.status_code == 403 and "niet gelukt" in forged.content.decode()
    assert client.get(f"{back.path}?{back.query}").status_code == 302  # the real one works once
    client.logout()
    assert client.get(f"{back.path}?{back.query}").status_code == 403  # and only once


def test_logout_ends_the_providers_session_too(client, network, municipality, configured, provider):
    member = _member(network, municipality, MEMBER)
    _answer, browser = _sign_in(client, configured, MEMBER)
    post_code(client, code_for(member.user))
    assert provider_session(browser, provider) == MEMBER

    out = client.post(reverse("accounts:logout"))
    assert SESSION_KEY not in client.session
    # A page that forwards at once (CSP form-action stops a redirect to another origin).
    assert out.status_code == 200 and "no-store" in out["Cache-Control"]
    html = out.content.decode()
    assert "U wordt nu ook uitgelogd bij Gemeente Test" in html
    link = re.search(r'href="([^"]+)" data-provider-logout', html)
    assert link is not None
    logout_url = unescape(link.group(1))
    assert f'content="0; url={link.group(1)}"' in html
    params = parse_qs(urlsplit(logout_url).query)
    assert logout_url.startswith(configured.issuer) and "id_token_hint" in params
    assert params["post_logout_redirect_uri"] == ["http://testserver/account/inloggen/"]
    ended = browser.get(logout_url, allow_redirects=False)
    assert ended.status_code == 302
    assert ended.headers["Location"] == "http://testserver/account/inloggen/"
    assert provider_session(browser, provider) == ""


def test_a_password_login_logs_out_without_the_provider(make_member, client_for):
    answer = client_for(make_member()).post(reverse("accounts:logout"))
    assert answer["Location"] == reverse("accounts:login")


def test_mfa_claims_that_count():
    config = OIDCProvider(mfa_replaces_totp=True, accepted_acr="urn:example:loa:high")
    assert config.mfa_satisfied({"amr": ["pwd", "mfa"]})
    assert config.mfa_satisfied({"amr": ["hwk"]})
    assert config.mfa_satisfied({"acr": "urn:example:loa:high"})
    assert not config.mfa_satisfied({"amr": ["pwd"], "acr": "urn:example:loa:low"})
    assert not OIDCProvider(mfa_replaces_totp=False).mfa_satisfied({"amr": ["mfa"]})


def test_the_secret_is_stored_encrypted_by_the_admin_form_and_the_command(municipality, network):
    form = OIDCProviderForm(
        data={
            "organisation": municipality.pk,
            "issuer": "https://login.voorbeeldstad.test/realms/gemeente",
            "client_id": "lont",
            "new_client_secret": "zeer-geheim",
            "scopes": "openid email",
            "accepted_amr": "mfa",
            "is_active": "on",
        }
    )
    assert form.is_valid(), form.errors
    config = form.save()
    assert "zeer-geheim" not in config.client_secret
    assert config.get_client_secret() == "zeer-geheim"

    out = StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LONT_OIDC_CLIENT_SECRET", "nieuw-geheim")
        call_command(
            "oidc_provider",
            "--network",
            network.slug,
            "--organisation",
            municipality.name,
            "--issuer",
            "https://login.voorbeeldstad.test/realms/gemeente",
            "--client-id",
            "lont-2",
            "--mfa-replaces-totp",
            stdout=out,
        )
    config.refresh_from_db()
    assert config.client_id == "lont-2" and config.mfa_replaces_totp
    assert config.get_client_secret() == "nieuw-geheim"


def test_a_provider_that_does_not_answer_gives_a_dutch_page(client, municipality):
    cache.clear()
    with socket.socket() as closed:  # a loopback port nobody listens on
        closed.bind(("127.0.0.1", 0))
        issuer = f"http://127.0.0.1:{closed.getsockname()[1]}/o"
    config = OIDCProvider(organisation=municipality, issuer=issuer, client_id=CLIENT_ID)
    config.set_client_secret(CLIENT_SECRET)
    config.save()
    answer = client.get(reverse("accounts:oidc_start", args=[config.pk]))
    assert answer.status_code == 502
    assert "Inloggen via uw organisatie is niet gelukt" in answer.content.decode()
