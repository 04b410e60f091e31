"""Expiry that cannot fail (principle 9, finding 7): every link to an expired person is deleted or
emptied, one transaction per person, counts logged without content."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from signalregister.signals_factories import signal_factory
from socialmap.socialmap_factories import contact_factory, link_factory
from subjects.subjects_factories import (
    group_factory,
    membership_factory,
    person_factory,
    person_relation_factory,
)

from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType
from lont.notifications.models import Notification
from lont.signalregister import services as signal_services
from lont.signalregister.models import (
    GuardEvent,
    ProsecutorOrder,
    Signal,
    SignalPerson,
    SignalRequest,
)
from lont.socialmap.models import ContactPersonLink
from lont.subjects import expiry, services
from lont.subjects.models import GroupAssessment, Person

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 2, 1)
ALIAS = "Vervlogen Kees"


def _expired(organisation, alias=ALIAS):
    return person_factory(organisation, alias=alias, review_date=dt.date(2026, 1, 1))


def test_finding_7_expiry_survives_linked_signal(make_member):
    # given a police officer's person who expired, linked everywhere the network can link them
    police = make_member(PartnerType.POLICE)
    viewer = Viewer(police)
    kees = _expired(police.organisation)
    other = person_factory(police.organisation, alias="Blijft", review_date=dt.date(2027, 1, 1))
    group = group_factory(police.organisation)
    membership_factory(group, kees)
    person_relation_factory(kees, other)
    assessment = GroupAssessment.objects.create(
        network=police.network,
        organisation=police.organisation,
        group=group,
        started_on=dt.date(2025, 6, 1),
    )
    assessment.prototypical_members.add(kees)
    link_factory(contact_factory(police.organisation), kees)
    signal = signal_factory(
        police,
        source_type="own_offline",
        platform="",
        people=[(kees, "possible_perpetrator"), (other, "involved")],
        drill_target_person=kees,
    )
    SignalRequest.objects.create(
        signal=signal, requester_person=kees, target_person=other, what="Kom ook", size="small"
    )
    order = signal_services.prosecutor_order_create(
        viewer=viewer,
        person=kees,
        reference="OvJ-2025-9",
        issued_on=dt.date(2025, 12, 1),
        scope="Online uitingen",
    )
    # ended before the expiry run: a valid order would hold the person (lont.retention)
    ProsecutorOrder.objects.filter(pk=order.pk).update(valid_until=dt.date(2026, 1, 15))
    GuardEvent.objects.create(
        network=police.network,
        organisation=police.organisation,
        person=kees,
        member=police,
        outcome=GuardEvent.Outcome.HANDOVER,
        handover_to=police.organisation,
        handover_note=f"Over {ALIAS}: zie zijn verhalen",
        order=order,
    )
    signal_services.notification_create(
        user=police.user, text=f"Nieuw over {ALIAS}", network=police.network
    )
    signal_services.notification_create(
        user=police.user, text="Bekijk deze persoon", url=kees.get_absolute_url()
    )
    signal_services.notification_create(user=police.user, text="Iets anders", url="/signalen/")
    before = set(ChangeLogEntry.objects.values_list("pk", flat=True))

    # when the expiry job runs
    counts = services.persons_expire(today=TODAY)

    # then the person is gone and nothing failed
    assert counts["persons"] == 1 and counts["failed"] == 0
    assert list(Person.objects.values_list("alias", flat=True)) == ["Blijft"]
    # and the signal keeps its meaning: an expired possible perpetrator, the other person intact
    signal = Signal.objects.get(pk=signal.pk)
    roles = {(p.person_id, p.role) for p in SignalPerson.objects.filter(signal=signal)}
    assert roles == {(None, "possible_perpetrator"), (other.pk, "involved")}
    assert signal.drill_target_person_id is None
    request = SignalRequest.objects.get()
    assert request.requester_person_id is None and request.target_person_id == other.pk
    # and the order is deleted, the guard event kept for the FG's count without person or note
    assert not ProsecutorOrder.objects.exists()
    event = GuardEvent.objects.get()
    assert event.person_id is None and event.handover_note == "" and event.order_id is None
    assert not ContactPersonLink.objects.exists()
    assert not assessment.prototypical_members.exists()
    # and notices that named the person or linked to their page are gone, others stay
    assert list(Notification.objects.values_list("text", flat=True)) == ["Iets anders"]
    # and the counts per kind are logged, with no alias or note anywhere in the new log rows
    assert counts["signalregister.SignalPerson.person"] == 1
    assert counts["signalregister.ProsecutorOrder.person"] == 1
    assert counts["notifications"] == 2
    new = ChangeLogEntry.objects.exclude(pk__in=before)
    assert new.get(event="subjects.persons_expired").after["persons"] == 1
    for entry in new:
        text = f"{entry.object_repr} {entry.before} {entry.after} {entry.reason}"
        assert ALIAS not in text and "zijn verhalen" not in text


def test_pages_and_api_show_an_expired_person_as_such(make_member, client_for):
    police = make_member(PartnerType.POLICE)
    kees = _expired(police.organisation)
    signal = signal_factory(
        police, source_type="own_offline", platform="", people=[(kees, "possible_perpetrator")]
    )
    services.persons_expire(today=TODAY)
    client = client_for(police)
    page = client.get(reverse("signalregister:detail", args=[signal.pk]))
    assert page.status_code == 200 and "Verlopen persoon" in page.content.decode()
    api = client.get(reverse("api:signal-detail", args=[signal.pk])).json()
    assert api["people"] == [{"person": None, "alias": None, "role": "possible_perpetrator"}]
    assert client.get(reverse("signalregister:guard_report")).status_code in (200, 403)


def test_a_failing_person_does_not_stop_the_others(make_member, monkeypatch, caplog):
    police = make_member(PartnerType.POLICE)
    first = _expired(police.organisation, "Eerste")
    _expired(police.organisation, "Tweede")
    real = expiry.expire_person

    def flaky(person):
        if person.pk == first.pk:
            real(person)  # writes, then fails: its own transaction must undo them
            raise RuntimeError(f"kapot bij {person.alias}")
        return real(person)

    monkeypatch.setattr(expiry, "expire_person", flaky)
    counts = services.persons_expire(today=TODAY)
    # the second person expired, the first is kept whole and counted as failed
    assert counts["persons"] == 1 and counts["failed"] == 1
    assert list(Person.objects.values_list("pk", flat=True)) == [first.pk]
    # and the log names the person by id and the error by type only
    assert f"#{first.pk}" in caplog.text and "RuntimeError" in caplog.text
    assert "Eerste" not in caplog.text and "Tweede" not in caplog.text


def test_every_link_to_a_person_has_a_declared_expiry_rule():
    # A new model pointing at Person must say what expiry does with it (delete or placeholder).
    assert expiry.undeclared() == []
    links = {f"{model._meta.label}.{name}" for model, name in expiry.person_links()}
    assert {
        "signalregister.SignalPerson.person",
        "signalregister.SignalRequest.requester_person",
        "signalregister.ProsecutorOrder.person",
        "signalregister.GuardEvent.person",
        "socialmap.ContactPersonLink.person",
        "subjects.GroupMembership.person",
        "subjects.PersonRelation.person_b",
    } <= links


def test_re_justified_meanwhile_is_not_expired(make_member):
    police = make_member(PartnerType.POLICE)
    kees = _expired(police.organisation)
    Person.objects.filter(pk=kees.pk).update(review_date=dt.date(2027, 1, 1))
    assert services.persons_expire(today=TODAY)["persons"] == 0
    assert Person.objects.filter(pk=kees.pk).exists()
