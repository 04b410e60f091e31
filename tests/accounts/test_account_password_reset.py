"""Password reset through the coordinator (issue 12, part 5): no self-service; the reset ends every
session and token, removes the second factor, and the member re-enrols after a new password."""

from __future__ import annotations

import re
import time

import pyotp
import pytest
from account_helpers import code_for, post_code, post_password
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from factories import member_factory, organisation_factory

from lont.accounts import services, totp
from lont.accounts.models import KnownDevice, PasswordReset, RecoveryCode, TOTPDevice
from lont.accounts.reauth import SESSION_REAUTH_KEY
from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Herfstlicht-Over-De-Kade-9"
REASON = "Telefoon met authenticator-app verloren"


@pytest.fixture
def youth_work(network):
    return organisation_factory(network, "Jongerenwerk Herstel", PartnerType.YOUTH_WORK)


@pytest.fixture
def coordinator(network, youth_work):
    return member_factory(network, role=Role.COORDINATOR, organisation=youth_work)


@pytest.fixture
def worker(network, youth_work):
    return member_factory(network, role=Role.PROFESSIONAL, organisation=youth_work)


def _reauthenticated(client: Client) -> Client:
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()
    session.save()
    return client


def _link(message: str) -> str:
    match = re.search(r"https?://[^/\s]+(/account/herstel/[^/\s]+/)", message)
    assert match, message
    return match.group(1)


def test_the_coordinator_resets_and_the_member_chooses_a_password_and_reenrols(
    clock, coordinator, worker, client_for, django_capture_on_commit_callbacks
):
    worker_client = client_for(worker)
    assert worker_client.get(reverse("core:home")).status_code == 200
    url = reverse("accounts:member_password_reset", args=[worker.pk])
    coordinator_client = _reauthenticated(client_for(coordinator))
    # when the coordinator resets the worker's account with a reason
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url, {"reason": REASON})
    assert response.status_code == 302
    # then the worker's session has ended, the password and second factor are gone
    assert worker_client.get(reverse("core:home")).status_code == 302
    worker.user.refresh_from_db()
    assert not worker.user.has_usable_password()
    assert not TOTPDevice.objects.filter(user=worker.user).exists()
    assert not RecoveryCode.objects.filter(user=worker.user).exists()
    assert ChangeLogEntry.objects.filter(
        event="account.password_reset_started", reason=REASON, actor=coordinator.user
    ).exists()
    # and the worker got a one-time link by e-mail, with no content beyond the account
    assert mail.outbox[-1].to == [worker.user.email]
    link = _link(mail.outbox[-1].body)
    client = Client()
    assert client.get(link).status_code == 200
    response = client.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:two_factor")
    # then enrolment of a new authenticator app comes first
    assert client.get(reverse("accounts:two_factor")).status_code == 200
    assert TOTPDevice.objects.get(user=worker.user).confirmed_at is None
    # and the link works only once
    assert Client().get(link).status_code == 404
    worker.user.refresh_from_db()
    assert worker.user.check_password(NEW_PASSWORD)


def test_a_reset_needs_recent_reauthentication(coordinator, worker, client_for):
    url = reverse("accounts:member_password_reset", args=[worker.pk])
    response = client_for(coordinator).post(url, {"reason": REASON})
    assert response.status_code == 302 and reverse("accounts:reauth") in response["Location"]
    worker.user.refresh_from_db()
    assert worker.user.has_usable_password()


def test_a_reset_needs_a_reason_and_keeps_nothing_changed_without_one(
    coordinator, worker, client_for
):
    url = reverse("accounts:member_password_reset", args=[worker.pk])
    response = _reauthenticated(client_for(coordinator)).post(url, {"reason": "  "})
    assert response.status_code == 400
    assert "Geef een reden op" in response.content.decode()
    worker.user.refresh_from_db()
    assert worker.user.has_usable_password()


def test_a_professional_cannot_reset_anyone(network, youth_work, worker, client_for):
    colleague = member_factory(network, role=Role.PROFESSIONAL, organisation=youth_work)
    url = reverse("accounts:member_password_reset", args=[worker.pk])
    response = _reauthenticated(client_for(colleague)).post(url, {"reason": REASON})
    assert response.status_code == 403
    assert not PasswordReset.objects.exists()


