"""Invitation flow: who may invite whom, the e-mail, accepting with a password, and enrolment of
the second factor before anything else. There is no self-registration."""

from __future__ import annotations

import re

import pyotp
import pytest
from account_helpers import code_for, post_code
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from factories import PASSWORD, member_factory, network_factory, organisation_factory

from lont.accounts import services, totp
from lont.accounts import urls as accounts_urls
from lont.accounts.models import Invitation, TOTPDevice, User
from lont.core.crypto import token_hash
from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role
from lont.networks.models import Membership

pytestmark = pytest.mark.django_db

INVITE = reverse("accounts:invite")
NEW_PASSWORD = "Zomeravond-Aan-De-Gracht-7"


@pytest.fixture
def youth_work(network):
    return organisation_factory(network, "Stichting Jongerenwerk Test", PartnerType.YOUTH_WORK)


@pytest.fixture
def school(network):
    return organisation_factory(network, "Voorbeeldcollege Test", PartnerType.EDUCATION)


@pytest.fixture
def coordinator(network, youth_work):
    return member_factory(network, role=Role.COORDINATOR, organisation=youth_work)


@pytest.fixture
def director(network):
    return member_factory(network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)


def invite_data(organisation, role=Role.PROFESSIONAL, email="nieuw@voorbeeldstad.test"):
    return {
        "full_name": "Noor Nieuw",
        "email": email,
        "organisation": organisation.pk,
        "role": role,
        "function_title": "Jongerenwerker",
    }


def invitation_link() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"https?://\S+/account/uitnodiging/([\w-]+)/", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return reverse("accounts:accept_invitation", args=[match.group(1)])


def accept(client: Client, link: str, password: str = NEW_PASSWORD, repeat: str | None = None):
    return client.post(link, {"password1": password, "password2": repeat or password})


# --- who may invite ---------------------------------------------------------------------------


def test_coordinator_invites_for_own_organisation_and_an_email_is_sent(
    clock, coordinator, youth_work, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(INVITE, invite_data(youth_work))
    assert response.status_code == 302
    assert response["Location"] == reverse("networks:members")
    invitation = Invitation.objects.get()
    assert (invitation.organisation, invitation.role) == (youth_work, Role.PROFESSIONAL)
    message = mail.outbox[0]
    assert message.to == ["nieuw@voorbeeldstad.test"]
    assert "Uitnodiging voor Lont" in message.subject
    link = invitation_link()
    raw = link.rstrip("/").rsplit("/", 1)[1]
    # only the hash of the link's token is stored
    assert invitation.token_hash == token_hash(raw)
    assert raw not in str(Invitation.objects.values().get())


def test_coordinator_cannot_invite_for_another_organisation(
    clock, coordinator, school, client_for, viewer_for
):
    response = client_for(coordinator).post(INVITE, invite_data(school))
    assert response.status_code == 400
    assert not Invitation.objects.exists()
    # the form keeps what was typed, with a Dutch error
    html = response.content.decode()
    assert 'value="Noor Nieuw"' in html and 'value="nieuw@voorbeeldstad.test"' in html
    assert "Selecteer een geldige keuze" in html
    assert not mail.outbox
    # the service refuses too, whatever a form would offer
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            viewer=viewer_for(coordinator),
            organisation=school,
            email="x@voorbeeldstad.test",
            full_name="X",
            role=Role.PROFESSIONAL,
        )


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR])
def test_coordinator_cannot_grant_powerful_roles(clock, coordinator, youth_work, client_for, role):
    response = client_for(coordinator).post(INVITE, invite_data(youth_work, role=role))
    assert response.status_code == 400
    assert not Invitation.objects.exists()
    with pytest.raises(ValidationError):
        services.invitation_create(
            viewer=Viewer(coordinator),
            organisation=youth_work,
            email="x@voorbeeldstad.test",
            full_name="X",
            role=role,
        )


def test_invite_form_offers_coordinator_only_own_organisation_and_allowed_roles(
    coordinator, client_for
):
    html = client_for(coordinator).get(INVITE).content.decode()
    assert "Stichting Jongerenwerk Test" in html
    assert "Voorbeeldcollege Test" not in html
    assert 'value="director"' not in html and 'value="privacy_officer"' not in html
    assert 'value="professional"' in html


