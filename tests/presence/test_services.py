"""Professional online presence (P3) through its services: the roster, the contact log, the
activities warning, platform reviews and their reminders, and the signal's roster link."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lont.networks.choices import PartnerType, Role
from lont.notifications.models import Notification
from lont.presence import services
from lont.presence.choices import ASPECT_CODES, Channel, ContactKind
from lont.presence.models import ContactLog, PositiveActivity
from lont.signalregister.services import check_account

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def youth(make_member, viewer_for):
    return viewer_for(make_member(PartnerType.YOUTH_WORK))


@pytest.fixture
def police(make_member, viewer_for):
    return viewer_for(make_member(PartnerType.POLICE))


@pytest.fixture
def director(make_member, viewer_for):
    return viewer_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))


def test_a_roster_account_belongs_to_the_organisation_and_only_it_maintains_it(youth, police):
    # Given a youth worker's account on the roster
    account = services.account_create(
        viewer=youth, platform="Instagram", handle="@jw.noord", member=youth.membership
    )
    assert account.organisation_id == youth.organisation.pk
    # When the police tries to change it or log contacts on it, then refused
    with pytest.raises(PermissionDenied):
        services.account_update(viewer=police, account=account, active=False)
    with pytest.raises(PermissionDenied):
        services.contact_log(
            viewer=police, account=account, kind=ContactKind.LIKE, on=timezone.localdate()
        )
    # And the same handle on the same platform cannot be registered twice
    with pytest.raises(ValidationError):
        services.account_create(viewer=police, platform="instagram", handle="@JW.noord")


@time_machine.travel(NOW, tick=False)
def test_the_contact_log_keeps_counts_and_dates_never_content(youth):
    account = services.account_create(viewer=youth, platform="TikTok", handle="@jw_tt")
    for kind in (ContactKind.LIKE, ContactKind.DM, ContactKind.POLL):
        services.contact_log(viewer=youth, account=account, kind=kind, count=2, on=NOW.date())
    assert ContactLog.objects.count() == 3
    text_fields = [
        f.name
        for f in ContactLog._meta.concrete_fields
        if f.get_internal_type() in ("CharField", "TextField") and not f.choices
    ]
    assert text_fields == []
    with pytest.raises(ValidationError):
        services.contact_log(
            viewer=youth, account=account, kind=ContactKind.LIKE, on=NOW.date() + dt.timedelta(1)
        )


def test_an_emotionally_loaded_topic_online_is_warned_and_needs_confirmation(youth):
    data = {
        "title": "Gesprek over de uitspraak",
        "kind": "meeting",
        "planned_on": dt.date(2026, 4, 1),
        "channel": Channel.ONLINE,
        "topic": "Slecht nieuws: de uitspraak in de zaak",
    }
    with pytest.raises(ValidationError) as refused:
        services.activity_save(viewer=youth, **data)
    assert "fysieke bijeenkomst" in str(refused.value)
    assert PositiveActivity.objects.count() == 0
    services.activity_save(viewer=youth, **{**data, "channel": Channel.OFFLINE})
    services.activity_save(viewer=youth, confirm_online=True, **data)
    assert PositiveActivity.objects.count() == 2


@time_machine.travel(NOW, tick=False)
def test_a_review_sets_the_assessment_and_a_due_review_is_reminded_once(director, youth):
    platform = services.platform_save(
        viewer=director,
        name="Snapchat",
        ephemeral=True,
        review_interval_days=90,
        review_owner=youth.membership,
    )
    aspects = dict.fromkeys(ASPECT_CODES, 2)
    services.platform_review(
        viewer=director,
        platform=platform,
        aspects=aspects,
        reviewed_on=NOW.date() - dt.timedelta(days=100),
    )
    platform.refresh_from_db()
    assert platform.aspects == aspects
    assert platform.next_review == NOW.date() - dt.timedelta(days=10)
    assert services.send_review_reminders() == 1
    assert services.send_review_reminders() == 0
    note = Notification.objects.get(user=youth.user)
    assert "Snapchat" in note.text and note.url.endswith(f"/platforms/{platform.pk}/")
    # A new review closes the reminder
    services.platform_review(viewer=director, platform=platform, aspects=aspects)
    platform.refresh_from_db()
    assert not platform.review_due(NOW.date())


def test_only_coordinators_and_the_director_keep_the_register(youth):
    with pytest.raises(PermissionDenied):
        services.platform_save(viewer=youth, name="Discord")


def test_a_signal_names_an_active_account_of_its_own_organisation(youth, police):
    own = services.account_create(viewer=youth, platform="Instagram", handle="@jw")
    other = services.account_create(viewer=police, platform="Instagram", handle="@wijkagent")
    check_account(youth, own)
    with pytest.raises(ValidationError):
        check_account(youth, other)
    services.account_update(viewer=youth, account=own, active=False)
    with pytest.raises(ValidationError):
        check_account(youth, own)
    check_account(youth, own, before_id=own.pk)  # a stored link may stay
