"""The systematic-observation guard: warned before saving; police record an order or stop;
other partners hand over; the coordinator is notified; the FG sees counts without content."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from signalregister.signals_factories import (
    at_guard_threshold,
    signal_factory,
    signal_form_data,
)
from subjects.subjects_factories import person_factory

from lont.audit.models import ChangeLogEntry
from lont.networks.choices import PartnerType, Role
from lont.notifications.models import Notification
from lont.signalregister.models import GuardEvent, ProsecutorOrder, Signal

pytestmark = pytest.mark.django_db
SECRET = "Beschrijving die de FG nooit ziet 4411"


def _payload(person, **extra) -> dict:
    defaults = {"source_type": "open_online", "platform": "TikTok", "description": SECRET}
    return signal_form_data(people=[(person, "involved")], **{**defaults, **extra})


@pytest.fixture
def world(make_member):
    """A person with two online signals of the same organisation in the last 30 days."""
    return lambda partner_type: at_guard_threshold(make_member, partner_type)


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
    # then it lists organisation and person number with counts, never the content or the alias
    body = response.content.decode()
    assert response.status_code == 200
    assert f"Persoon {person.pk}" in body and member.organisation.name in body
    assert "Zino" not in body
    assert SECRET not in body
    # and a professional may not open it
    assert client_for(member).get(reverse("signalregister:guard_report")).status_code == 403


def test_finding_4_handover_only_to_a_partner_with_criminal_law_powers(
    world, client_for, make_member
):
    from django.core.exceptions import ValidationError

    from lont.core.viewer import Viewer
    from lont.signalregister import services
    from lont.signalregister.forms import HandoverForm

    # given a youth worker at the threshold, a school mentor and a police coordinator
    member, _coordinator, person = world(PartnerType.YOUTH_WORK)
    school = make_member(PartnerType.EDUCATION, role=Role.COORDINATOR)
    police = make_member(PartnerType.POLICE, role=Role.COORDINATOR)
    client = client_for(member)
    warning = client.post(reverse("signalregister:create"), _payload(person))
    event = GuardEvent.objects.get()
    # then the handover form offers the police, not the school
    assert warning.status_code == 409
    offered = set(HandoverForm(viewer=Viewer(member)).fields["to"].queryset)
    assert police.organisation in offered and school.organisation not in offered
    assert school.organisation.name not in warning.content.decode()
    # when the page is forged to hand over to the school, nothing is handed over
    forged = client.post(
        reverse("signalregister:create"),
        _payload(
            person,
            guard_action="handover",
            guard_event=str(event.pk),
            to=str(school.organisation_id),
            note="Geheime overdracht 5521",
        ),
    )
    assert forged.status_code == 409
    event.refresh_from_db()
    assert event.outcome == GuardEvent.Outcome.WARNED
    # and the service refuses it with a Dutch reason (API and other callers alike)
    with pytest.raises(ValidationError, match="wettelijke bevoegdheid"):
        services.guard_handover(
            viewer=Viewer(member),
            guard_event_id=event.pk,
            to=school.organisation,
            note="Geheime overdracht 5521",
        )
    # and a handover stored before the rule is not shown to the school
    GuardEvent.objects.filter(pk=event.pk).update(
        outcome=GuardEvent.Outcome.HANDOVER,
        handover_to=school.organisation,
        handover_note="Geheime overdracht 5521",
    )
    page = client_for(school).get(reverse("signalregister:handovers")).content.decode()
    assert "Geheime overdracht 5521" not in page and "Zino" not in page


def _correction(signal, person, **extra) -> dict:
    return _payload(person, reason="Correctie", description=signal.description, **extra)


def test_correction_that_makes_a_signal_online_is_guarded_like_a_new_one(world, client_for):
    # given a youth worker with two online signals about Zino and a third, offline one
    member, coordinator, person = world(PartnerType.YOUTH_WORK)
    offline = signal_factory(
        member, source_type="own_offline", platform="", people=[(person, "involved")]
    )
    client = client_for(member)
    url = reverse("signalregister:edit", args=[offline.pk])
    # when they correct it to an open online source
    response = client.post(url, _correction(offline, person))
    # then the guard warns before anything is saved and the coordinator hears of it
    assert response.status_code == 409
    assert "stelselmatig" in response.content.decode().lower()
    offline.refresh_from_db()
    assert offline.source_type == "own_offline" and not offline.versions.exists()
    event = GuardEvent.objects.get()
    assert Notification.objects.filter(user=coordinator.user).count() == 1
    # and stopping leaves the signal as it was
    stop = client.post(
        url, _correction(offline, person, guard_action="stop", guard_event=str(event.pk))
    )
    assert stop.status_code == 302 and stop["Location"] == offline.get_absolute_url()
    event.refresh_from_db()
    offline.refresh_from_db()
    assert event.outcome == GuardEvent.Outcome.STOPPED
    assert offline.source_type == "own_offline" and not offline.versions.exists()


def test_correction_adding_a_person_lets_police_record_an_order(world, client_for):
    # given a police officer with two online signals about Zino and a third without him
    member, _coordinator, person = world(PartnerType.POLICE)
    other = person_factory(member.organisation, alias="Ander")
    third = signal_factory(member, people=[(other, "involved")])
    client = client_for(member)
    url = reverse("signalregister:edit", args=[third.pk])
    # when a correction adds Zino to it, the guard stops it
    assert client.post(url, _correction(third, person)).status_code == 409
    event = GuardEvent.objects.get()
    assert event.person_id == person.pk
    # when they record a prosecutor order, then the correction is saved
    response = client.post(
        url,
        _correction(
            third,
            person,
            guard_action="order",
            guard_event=str(event.pk),
            order_reference="OvJ-2026-031",
            order_issued_on=timezone.localdate().isoformat(),
            order_scope="Online uitingen van Zino, drie maanden",
        ),
    )
    assert response.status_code == 302
    third.refresh_from_db()
    assert [p.person_id for p in third.people.all()] == [person.pk]
    assert third.versions.count() == 1
    event.refresh_from_db()
    assert event.outcome == GuardEvent.Outcome.ORDER


def test_correction_that_adds_no_observation_is_not_stopped_again(world, viewer_for):
    from assessment_app.assessment_factories import signal_factory as unguarded_signal

    from lont.signalregister import services

    # given three online signals about Zino (the third stored before the guard existed)
    member, _coordinator, person = world(PartnerType.YOUTH_WORK)
    third = unguarded_signal(member, days_ago=1, people=((person, "involved"),), weights=())
    parts = services.SignalParts(people=[(person, "involved")])
    fields = {"description": "Typfout hersteld", "source_type": "open_online"}
    # when only its description is corrected, then it is saved
    services.signal_update(viewer=viewer_for(member), signal=third, fields=fields, parts=parts)
    assert third.versions.count() == 1
    # but moving its time counts as a new observation and is stopped like a new signal
    moved = {**fields, "observed_at": timezone.now() - dt.timedelta(hours=2)}
    with pytest.raises(services.GuardCrossed):
        services.signal_update(viewer=viewer_for(member), signal=third, fields=moved, parts=parts)
    assert third.versions.count() == 1