def test_director_invites_anywhere_in_the_network_with_any_role(
    clock, director, school, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(director).post(INVITE, invite_data(school, Role.PRIVACY_OFFICER))
    assert response.status_code == 302
    assert Invitation.objects.get().role == Role.PRIVACY_OFFICER
    assert len(mail.outbox) == 1


def test_director_cannot_invite_into_another_network(director, viewer_for):
    other = network_factory("Voorbeeldstad Elders", "elders")
    outside = organisation_factory(other, "Jongerenwerk Elders", PartnerType.YOUTH_WORK)
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            viewer=viewer_for(director),
            organisation=outside,
            email="x@voorbeeldstad.test",
            full_name="X",
            role=Role.PROFESSIONAL,
        )


def test_professional_cannot_open_the_invite_page(network, client_for):
    professional = member_factory(network, role=Role.PROFESSIONAL)
    assert client_for(professional).get(INVITE).status_code == 403


def test_an_existing_member_cannot_be_invited_again(coordinator, youth_work, client_for):
    colleague = member_factory(coordinator.network, organisation=youth_work)
    response = client_for(coordinator).post(
        INVITE, invite_data(youth_work, email=colleague.user.email.upper())
    )
    assert response.status_code == 400
    assert "al lid van dit netwerk" in response.content.decode()
    assert not Invitation.objects.exists()


# --- accepting --------------------------------------------------------------------------------


@pytest.fixture
def link(clock, coordinator, youth_work, viewer_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            viewer=viewer_for(coordinator),
            organisation=youth_work,
            email="Noor@Voorbeeldstad.test",
            full_name="Noor Nieuw",
            role=Role.PROFESSIONAL,
            function_title="Jongerenwerker",
        )
    return invitation_link()


def test_accept_page_shows_the_invitation(link):
    response = Client().get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stichting Jongerenwerk Test" in html
    assert 'type="password"' in html


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Kort-Maar-1", "Dit wachtwoord is te kort. Het moet minstens 12 tekens bevatten."),
        ("12345678901234", "Dit wachtwoord bevat alleen cijfers."),
        ("password1234", "Dit wachtwoord is te algemeen."),
        ("noor.nieuw.voorbeeldstad", "Het wachtwoord lijkt te veel op"),
    ],
)
def test_weak_password_is_refused_in_dutch(link, password, message):
    client = Client()
    response = accept(client, link, password)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html, html
    # the password is never sent back to the browser
    assert password not in html
    assert not User.objects.filter(email="noor@voorbeeldstad.test").exists()
    assert Invitation.objects.get().accepted_at is None
    assert "_auth_user_id" not in client.session


