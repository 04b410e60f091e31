"""Signal services: category from source type, special data, retention, roles rule, corrections."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from signalregister.signals_factories import indicator_factory, signal_factory
from subjects.subjects_factories import group_factory, person_factory

from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import InformationCategory as C
from lont.networks.choices import PartnerType
from lont.signalregister import services
from lont.signalregister.choices import PersonRole, SourceType, SpecialData, Status
from lont.signalregister.models import Signal, SignalPerson, SignalVersion

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("source", "special", "category"),
    [
        (SourceType.OPEN_ONLINE, "", C.ONLINE_OPEN_SOURCE),
        (SourceType.SHARED_BY_YOUNG_PERSON, "", C.ONLINE_OPEN_SOURCE),
        (SourceType.OWN_OFFLINE, "", C.OWN_OBSERVATION),
        (SourceType.TIP_NAMED, "", C.TIP),
        (SourceType.TIP_ANONYMOUS, "", C.TIP),
        (SourceType.OTHER_PARTNER, "", C.ONLINE_OPEN_SOURCE),
        (SourceType.MEDIA, "", C.ONLINE_OPEN_SOURCE),
        (SourceType.OPEN_ONLINE, SpecialData.CRIMINAL, C.CRIMINAL),
        (SourceType.TIP_NAMED, SpecialData.CARE, C.CARE),
    ],
)
def test_category_follows_source_type_and_special_data_wins(make_member, source, special, category):
    # given a youth worker
    member = make_member()
    # when they register a signal of this source type
    signal = signal_factory(member, source_type=source, special_data=special)
    # then its category is derived, never chosen
    assert signal.category == category


@time_machine.travel(dt.datetime(2026, 3, 12, 10, tzinfo=dt.UTC), tick=False)
def test_retention_date_comes_from_the_covenant(make_member, network):
    member = make_member()
    days = network.active_covenant().retention_days[C.TIP]
    signal = signal_factory(member, source_type=SourceType.TIP_NAMED, observed_at=timezone.now())
    assert signal.retain_until == timezone.localdate() + dt.timedelta(days=days)


@pytest.mark.parametrize("protected", [PersonRole.VICTIM, PersonRole.WITNESS, PersonRole.TIPSTER])
def test_victim_witness_tipster_never_also_possible_perpetrator(make_member, protected):
    # given a person on a new signal as both protected role and possible perpetrator
    member = make_member()
    person = person_factory(member.organisation)
    # when registering, then it is refused and nothing is saved
    with pytest.raises(ValidationError):
        signal_factory(
            member,
            source_type=SourceType.OWN_OFFLINE,
            people=[(person, protected), (person, PersonRole.POSSIBLE_PERPETRATOR)],
        )
    assert Signal.objects.count() == 0


def test_involved_and_victim_may_be_different_people(make_member):
    member = make_member()
    first, second = person_factory(member.organisation), person_factory(member.organisation)
    signal = signal_factory(
        member,
        source_type=SourceType.OWN_OFFLINE,
        people=[(first, PersonRole.POSSIBLE_PERPETRATOR), (second, PersonRole.VICTIM)],
    )
    assert SignalPerson.objects.filter(signal=signal).count() == 2


def test_correction_keeps_the_previous_version_and_resyncs_children(make_member):
    # given an online signal with a group
    member = make_member()
    viewer = Viewer(member)
    group = group_factory(member.organisation)
    signal = signal_factory(member, description="Eerste versie", groups=[group])
    # when it is corrected to hold criminal-law data
    services.signal_update(
        viewer=viewer,
        signal=signal,
        fields={"description": "Tweede versie", "special_data": SpecialData.CRIMINAL},
        parts=services.SignalParts(groups=[group]),
        reason="Tikfout",
    )
    # then the previous state is a version, and children follow the new category
    signal.refresh_from_db()
    version = SignalVersion.objects.get(signal=signal)
    assert signal.description == "Tweede versie"
    assert signal.category == C.CRIMINAL
    assert version.number == 1 and version.snapshot["description"] == "Eerste versie"
    assert set(signal.groups.values_list("category", flat=True)) == {C.CRIMINAL}
    # and the change log never holds the description itself
    logged = ChangeLogEntry.objects.filter(object_type="signalregister.signal")
    assert "Tweede versie" not in str(list(logged.values_list("before", "after")))
    assert logged.filter(event="signal.corrected").exists()


def test_only_the_owner_corrects(make_member):
    owner = make_member()
    other = make_member(PartnerType.POLICE)
    signal = signal_factory(owner)
    with pytest.raises(PermissionDenied):
        services.signal_update(
            viewer=Viewer(other), signal=signal, fields={}, parts=services.SignalParts()
        )


def test_status_lifecycle_and_archive(make_member):
    member = make_member()
    signal = signal_factory(member)
    services.signal_set_status(viewer=Viewer(member), signal=signal, status=Status.DISCUSSED)
    services.signal_archive(viewer=Viewer(member), signal=signal)
    signal.refresh_from_db()
    assert signal.status == Status.ARCHIVED


def test_context_note_bounds(make_member):
    owner = make_member()
    police = make_member(PartnerType.POLICE)
    signal = signal_factory(owner, indicators=[indicator_factory(owner.network)])
    note = services.context_note_create(
        viewer=Viewer(police), signal=signal, adjustment=-2, reason="running gag in deze groep"
    )
    assert note.category == signal.category and note.signal_organisation_id == owner.organisation_id
    with pytest.raises(ValidationError):
        services.context_note_create(viewer=Viewer(police), signal=signal, adjustment=3, reason="x")
