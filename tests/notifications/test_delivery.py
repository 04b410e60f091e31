"""Notification delivery (X6): per-user preferences, e-mail now or in a daily digest, a real SMTP
round trip, and the covenant's escalation lists for a level rise — never a canary in a notice or
an e-mail."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.core import mail
from django.urls import reverse
from smtp_support import local_smtp, parse

from lont.assessment import notify
from lont.networks.choices import PartnerType
from lont.notifications import events, services
from lont.notifications.choices import Delivery, EmailState
from lont.notifications.mail import send_digest
from lont.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db

CANARY = "KANARIE-7f3a"


def _send(member, event, text="Situatie ‘Plein’ steeg naar hoog.", run=None):
    with run(execute=True):
        return services.notification_send(
            user=member.user, text=text, url="/duiding/", network=member.network, event=event
        )


def test_immediate_sends_an_email_digest_waits_off_sends_nothing(
    make_member, django_capture_on_commit_callbacks
):
    member = make_member()
    run = django_capture_on_commit_callbacks
    services.preferences_set(
        user=member.user,
        choices={notify.TREND_BREAK: Delivery.DIGEST, notify.MEETING_SCHEDULED: Delivery.OFF},
    )
    assert _send(member, notify.LEVEL_ROSE, run=run) is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.user.email]
    digest = _send(member, notify.TREND_BREAK, run=run)
    assert digest is not None and digest.email_state == EmailState.PENDING_DIGEST
    assert _send(member, notify.MEETING_SCHEDULED, run=run) is None
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(user=member.user).count() == 2


def test_level_acute_cannot_be_switched_off(make_member, django_capture_on_commit_callbacks):
    member = make_member()
    services.preferences_set(user=member.user, choices={notify.LEVEL_ACUTE: Delivery.OFF})
    assert NotificationPreference.objects.get(user=member.user).delivery == Delivery.IMMEDIATE
    # even a row written around the service does not silence it
    NotificationPreference.objects.filter(user=member.user).update(delivery=Delivery.OFF)
    assert _send(member, notify.LEVEL_ACUTE, run=django_capture_on_commit_callbacks) is not None
    assert len(mail.outbox) == 1
    assert events.get(notify.LEVEL_ACUTE).may_switch_off is False


def test_preferences_page_saves_and_refuses_nonsense(make_member, client_for):
    member = make_member()
    client = client_for(member)
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200 and "kan niet uit" in page.content.decode()
    name = f"event-{notify.TREND_BREAK}"
    assert client.post(reverse("notifications:preferences"), {name: "digest"}).status_code == 302
    assert NotificationPreference.objects.get(user=member.user).delivery == "digest"
    bad = client.post(reverse("notifications:preferences"), {name: "altijd"})
    assert bad.status_code == 400
    assert NotificationPreference.objects.get(user=member.user).delivery == "digest"


def test_digest_groups_per_member_and_event_type(make_member, django_capture_on_commit_callbacks):
    a, b = make_member(), make_member()
    for member in (a, b):
        services.preferences_set(
            user=member.user,
            choices={notify.TREND_BREAK: Delivery.DIGEST, notify.ACTION_DUE: Delivery.DIGEST},
        )
    run = django_capture_on_commit_callbacks
    _send(a, notify.TREND_BREAK, "Situatie ‘Een’ laat 1 nieuwe trendbreuk(en) zien.", run)
    _send(a, notify.TREND_BREAK, "Situatie ‘Twee’ laat 2 nieuwe trendbreuk(en) zien.", run)
    _send(a, notify.ACTION_DUE, "Een actie van u is uiterlijk vandaag af.", run)
    _send(b, notify.ACTION_DUE, "Een actie van u is uiterlijk vandaag af.", run)
    assert mail.outbox == []

    assert send_digest() == 2
    by_to = {m.to[0]: m for m in mail.outbox}
    body = by_to[a.user.email].body
    assert "Nieuwe trendbreuk (2)" in body and "Actie verloopt of is verlopen (1)" in body
    assert body.index("‘Een’") < body.index("‘Twee’")
    assert "3 meldingen" in by_to[a.user.email].subject
    assert "1 melding" in by_to[b.user.email].subject
    # sent once
    assert send_digest() == 0
    assert not Notification.objects.filter(email_state=EmailState.PENDING_DIGEST).exists()


@pytest.fixture
def smtp_server(settings):
    with local_smtp(settings) as received:
        yield received


def test_escalation_list_decides_who_hears_a_rise_and_smtp_carries_no_canary(
    make_member, django_capture_on_commit_callbacks, smtp_server
):
    """At hoog the covenant informs municipality, police, youth work and education (their
    coordinators); the director always; a care coordinator and the privacy officer never."""
    youth = make_member(PartnerType.YOUTH_WORK)
    director = make_member(PartnerType.MUNICIPALITY, role="director")
    education = make_member(PartnerType.EDUCATION, role="coordinator")
    care = make_member(PartnerType.CARE, role="coordinator")
    officer = make_member(PartnerType.MUNICIPALITY, role="privacy_officer")
    police_professional = make_member(PartnerType.POLICE)  # a professional: not on the list
    situation = situation_factory(
        youth,
        signal_factory(youth, days_ago=0.1, description=CANARY),
        title="Kooi Stationsplein",
        description=CANARY,
    )
    assert situation.level == "verhoogd"
    second = signal_factory(
        youth, days_ago=0.1, weights=("strong", "fairly_strong"), description=CANARY
    )
    with django_capture_on_commit_callbacks(execute=True):
        situation.signals.add(second)
    situation.refresh_from_db()
    assert situation.level == "hoog"

    told = set(
        Notification.objects.filter(event=notify.LEVEL_ROSE).values_list("user_id", flat=True)
    )
    assert director.user_id in told and education.user_id in told
    assert youth.user_id in told  # the follower who opened it
    assert care.user_id not in told and officer.user_id not in told
    assert police_professional.user_id not in told
    texts = Notification.objects.values_list("text", flat=True)
    assert all(CANARY not in t and "#" not in t for t in texts)
    assert "Situatie ‘Kooi Stationsplein’ steeg van verhoogd naar hoog." in texts

    # the e-mails went through a real SMTP server: read them back
    messages = [parse(raw) for raw in smtp_server]
    recipients = {m["To"] for m, _body in messages}
    assert director.user.email in recipients and education.user.email in recipients
    for m, body in messages:
        assert CANARY not in body and CANARY not in m["Subject"]
        assert f"/duiding/situaties/{situation.pk}/" in body
        assert "Kooi Stationsplein" in body


def test_director_is_not_told_at_verhoogd_unless_following(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    director = make_member(PartnerType.MUNICIPALITY, role="director")
    situation = situation_factory(youth, signal_factory(youth, days_ago=0.1))
    told = {v.user.pk for v in notify.level_recipients(situation, "verhoogd")}
    assert director.user_id not in told
    assert {v.user.pk for v in notify.level_recipients(situation, "acuut")} >= {director.user_id}


def test_old_callers_without_event_still_work(make_member):
    member = make_member()
    note = services.notification_send(user=member.user, text="Zonder soort")
    assert note is not None and note.event == "" and mail.outbox == []
