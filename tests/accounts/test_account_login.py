"""Login with e-mail, password and TOTP through the pages: errors, lockout, replay, recovery codes
and the enrolment of a first authenticator app."""

from __future__ import annotations

import re

import pytest
from account_helpers import code_for, full_login, post_code, post_password
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from factories import UserFactory, member_factory

from lont.accounts import totp
from lont.accounts.models import LoginAttempt, RecoveryCode, TOTPDevice
from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.core.policies import MEMBER, policy_of
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
TWO_FACTOR = reverse("accounts:two_factor")
WRONG = "Helemaal-Fout-Wachtwoord-1"
BAD_CREDENTIALS = "E-mailadres of wachtwoord is onjuist."
LOCKED = "Te veel mislukte inlogpogingen"
BAD_CODE = "Deze code klopt niet"


@pytest.fixture
def member(network):
    return member_factory(network, partner_type=PartnerType.YOUTH_WORK, role=Role.PROFESSIONAL)


# --- password step ---------------------------------------------------------------------------


def test_right_password_leads_to_the_second_factor_not_yet_in(clock, member):
    # given a member with an authenticator app
    client = Client()
    # when they give e-mail (in any case) and password
    response = post_password(client, member.user.email.upper())
    # then they go to the two-factor page, signed in but not verified
    assert response.status_code == 302
    assert response["Location"].startswith(TWO_FACTOR)
    assert client.session[SESSION_VERIFIED_KEY] is False
    assert client.get(reverse("networks:overview"))["Location"].startswith(TWO_FACTOR)


def test_wrong_password_gives_a_dutch_error_and_keeps_the_email(clock, member):
    client = Client()
    response = post_password(client, member.user.email, WRONG)
    assert response.status_code == 400
    html = response.content.decode()
    assert BAD_CREDENTIALS in html
    assert f'value="{member.user.email}"' in html
    assert WRONG not in html
    assert "_auth_user_id" not in client.session


def test_unknown_email_gets_exactly_the_same_answer(clock, member):
    client = Client()
    unknown = post_password(client, "niemand@voorbeeldstad.test", WRONG)
    known = post_password(client, member.user.email, WRONG)
    assert unknown.status_code == known.status_code == 400
    assert BAD_CREDENTIALS in unknown.content.decode()

    # the same error block: nothing tells whether the address exists
    def errors(response):
        return re.findall(r"E-mailadres of wachtwoord is onjuist\.", response.content.decode())

    assert errors(unknown) == errors(known)


def test_inactive_account_cannot_log_in(clock, member):
    member.user.is_active = False
    member.user.save()
    response = post_password(Client(), member.user.email)
    assert response.status_code == 400
    assert BAD_CREDENTIALS in response.content.decode()


