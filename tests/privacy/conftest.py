from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from assessment_app.assessment_factories import situation_factory
from privacy.privacy_factories import BORN, REAL_NAME
from signalregister.signals_factories import signal_factory
from socialmap_factories import contact_factory, link_factory
from subjects_factories import group_factory, membership_factory, person_factory

from lont.assessment.models import Action
from lont.assessment.services import meetings as meeting_services
from lont.audit.access import log_reads
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role
from lont.signalregister.models import ProsecutorOrder


@pytest.fixture
def world(network: Any, make_member: Any) -> dict[str, Any]:
    officer = make_member(PartnerType.MUNICIPALITY, Role.PRIVACY_OFFICER)
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    police = make_member(PartnerType.POLICE)
    youth = make_member(PartnerType.YOUTH_WORK)
    person = person_factory(
        youth.organisation, alias="Vonk", real_name=REAL_NAME, date_of_birth=BORN
    )
    other = person_factory(youth.organisation, alias="Anders", real_name="Iemand Anders")
    signal = signal_factory(police, people=[(person, "involved")])
    group = group_factory(youth.organisation, name="De Kade")
    group_member = membership_factory(group, person)
    contact = contact_factory(youth.organisation)
    link = link_factory(contact, person)
    situation = situation_factory(youth, signal)
    meeting = meeting_services.meeting_create(
        viewer=Viewer(youth),
        data={
            "date": dt.date.today(),
            "participants": [police.organisation],
            "situations": [situation],
        },
    )
    item = meeting.items.get()
    action = Action.objects.create(
        network=network,
        organisation=youth.organisation,
        owner=youth.user,
        item=item,
        description="Gesprek met de jongere",
        due_date=dt.date.today(),
        mode="offline",
    )
    unrelated = signal_factory(police)  # about nobody in particular: not in the report
    log_reads(Viewer(police), [signal], via="page", purpose="voorbereiding casusoverleg")
    log_reads(Viewer(youth), [person], via="page", purpose="contact leggen")
    return {
        "officer": officer,
        "director": director,
        "police": police,
        "youth": youth,
        "person": person,
        "other": other,
        "signal": signal,
        "group": group,
        "group_member": group_member,
        "contact": contact,
        "link": link,
        "situation": situation,
        "item": item,
        "action": action,
        "unrelated": unrelated,
    }


@pytest.fixture
def order(world: dict[str, Any]) -> ProsecutorOrder:
    return ProsecutorOrder.objects.create(
        network=world["police"].network,
        organisation=world["police"].organisation,
        person=world["person"],
        reference="OvJ-2026-001",
        issued_on=world["person"].created_at.date(),
        scope="Onderzoek naar bedreiging",
        recorded_by=world["police"],
    )
