"""Principle 9 across the network: a victim or tipster is not linked as possible perpetrator
without the recording organisation's explicit, logged override (finding 8)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from signalregister.signals_factories import signal_factory, signal_form_data
from subjects.subjects_factories import person_factory

from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType
from lont.signalregister import services
from lont.signalregister.choices import PersonRole
from lont.signalregister.forms import PersonRoleForm
from lont.signalregister.models import Signal

pytestmark = pytest.mark.django_db


def _parts(person, role=PersonRole.POSSIBLE_PERPETRATOR, override=""):
    return services.SignalParts(people=[(person, role)], perpetrator_override=override)


def _fields():
    return {
        "observed_at": timezone.now(),
        "source_type": "own_offline",
        "description": "Fictief voorval bij het plein",
    }


def test_finding_8_victim_elsewhere_not_linked_as_possible_perpetrator(make_member, client_for):
    # given Mees, recorded by the youth worker, and a victim on a police signal
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    mees = person_factory(youth.organisation, alias="Mees")
    signal_factory(police, people=[(mees, PersonRole.VICTIM)])
    # when the police link Mees as possible perpetrator on another signal, even with a reason
    with pytest.raises(ValidationError, match="slachtoffer of tipgever"):
        services.signal_create(
            viewer=Viewer(police), fields=_fields(), parts=_parts(mees, override="Ik wil het")
        )
    # and through the page the picker's suggestions mark him and the save is refused with the
    # reason (the picker is a text field: its suggestions and the typed name's matches)
    suggestions = client_for(police).get(
        reverse("signalregister:person_options"),
        {"veld": "people-0-person_naam", "people-0-person_naam": "mee"},
    )
    assert "Mees (slachtoffer of tipgever" in suggestions.content.decode()
    form = PersonRoleForm(viewer=Viewer(police))
    labels = [
        form.fields["person"].label_from_instance(p) for p in form.fields["person"].search("mee")
    ]
    assert any("Mees" in label and "slachtoffer of tipgever" in label for label in labels)
    response = client_for(police).post(
        reverse("signalregister:create"),
        signal_form_data(people=[(mees, "possible_perpetrator")], description="Fictief voorval"),
    )
    assert response.status_code == 400 and "slachtoffer of tipgever" in response.content.decode()
    assert Signal.objects.count() == 1
    # then other roles stay possible
    services.signal_create(
        viewer=Viewer(police), fields=_fields(), parts=_parts(mees, PersonRole.INVOLVED)
    )


def test_owner_may_override_with_a_reason_and_it_is_logged(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    tipster = person_factory(youth.organisation, alias="Lot", involvement="tipgever")
    # without a reason the owner is refused too
    with pytest.raises(ValidationError, match="geef een reden"):
        services.signal_create(viewer=Viewer(youth), fields=_fields(), parts=_parts(tipster))
    # with a reason the link is made and the override is in the audit log
    signal = services.signal_create(
        viewer=Viewer(youth),
        fields=_fields(),
        parts=_parts(tipster, override="Zelf gezien dat Lot de oproep plaatste"),
    )
    assert signal.people.get().role == PersonRole.POSSIBLE_PERPETRATOR
    entry = ChangeLogEntry.objects.get(event="signal.perpetrator_override")
    assert entry.after["people"] == [tipster.pk] and entry.reason.startswith("Zelf gezien")
    # and a later correction that keeps the link is not asked again
    services.signal_update(
        viewer=Viewer(youth),
        signal=signal,
        fields={"description": "Typfout hersteld"},
        parts=_parts(tipster),
    )
    assert ChangeLogEntry.objects.filter(event="signal.perpetrator_override").count() == 1


def test_correction_cannot_turn_a_victim_elsewhere_into_a_perpetrator(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    mees = person_factory(youth.organisation, alias="Mees")
    signal_factory(youth, people=[(mees, PersonRole.VICTIM)])
    own = signal_factory(police, source_type="own_offline", people=[(mees, PersonRole.WITNESS)])
    with pytest.raises(ValidationError):
        services.signal_update(viewer=Viewer(police), signal=own, fields={}, parts=_parts(mees))
    assert own.people.get().role == PersonRole.WITNESS