def test_next_pointing_to_another_site_is_ignored(clock, member):
    client = Client()
    response = client.post(
        LOGIN,
        {
            "email": member.user.email,
            "password": "Correct-Horse-Battery-9",
            "next": "https://kwaadwillend.example/",
        },
    )
    assert response.status_code == 302
    assert "kwaadwillend" not in response["Location"]
    response = post_code(client, code_for(member.user), next_url="//kwaadwillend.example/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_requested_page_with_its_query_is_restored_after_login(clock, member):
    # given an anonymous visitor asking for a page with a query string
    client = Client()
    wanted = reverse("knowledge:index") + "?q=credible+messengers&fase=crisis"
    response = client.get(wanted)
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith(LOGIN)
    # when they log in through the redirect chain
    response = client.post(
        login_url, {"email": member.user.email, "password": "Correct-Horse-Battery-9"}
    )
    response = client.post(response["Location"], {"code": code_for(member.user)})
    # then they land on exactly that page, query included
    assert response.status_code == 302
    assert response["Location"] == wanted


# --- lockout ---------------------------------------------------------------------------------


def test_five_failures_lock_the_account_even_with_the_right_password(clock, member):
    client = Client()
    for _ in range(5):
        assert post_password(client, member.user.email, WRONG).status_code == 400
    # when the right password comes now
    response = post_password(client, member.user.email)
    # then the account is locked, with a Dutch explanation, and nobody is signed in
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock(clock, member):
    client = Client()
    for _ in range(4):
        post_password(client, member.user.email, WRONG)
    assert post_password(client, member.user.email).status_code == 302


def test_account_lockout_ends_after_fifteen_minutes(clock, member):
    client = Client()
    for _ in range(5):
        post_password(client, member.user.email, WRONG)
    clock.shift(14 * 60)
    assert post_password(client, member.user.email).status_code == 429
    clock.shift(61)
    assert post_password(client, member.user.email).status_code == 302


def test_account_lockout_holds_from_another_ip_address(clock, member):
    for _ in range(5):
        post_password(Client(), member.user.email, WRONG, REMOTE_ADDR="192.0.2.10")
    response = post_password(Client(), member.user.email, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429


def test_twenty_failures_from_one_ip_lock_every_account_from_that_ip(clock, member):
    # given 20 failed logins from one address, spread over many (unknown) accounts
    for n in range(20):
        post_password(Client(), f"gok{n}@voorbeeldstad.test", WRONG, REMOTE_ADDR="192.0.2.66")
    # then a real member from that address is refused, even with the right password
    assert post_password(Client(), member.user.email, REMOTE_ADDR="192.0.2.66").status_code == 429
    # and from another address the member logs in normally
    assert post_password(Client(), member.user.email, REMOTE_ADDR="192.0.2.67").status_code == 302
    clock.shift(15 * 60 + 1)
    assert post_password(Client(), member.user.email, REMOTE_ADDR="192.0.2.66").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_ip_lockout(clock, member):
    # given no trusted proxy: X-Forwarded-For is the client's own invention
    for n in range(20):
        post_password(
            Client(),
            f"gok{n}@voorbeeldstad.test",
            WRONG,
            REMOTE_ADDR="192.0.2.66",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    response = post_password(
        Client(), member.user.email, REMOTE_ADDR="192.0.2.66", HTTP_X_FORWARDED_FOR="10.9.9.9"
    )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_ip_counter(clock, member, settings):
    # given Lont behind one reverse proxy: every request comes from the proxy's address
    settings.LONT_TRUSTED_PROXIES = 1
    for n in range(20):
        post_password(
            Client(),
            f"gok{n}@voorbeeldstad.test",
            WRONG,
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )
    # then the attacker's address is locked, even when it prepends a forged address
    attacker = post_password(
        Client(),
        member.user.email,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5",
    )
    assert attacker.status_code == 429
    # and a member behind the same proxy, from elsewhere, still logs in
    member_login = post_password(
        Client(), member.user.email, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    assert member_login.status_code == 302
    assert LoginAttempt.objects.filter(ip_address="203.0.113.5").count() == 20


def test_wrong_totp_codes_count_towards_the_lockout(clock, member):
    client = Client()
    post_password(client, member.user.email)
    for _ in range(5):
        assert post_code(client, "000000").status_code == 400
    # the sixth attempt, even with the right code, ends the session
    response = post_code(client, code_for(member.user))
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session
    assert post_password(Client(), member.user.email).status_code == 429


def test_successful_login_clears_the_account_counter(clock, member):
    client = Client()
    for _ in range(4):
        post_password(client, member.user.email, WRONG)
    assert full_login(client, member.user).status_code == 302
    # four new failures after a success do not lock: the earlier ones were cleared
    for _ in range(4):
        post_password(Client(), member.user.email, WRONG)
    assert post_password(Client(), member.user.email).status_code == 302
    assert LoginAttempt.objects.filter(email=member.user.email, succeeded=False).count() == 4


# --- second factor ---------------------------------------------------------------------------


def test_full_login_with_password_and_code_opens_member_pages(clock, member):
    client = Client()
    post_password(client, member.user.email)
    page = client.get(TWO_FACTOR)
    assert page.status_code == 200
    assert "Voer de code van zes cijfers" in page.content.decode()
    response = post_code(client, code_for(member.user), next_url=reverse("networks:members"))
    assert response.status_code == 302
    assert response["Location"] == reverse("networks:members")
    assert client.session[SESSION_VERIFIED_KEY] is True
    assert client.get(reverse("networks:members")).status_code == 200


def test_a_code_cannot_be_used_twice(clock, member):
    code = code_for(member.user)
    first = Client()
    post_password(first, member.user.email)
    assert post_code(first, code).status_code == 302
    # when someone replays the same code in the same 30 seconds
    second = Client()
    post_password(second, member.user.email)
    response = post_code(second, code)
    # then it is refused
    assert response.status_code == 400
    assert BAD_CODE in response.content.decode()
    assert second.session[SESSION_VERIFIED_KEY] is False


def test_an_older_code_is_refused_after_a_newer_one_was_used(clock, member):
    client = Client()
    post_password(client, member.user.email)
    assert post_code(client, code_for(member.user, +1)).status_code == 302
    other = Client()
    post_password(other, member.user.email)
    assert post_code(other, code_for(member.user)).status_code == 400


@pytest.mark.parametrize(("steps", "accepted"), [(-1, True), (1, True), (-2, False), (2, False)])
def test_one_step_of_clock_drift_is_tolerated(clock, member, steps, accepted):
    client = Client()
    post_password(client, member.user.email)
    response = post_code(client, code_for(member.user, steps))
    assert (response.status_code == 302) is accepted


def test_code_with_spaces_is_accepted(clock, member):
    client = Client()
    post_password(client, member.user.email)
    code = code_for(member.user)
    assert post_code(client, f"{code[:3]} {code[3:]}").status_code == 302


def test_a_recovery_code_works_once(clock, member):
    codes = totp.recovery_codes_generate(member.user)
    client = Client()
    post_password(client, member.user.email)
    response = client.post(TWO_FACTOR, {"recovery_code": codes[0].upper()})
    assert response.status_code == 302
    assert client.get(reverse("networks:overview")).status_code == 200
    # the same code a second time
    again = Client()
    post_password(again, member.user.email)
    response = again.post(TWO_FACTOR, {"recovery_code": codes[0]})
    assert response.status_code == 400
    assert "Deze herstelcode is onjuist of al gebruikt." in response.content.decode()
    assert RecoveryCode.objects.filter(user=member.user, used_at__isnull=True).count() == 9


def test_recovery_codes_are_stored_hashed(member):
    codes = totp.recovery_codes_generate(member.user)
    stored = list(RecoveryCode.objects.filter(user=member.user).values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert not set(codes) & set(stored)
    assert not any(code in hashed for code in codes for hashed in stored)


def test_totp_secret_is_encrypted_at_rest(member):
    device = TOTPDevice.objects.get(user=member.user)
    assert member.user.totp_secret not in device.secret
    assert totp.device_secret(device) == member.user.totp_secret


# --- 2FA before anything else ----------------------------------------------------------------


def _member_urls() -> list[str]:
    """Every named URL whose view has the ``member`` policy, with placeholder arguments."""
    urls: list[str] = []

    def walk(patterns, namespace):  # type: ignore[no-untyped-def]
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = (
                    f"{namespace}:{entry.namespace}"
                    if entry.namespace and namespace
                    else (entry.namespace or namespace)
                )
                walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                if policy_of(entry.callback)[0] != MEMBER:
                    continue
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                converters = getattr(entry.pattern, "converters", {})
                groups = converters or dict.fromkeys(entry.pattern.regex.groupindex, None)
                kwargs = {
                    key: 1 if "Int" in type(conv).__name__ else "1" for key, conv in groups.items()
                }
                try:
                    urls.append(reverse(name, kwargs=kwargs))
                except NoReverseMatch:
                    continue

    walk(get_resolver().url_patterns, "")
    return sorted(set(urls))


def test_without_the_second_factor_every_member_page_redirects_to_it(clock, member, client_for):
    # given a member who gave the password but not yet the code
    client = client_for(member, verified=False)
    urls = _member_urls()
    assert len(urls) >= 10  # the enumeration really found the pages
    for url in urls:
        # when they open any member page, then they are sent to the two-factor page first
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(TWO_FACTOR), url


# --- enrolment of a first authenticator app ---------------------------------------------------


@pytest.fixture
def new_member(network):
    user = UserFactory(with_totp=False)
    return member_factory(network, role=Role.PROFESSIONAL, user=user)


def test_enrolment_shows_qr_and_secret_then_ten_recovery_codes_once(clock, new_member):
    import pyotp

    user = new_member.user
    client = Client()
    assert post_password(client, user.email).status_code == 302
    # when the new user opens the two-factor page
    page = client.get(TWO_FACTOR)
    html = page.content.decode()
    # then an inline SVG QR code and the secret are shown
    assert page.status_code == 200
    assert "<svg" in html and "<img" not in html.split("lont-qr", 1)[1].split("</div>", 1)[0]
    secret = totp.device_secret(TOTPDevice.objects.get(user=user))
    assert secret in html
    # and a reload keeps the same secret (the app was perhaps already scanned)
    assert secret in client.get(TWO_FACTOR).content.decode()
    # a wrong code does not confirm the app
    assert post_code(client, "123456").status_code == 400
    assert TOTPDevice.objects.get(user=user).confirmed_at is None
    # when confirming with a code from the app
    response = post_code(client, pyotp.TOTP(secret).now())
    # then ten recovery codes are shown, once
    assert response.status_code == 200
    codes = re.findall(
        r"<code>([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})</code>", response.content.decode()
    )
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=user).confirmed_at is not None
    assert client.session[SESSION_VERIFIED_KEY] is True
    account = client.get(reverse("accounts:settings")).content.decode()
    assert not any(code in account for code in codes)
    assert "10 herstelcodes over" in account
    assert client.get(TWO_FACTOR).status_code == 302


def test_enrolment_cannot_be_skipped(clock, new_member):
    client = Client()
    post_password(client, new_member.user.email)
    for name in ("networks:overview", "accounts:settings", "core:home"):
        assert client.get(reverse(name))["Location"].startswith(TWO_FACTOR)
    # a recovery code is no way around enrolment: there are none yet
    response = client.post(TWO_FACTOR, {"recovery_code": "abcd-abcd-abcd"})
    assert response.status_code == 400
    assert client.session[SESSION_VERIFIED_KEY] is False


def test_two_factor_page_needs_the_password_first(clock):
    response = Client().get(TWO_FACTOR)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_logout_ends_the_session(clock, member, client_for):
    client = client_for(member)
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("networks:overview"))["Location"].startswith(LOGIN)
