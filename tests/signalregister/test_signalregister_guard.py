"""The systematic-observation guard: warned before saving; police record an order or stop;
other partners hand over; the coordinator is notified; the FG sees counts without content."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from signalregister.signals_factories import signal_factory
from subjects.subjects_factories import person_factory

from lont.audit.models import ChangeLogEntry
from lont.networks.choices import PartnerType, Role
from lont.notifications.models import Notification
from lont.signalregister.models import GuardEvent, ProsecutorOrder, Signal

pytestmark = pytest.mark.django_db
SECRET = "Beschrijving die de FG nooit ziet 4411"


def _payload(person, **extra) -> dict:
    return {
        "observed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "source_type": "open_online",
        "platform": "TikTok",
        "description": SECRET,
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        "people-0-person": str(person.pk),
        "people-0-role": "involved",
        "drill_weapons_shown": "0",
        "drill_members_shown": "0",
        "drill_personal_attacks": "0",
        "request_outcome": "asked",
        **extra,
    }


@pytest.fixture
def world(make_member):
    """A person with two online signals of the same organisation in the last 30 days."""

    def build(partner_type: str):
        member = make_member(partner_type)
        coordinator = make_member(partner_type, role=Role.COORDINATOR)
        person = person_factory(member.organisation, alias="Zino")
        for days in (20, 3):
            signal_factory(
                member,
                observed_at=timezone.now() - dt.timedelta(days=days),
                people=[(person, "involved")],
            )
        return member, coordinator, person

    return build


def test_third_online_signal_warns_before_saving_and_notifies_the_coordinator(world, client_for):
    # given a youth worker whose organisation has two online signals about Zino in 30 days
    member, coordinator, person = world(PartnerType.YOUTH_WORK)
    # when they register a third one
    response = client_for(member).post(reverse("signalregister:create"), _payload(person))
    # then a warning is shown and nothing is saved
    assert response.status_code == 409
    body = response.content.decode()
    assert "stelselmatig" in body.lower() and "Doorgeven" in body
    assert Signal.objects.count() == 2
    # and the coordinator is notified, the crossing logged
    assert Notification.objects.filter(user=coordinator.user).count() == 1
    assert ChangeLogEntry.objects.filter(event="signal.guard_crossed").count() == 1
    assert GuardEvent.objects.get().outcome == GuardEvent.Outcome.WARNED


def test_non_police_hand_over_to_a_partner_with_the_power(world, client_for, make_member):
    member, _coordinator, person = world(PartnerType.YOUTH_WORK)
    police_coordinator = make_member(PartnerType.POLICE, role=Role.COORDINATOR)
    client = client_for(member)
    warning = client.post(reverse("signalregister:create"), _payload(person))
    event = GuardEvent.objects.get()
    # when they choose "doorgeven" to the police with a note
    response = client.post(
        reverse("signalregister:create"),
        _payload(
            person,
            guard_action="handover",
            guard_event=str(event.pk),
            to=str(police_coordinator.organisation_id),
            note="Zie de verhalen van Zino; graag jullie oordeel.",
        ),
    )
    # then nothing is saved, the handover is recorded and the police coordinator notified
    assert warning.status_code == 409 and response.status_code == 302
    assert Signal.objects.count() == 2
    event.refresh_from_db()
    assert event.outcome == GuardEvent.Outcome.HANDOVER
    assert event.handover_to_id == police_coordinator.organisation_id
    assert Notification.objects.filter(user=police_coordinator.user).exists()
    # and the police see it on their handover page
    page = client_for(police_coordinator).get(reverse("signalregister:handovers"))
    assert "graag jullie oordeel" in page.content.decode()


def test_non_police_cannot_record_an_order(world, client_for):
    member, _coordinator, person = world(PartnerType.YOUTH_WORK)
    client = client_for(member)
    client.post(reverse("signalregister:create"), _payload(person))
    event = GuardEvent.objects.get()
    response = client.post(
        reverse("signalregister:create"),
        _payload(
            person,
            guard_action="order",
            guard_event=str(event.pk),
            order_reference="OvJ-1",
            order_issued_on=timezone.localdate().isoformat(),
            order_scope="alles",
        ),
    )
    assert response.status_code == 403
    assert Signal.objects.count() == 2 and not ProsecutorOrder.objects.exists()


def test_police_record_a_prosecutor_order_and_then_save(world, client_for):
    # given a police officer at the threshold
    member, _coordinator, person = world(PartnerType.POLICE)
    client = client_for(member)
    assert client.post(reverse("signalregister:create"), _payload(person)).status_code == 409
    event = GuardEvent.objects.get()
    # when they record an order with an incomplete scope, then it is refused with a Dutch error
    bad = client.post(
        reverse("signalregister:create"),
        _payload(
            person,
            guard_action="order",
            guard_event=str(event.pk),
            order_reference="OvJ-2026-017",
            order_issued_on=timezone.localdate().isoformat(),
            order_scope="",
        ),
    )
    assert bad.status_code == 409 and Signal.objects.count() == 2
    # when they record a complete order
    response = client.post(
        reverse("signalregister:create"),
        _payload(
            person,
            guard_action="order",
            guard_event=str(event.pk),
            order_reference="OvJ-2026-017",
            order_issued_on=timezone.localdate().isoformat(),
            order_scope="Online uitingen van Zino, drie maanden",
        ),
    )
    # then the order is recorded, the event resolved and the signal saved
    assert response.status_code == 302
    assert Signal.objects.count() == 3
    order = ProsecutorOrder.objects.get()
    assert order.person_id == person.pk
    event.refresh_from_db()
    assert event.outcome == GuardEvent.Outcome.ORDER and event.order_id == order.pk
    # and a next signal is covered by the order without a warning
    again = client.post(reverse("signalregister:create"), _payload(person))
    assert again.status_code == 302 and Signal.objects.count() == 4


def test_police_may_stop(world, client_for):
    member, _coordinator, person = world(PartnerType.POLICE)
    client = client_for(member)
    client.post(reverse("signalregister:create"), _payload(person))
    event = GuardEvent.objects.get()
    response = client.post(
        reverse("signalregister:create"),
        _payload(person, guard_action="stop", guard_event=str(event.pk)),
    )
    assert response.status_code == 302 and Signal.objects.count() == 2
    event.refresh_from_db()
    assert event.outcome == GuardEvent.Outcome.STOPPED


def test_offline_signals_are_not_counted(world, client_for):
    member, _coordinator, person = world(PartnerType.YOUTH_WORK)
    response = client_for(member).post(
        reverse("signalregister:create"), _payload(person, source_type="own_offline")
    )
    assert response.status_code == 302 and Signal.objects.count() == 3


def test_fg_report_counts_without_content(world, client_for, make_member):
    member, _coordinator, person = world(PartnerType.YOUTH_WORK)
    client_for(member).post(reverse("signalregister:create"), _payload(person))
    fg = make_member(PartnerType.MUNICIPALITY, role=Role.PRIVACY_OFFICER)
    # when the FG opens the report
    response = client_for(fg).get(reverse("signalregister:guard_report"))
    # then it lists organisation and alias with counts, never the content
    body = response.content.decode()
    assert response.status_code == 200
    assert "Zino" in body and member.organisation.name in body
    assert SECRET not in body
    # and a professional may not open it
    assert client_for(member).get(reverse("signalregister:guard_report")).status_code == 403
