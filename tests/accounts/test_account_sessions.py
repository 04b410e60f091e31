"""Deactivation ends sessions and tokens at once; sessions expire after 30 minutes of inactivity;
sensitive actions (covenant changes, exports) need a re-authentication within 10 minutes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from account_helpers import code_for, full_login, post_password
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from factories import PASSWORD, member_factory, network_factory, organisation_factory

from lont.accounts import services, totp
from lont.accounts.models import RecoveryCode, User
from lont.networks.choices import PartnerType, Role
from lont.networks.models import Membership

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
REAUTH = reverse("accounts:reauth")
COVENANT_EDIT = reverse("networks:covenant_edit")
EXPORT = reverse("audit:export")


@pytest.fixture
def youth_work(network):
    return organisation_factory(network, "Stichting Jongerenwerk Test", PartnerType.YOUTH_WORK)


@pytest.fixture
def coordinator(network, youth_work):
    return member_factory(network, role=Role.COORDINATOR, organisation=youth_work)


@pytest.fixture
def colleague(network, youth_work):
    return member_factory(network, role=Role.PROFESSIONAL, organisation=youth_work)


def deactivate(client: Client, membership: Membership, reason: str = "Uit dienst"):
    return client.post(
        reverse("networks:member_deactivate", args=[membership.pk]), {"reason": reason}
    )


# --- deactivation -----------------------------------------------------------------------------


def test_deactivation_logs_the_member_out_at_once_and_kills_tokens(
    clock, coordinator, colleague, client_for, viewer_for
):
    # given a colleague who is logged in and has an API token
    victim = client_for(colleague)
    assert victim.get(reverse("networks:overview")).status_code == 200
    _token, raw = services.api_token_create(viewer=viewer_for(colleague), name="script")
    api = Client(HTTP_AUTHORIZATION=f"Token {raw}")
    assert api.get("/api/v1/networks/").status_code == 200
    # when their coordinator deactivates them
    response = deactivate(client_for(coordinator), colleague)
    assert response.status_code == 302
    # then their very next request is logged out
    response = victim.get(reverse("networks:overview"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    # and the token is refused
    assert api.get("/api/v1/networks/").status_code == 401
    colleague.refresh_from_db()
    assert colleague.is_active is False
    assert colleague.deactivated_at is not None
    assert colleague.api_tokens.get().revoked_at is not None
    # and the password no longer opens the account
    assert post_password(Client(), colleague.user.email).status_code == 400
    # and even if the account is reactivated later, the old session stays dead
    User.objects.filter(pk=colleague.user.pk).update(is_active=True)
    assert victim.get(reverse("networks:overview"))["Location"].startswith(LOGIN)


def test_deactivated_member_with_another_network_keeps_the_account_but_loses_sessions(
    clock, coordinator, colleague, client_for
):
    elsewhere = network_factory("Voorbeeldstad Elders", "elders")
    member_factory(elsewhere, user=colleague.user)
    victim = client_for(colleague)
    deactivate(client_for(coordinator), colleague)
    assert victim.get(reverse("networks:overview"))["Location"].startswith(LOGIN)
    user = colleague.user
    user.refresh_from_db()
    assert user.is_active is True
    # logging in again lands in the remaining network only
    client = Client()
    assert full_login(client, user).status_code == 302
    assert client.get(reverse("networks:overview")).context["viewer"].network == elsewhere


def test_coordinator_of_another_organisation_cannot_deactivate(
    clock, network, colleague, client_for
):
    school = organisation_factory(network, "Voorbeeldcollege Test", PartnerType.EDUCATION)
    other_coordinator = member_factory(network, role=Role.COORDINATOR, organisation=school)
    victim = client_for(colleague)
    response = deactivate(client_for(other_coordinator), colleague)
    assert response.status_code in (403, 404)
    colleague.refresh_from_db()
    assert colleague.is_active is True
    assert victim.get(reverse("networks:overview")).status_code == 200


def test_professional_cannot_deactivate(clock, network, youth_work, colleague, client_for):
    peer = member_factory(network, role=Role.PROFESSIONAL, organisation=youth_work)
    assert deactivate(client_for(peer), colleague).status_code == 403
    colleague.refresh_from_db()
    assert colleague.is_active is True


def test_nobody_can_deactivate_themselves(clock, coordinator, client_for):
    client = client_for(coordinator)
    response = deactivate(client, coordinator)
    assert response.status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active is True
    assert client.get(reverse("networks:overview")).status_code == 200


def test_director_can_deactivate_in_any_organisation(clock, network, colleague, client_for):
    director = member_factory(network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    assert deactivate(client_for(director), colleague).status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_active is False


def test_deactivation_needs_a_reason(clock, coordinator, colleague, client_for):
    response = deactivate(client_for(coordinator), colleague, reason="  ")
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_active is True


# --- inactivity -------------------------------------------------------------------------------


def test_session_settings_slide_and_end_after_thirty_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_ENGINE == "lont.accounts.sessions"
    assert settings.LONT_SESSION_REFRESH_SECONDS == 60
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_session_expires_after_thirty_minutes_of_inactivity(clock, colleague, client_for):
    client = client_for(colleague)
    clock.shift(30 * 60 + 1)
    response = client.get(reverse("networks:overview"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_activity_keeps_the_session_alive(clock, colleague, client_for):
    client = client_for(colleague)
    for _ in range(3):
        clock.shift(25 * 60)
        assert client.get(reverse("networks:overview")).status_code == 200
    clock.shift(31 * 60)
    assert client.get(reverse("networks:overview"))["Location"].startswith(LOGIN)


def stored_expiry(client: Client) -> datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def session_writes(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries if q["sql"].startswith('UPDATE "django_session"')]


def test_a_request_within_a_minute_of_the_last_renewal_writes_no_session(
    clock, colleague, client_for
):
    # given a session renewed just now
    client = client_for(colleague)
    client.get(reverse("networks:overview"))
    expiry = stored_expiry(client)
    # when the member opens pages for the next minute
    for _ in range(2):
        clock.shift(30)
        # then the session is read, not written: its expiry is at most a minute stale
        assert session_writes(client, reverse("networks:overview")) == []
    assert stored_expiry(client) == expiry


def test_a_stale_session_is_renewed_to_the_full_idle_timeout(clock, colleague, client_for):
    client = client_for(colleague)
    client.get(reverse("networks:overview"))
    clock.shift(61)
    assert len(session_writes(client, reverse("networks:overview"))) == 1
    assert stored_expiry(client) == timezone.now() + timedelta(seconds=30 * 60)


def test_a_session_ends_at_most_thirty_minutes_after_the_last_request(clock, colleague, client_for):
    # given a session renewed at t, and a request at t + 50 s that did not renew it
    client = client_for(colleague)
    client.get(reverse("networks:overview"))
    clock.shift(50)
    assert session_writes(client, reverse("networks:overview")) == []
    # when nothing happens until 30 minutes after the renewal (29 min 10 s after that request)
    clock.shift(30 * 60 - 50 + 1)
    # then the session has ended: the unwritten request never extended it beyond 30 minutes
    response = client.get(reverse("networks:overview"))
    assert response["Location"].startswith(LOGIN)


# --- re-authentication ------------------------------------------------------------------------


@pytest.fixture
def director(network):
    return member_factory(network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)


def reauth(client: Client, user: User, next_url: str, password: str = PASSWORD, code: str = ""):
    return client.post(
        REAUTH, {"password": password, "code": code or code_for(user), "next": next_url}
    )


def test_covenant_edit_asks_for_re_authentication(clock, director, client_for):
    client = client_for(director)
    response = client.get(COVENANT_EDIT)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTH)
    assert "next=%2Fnetwerk%2Fconvenant%2Fwijzigen%2F" in response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'type="password"' in page.content.decode()


def test_re_authentication_opens_covenant_edit_for_ten_minutes(clock, director, client_for):
    client = client_for(director)
    response = reauth(client, director.user, COVENANT_EDIT)
    assert response.status_code == 302
    assert response["Location"] == COVENANT_EDIT
    assert client.get(COVENANT_EDIT).status_code == 200
    clock.shift(9 * 60)
    assert client.get(COVENANT_EDIT).status_code == 200
    clock.shift(61)
    assert client.get(COVENANT_EDIT)["Location"].startswith(REAUTH)


def test_re_authentication_with_a_wrong_password_is_refused(clock, director, client_for):
    client = client_for(director)
    response = reauth(client, director.user, COVENANT_EDIT, password="Fout-Wachtwoord-123")
    assert response.status_code == 400
    assert "Het wachtwoord is onjuist." in response.content.decode()
    assert client.get(COVENANT_EDIT)["Location"].startswith(REAUTH)


def test_re_authentication_with_a_wrong_code_is_refused(clock, director, client_for):
    client = client_for(director)
    response = reauth(client, director.user, COVENANT_EDIT, code="000000")
    assert response.status_code == 400
    assert "Deze code klopt niet." in response.content.decode()
    assert client.get(COVENANT_EDIT)["Location"].startswith(REAUTH)


def test_re_authentication_code_cannot_be_replayed(clock, director, client_for):
    client = client_for(director)
    code = code_for(director.user)
    assert reauth(client, director.user, COVENANT_EDIT, code=code).status_code == 302
    other = client_for(director)
    assert reauth(other, director.user, COVENANT_EDIT, code=code).status_code == 400


def test_repeated_failed_re_authentication_ends_the_session(clock, director, client_for):
    client = client_for(director)
    for _ in range(5):
        reauth(client, director.user, COVENANT_EDIT, password="Fout-Wachtwoord-123")
    # the sixth try, even with the right password and code, is refused and signs out
    response = reauth(client, director.user, COVENANT_EDIT)
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert client.get(COVENANT_EDIT)["Location"].startswith(LOGIN)


def test_re_authentication_ignores_a_foreign_next(clock, director, client_for):
    client = client_for(director)
    response = reauth(client, director.user, "https://kwaadwillend.example/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_fresh_login_counts_as_re_authentication(clock, director):
    client = Client()
    assert full_login(client, director.user).status_code == 302
    assert client.get(COVENANT_EDIT).status_code == 200


def test_audit_export_asks_for_re_authentication(clock, network, client_for):
    officer = member_factory(
        network, partner_type=PartnerType.MUNICIPALITY, role=Role.PRIVACY_OFFICER
    )
    client = client_for(officer)
    response = client.get(EXPORT)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTH)
    assert reauth(client, officer.user, EXPORT)["Location"] == EXPORT
    export = client.get(EXPORT)
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    clock.shift(10 * 60 + 1)
    assert client.get(EXPORT)["Location"].startswith(REAUTH)


# --- recovery codes renewal and the technical admin -------------------------------------------


def test_new_recovery_codes_need_re_authentication_and_replace_the_old(
    clock, colleague, client_for
):
    old_codes = totp.recovery_codes_generate(colleague.user)
    client = client_for(colleague)
    renew = reverse("accounts:recovery_codes")
    response = client.post(renew)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTH)
    assert reauth(client, colleague.user, reverse("accounts:settings")).status_code == 302
    response = client.post(renew)
    assert response.status_code == 200
    assert response.content.decode().count("<li><code>") == 10
    assert RecoveryCode.objects.filter(user=colleague.user).count() == 10
    assert not totp.recovery_code_use(colleague.user, old_codes[0])


def test_the_admin_login_is_no_way_around_the_second_factor(clock, colleague):
    colleague.user.is_staff = True
    colleague.user.save()
    client = Client()
    # the admin's own login form is not served; the Lont login (with 2FA) is
    response = client.get("/beheer/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    response = client.post(
        "/beheer/login/", {"username": colleague.user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    # with the password only, the admin asks for the code first
    post_password(client, colleague.user.email)
    assert client.get("/beheer/")["Location"].startswith(reverse("accounts:two_factor"))


def test_the_admin_is_for_staff_only(clock, colleague, client_for):
    assert client_for(colleague).get("/beheer/").status_code == 403
    colleague.user.is_staff = True
    colleague.user.save()
    assert client_for(colleague).get("/beheer/").status_code == 200