def test_different_passwords_are_refused(link):
    response = accept(Client(), link, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert response.status_code == 400
    assert "De wachtwoorden zijn niet gelijk." in response.content.decode()
    assert not User.objects.filter(email="noor@voorbeeldstad.test").exists()


def test_accepting_sets_the_password_and_forces_enrolment_first(clock, link, network):
    client = Client()
    # when the invitee chooses a good password
    response = accept(client, link)
    # then the account and membership exist, and the next stop is the two-factor enrolment
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:two_factor")
    user = User.objects.get(email="noor@voorbeeldstad.test")
    assert user.check_password(NEW_PASSWORD)
    assert user.password.startswith("md5$")  # hashed with the configured hasher, never plain
    membership = Membership.objects.get(user=user)
    assert (membership.network, membership.role) == (network, Role.PROFESSIONAL)
    assert client.session[SESSION_VERIFIED_KEY] is False
    # and nothing else opens before the app is linked
    for name in ("core:home", "networks:overview", "networks:members", "accounts:settings"):
        assert client.get(reverse(name))["Location"].startswith(reverse("accounts:two_factor"))
    page = client.get(reverse("accounts:two_factor")).content.decode()
    assert "<svg" in page
    secret = totp.device_secret(TOTPDevice.objects.get(user=user))
    codes_page = post_code(client, pyotp.TOTP(secret).now())
    assert codes_page.status_code == 200
    assert codes_page.content.decode().count("<li><code>") == 10
    assert client.get(reverse("networks:overview")).status_code == 200
    # the link is spent
    assert Client().get(link).status_code == 404


def test_used_link_shows_a_friendly_404(link):
    accept(Client(), link)
    response = Client().get(link)
    assert response.status_code == 404
    assert "Deze uitnodiging is niet (meer) geldig" in response.content.decode()
    # and cannot be used again to set another password
    assert accept(Client(), link, "Ander-Lang-Wachtwoord-42").status_code == 404
    assert User.objects.get(email="noor@voorbeeldstad.test").check_password(NEW_PASSWORD)


def test_expired_link_shows_a_friendly_404(clock, link):
    clock.shift(7 * 24 * 3600 + 1)
    response = Client().get(link)
    assert response.status_code == 404
    assert "niet (meer) geldig" in response.content.decode()
    assert accept(Client(), link).status_code == 404
    assert not User.objects.filter(email="noor@voorbeeldstad.test").exists()


def test_link_still_works_just_before_expiry(clock, link):
    clock.shift(7 * 24 * 3600 - 60)
    assert Client().get(link).status_code == 200


def test_revoked_link_shows_a_friendly_404(link):
    Invitation.objects.update(revoked_at="2026-03-02T10:00:00Z")
    response = Client().get(link)
    assert response.status_code == 404
    assert "niet (meer) geldig" in response.content.decode()


def test_unknown_link_shows_a_friendly_404(db):
    response = Client().get(reverse("accounts:accept_invitation", args=["verzonnen-token"]))
    assert response.status_code == 404
    assert "niet (meer) geldig" in response.content.decode()


def test_existing_account_joins_a_second_network_with_its_own_password(
    clock, coordinator, youth_work, viewer_for, django_capture_on_commit_callbacks
):
    # given someone who already has an account in another network
    elsewhere = network_factory("Voorbeeldstad Elders", "elders")
    existing = member_factory(elsewhere, role=Role.PROFESSIONAL)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            viewer=viewer_for(coordinator),
            organisation=youth_work,
            email=existing.user.email,
            full_name="Bestaand",
            role=Role.PROFESSIONAL,
        )
    link = invitation_link()
    # a new password cannot take over the existing account
    response = accept(Client(), link, "Overname-Poging-12345")
    assert response.status_code == 400
    assert "heeft al een account" in response.content.decode()
    assert existing.user.memberships.count() == 1
    # with the account's own password the membership is added
    client = Client()
    assert accept(client, link, PASSWORD).status_code == 302
    assert existing.user.memberships.filter(is_active=True).count() == 2
    # and the existing app is asked for, not a new enrolment
    assert post_code(client, code_for(existing.user)).status_code == 302


# --- no self-registration ---------------------------------------------------------------------


def test_there_is_no_self_registration(db):
    # the account pages are login, 2FA, logout, re-auth, invitations and settings; nothing to sign up
    names = {pattern.name for pattern in accounts_urls.urlpatterns}
    assert names == {
        "login",
        "oidc_start",  # sign-in with the organisation's accounts: it creates none either
        "oidc_callback",
        "two_factor",
        "logout",
        "reauth",
        "invite",
        "accept_invitation",
        "settings",
        "revoke_token",
        "recovery_codes",
        # a reset is started by the coordinator, never by the user (see the reset tests)
        "member_password_reset",
        "password_reset",
        "language",
    }
    for path in ("/account/registreren/", "/account/aanmelden/", "/registreren/", "/signup/"):
        assert Client().get(path).status_code in (302, 404), path
    login_page = Client().get(reverse("accounts:login")).content.decode().lower()
    assert "registreren" not in login_page and "account aanmaken" not in login_page
    # the invitation page needs a valid token: it cannot be used to sign up
    response = Client().post(
        reverse("accounts:accept_invitation", args=["zelf-verzonnen"]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 404
    assert not User.objects.exists()


def test_accepted_member_logs_in_normally_afterwards(clock, link):
    accept(Client(), link)
    user = User.objects.get(email="noor@voorbeeldstad.test")
    user.totp_secret = pyotp.random_base32()  # type: ignore[attr-defined]
    totp.set_known_secret(user, user.totp_secret)  # type: ignore[attr-defined]
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"email": "Noor@Voorbeeldstad.test", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert post_code(client, code_for(user)).status_code == 302
    assert client.get(reverse("networks:overview")).status_code == 200