def test_a_coordinator_resets_only_own_organisation_and_never_a_director(
    network, coordinator, youth_work
):
    other = member_factory(network, partner_type=PartnerType.POLICE, role=Role.PROFESSIONAL)
    director = member_factory(network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    viewer = Viewer(coordinator)
    for membership in (other, director, coordinator):
        with pytest.raises(PermissionDenied):
            services.password_reset_start(viewer=viewer, membership=membership, reason=REASON)
    assert not PasswordReset.objects.exists()


def test_a_newer_reset_makes_the_older_link_invalid(coordinator, worker, clock):
    viewer = Viewer(coordinator)
    _first, first_raw = services.password_reset_start(
        viewer=viewer, membership=worker, reason=REASON
    )
    _second, second_raw = services.password_reset_start(
        viewer=viewer, membership=worker, reason=REASON
    )
    assert services.password_reset_by_token(first_raw) is None
    assert services.password_reset_by_token(second_raw) is not None


def test_the_link_expires_after_a_day(coordinator, worker, clock):
    _reset, raw = services.password_reset_start(
        viewer=Viewer(coordinator), membership=worker, reason=REASON
    )
    clock.shift(24 * 3600 + 1)
    assert services.password_reset_by_token(raw) is None


def test_the_old_password_no_longer_works_after_a_reset(coordinator, worker, clock):
    services.password_reset_start(viewer=Viewer(coordinator), membership=worker, reason=REASON)
    assert post_password(Client(), worker.user.email).status_code == 400


def test_the_member_page_offers_the_reset_to_the_coordinator_only(
    network, coordinator, worker, youth_work, client_for
):
    detail = reverse("networks:member_detail", args=[worker.pk])
    reset = reverse("accounts:member_password_reset", args=[worker.pk])
    assert reset in client_for(coordinator).get(detail).content.decode()
    colleague = member_factory(network, role=Role.PROFESSIONAL, organisation=youth_work)
    assert reset not in client_for(colleague).get(detail).content.decode()


def test_enrolment_after_a_reset_gives_a_working_second_factor(coordinator, worker, clock):
    _reset, raw = services.password_reset_start(
        viewer=Viewer(coordinator), membership=worker, reason=REASON
    )
    client = Client()
    link = reverse("accounts:password_reset", args=[raw])
    client.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert client.get(reverse("accounts:two_factor")).status_code == 200
    secret = totp.device_secret(TOTPDevice.objects.get(user=worker.user))
    response = post_code(client, pyotp.TOTP(secret).now())
    # then the new app is confirmed and ten new recovery codes are shown
    assert response.status_code == 200
    assert TOTPDevice.objects.get(user=worker.user).confirmed_at is not None
    assert RecoveryCode.objects.filter(user=worker.user).count() == 10


# --- a login from a new browser is told to the user ---------------------------------------------

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _full_login(client: Client, user) -> None:
    assert post_password(client, user.email).status_code == 302
    assert post_code(client, code_for(user)).status_code == 302


def test_a_login_from_a_new_browser_mails_the_user_once(
    clock, worker, django_capture_on_commit_callbacks
):
    first = Client()
    with django_capture_on_commit_callbacks(execute=True):
        _full_login(first, worker.user)
    # the very first browser is no news
    assert mail.outbox == []
    # when the same browser logs in again, nothing is sent either
    clock.shift(3600)
    with django_capture_on_commit_callbacks(execute=True):
        _full_login(first, worker.user)
    assert mail.outbox == []
    # when another browser logs in
    clock.shift(3600)
    with django_capture_on_commit_callbacks(execute=True):
        _full_login(Client(HTTP_USER_AGENT=FIREFOX), worker.user)
    # then the user is told, with the kind of browser but no address
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Firefox op Windows" in body
    assert "127.0.0.1" not in body and "Mozilla/5.0" not in body
    assert KnownDevice.objects.filter(user=worker.user).count() == 2
