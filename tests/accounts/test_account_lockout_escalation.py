"""Escalating lockout and the retention of login attempts (issue 12, part 5)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from account_helpers import full_login, post_password
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from factories import member_factory

from lont.accounts.lockout import escalated_lock_seconds, purge_login_attempts
from lont.accounts.models import LoginAttempt
from lont.networks.choices import PartnerType, Role

WRONG = "Helemaal-Fout-Wachtwoord-1"
MINUTE = 60


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [
        (0, 0),
        (4, 0),
        (5, 15 * MINUTE),
        (9, 15 * MINUTE),
        (10, 30 * MINUTE),
        (15, 60 * MINUTE),
        (25, 240 * MINUTE),
        (500, 24 * 3600),
    ],
)
def test_each_block_of_failures_doubles_the_lock_up_to_a_day(failures: int, seconds: int) -> None:
    assert escalated_lock_seconds(failures_in_period=failures, threshold=5) == seconds


@pytest.fixture
def member(network):
    return member_factory(network, partner_type=PartnerType.YOUTH_WORK, role=Role.PROFESSIONAL)


def _fail(times: int, email: str) -> None:
    for _ in range(times):
        assert post_password(Client(), email, WRONG).status_code == 400


@pytest.mark.django_db
def test_guessing_again_after_the_first_lock_locks_twice_as_long(clock, member) -> None:
    email = member.user.email
    # given a first lock that has run out
    _fail(5, email)
    clock.shift(15 * MINUTE + 1)
    # when five more wrong passwords come in
    _fail(5, email)
    # then the account stays locked for 30 minutes after the last one, not 15
    clock.shift(29 * MINUTE)
    assert post_password(Client(), email).status_code == 429
    clock.shift(MINUTE + 1)
    assert post_password(Client(), email).status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_escalation(clock, member) -> None:
    email = member.user.email
    _fail(5, email)
    clock.shift(15 * MINUTE + 1)
    full_login(Client(), member.user)
    # after a success (password and second factor), five new failures are a first lock again (15 minutes)
    _fail(5, email)
    clock.shift(15 * MINUTE + 1)
    assert post_password(Client(), email).status_code == 302


@pytest.mark.django_db
def test_login_attempts_older_than_their_retention_are_deleted(clock, settings) -> None:
    settings.LONT_LOGIN_ATTEMPT_RETENTION_DAYS = 30
    now = timezone.now()
    old = LoginAttempt.objects.create(email="a@voorbeeldstad.test", at=now - timedelta(days=31))
    recent = LoginAttempt.objects.create(email="b@voorbeeldstad.test", at=now - timedelta(days=29))
    assert purge_login_attempts() == 1
    assert not LoginAttempt.objects.filter(pk=old.pk).exists()
    assert LoginAttempt.objects.filter(pk=recent.pk).exists()


@pytest.mark.django_db
def test_the_daily_command_reports_the_count(clock, capsys) -> None:
    LoginAttempt.objects.create(
        email="a@voorbeeldstad.test", at=timezone.now() - timedelta(days=90)
    )
    call_command("purge_login_attempts")
    assert "Verwijderd: 1 inlogpogingen." in capsys.readouterr().out
