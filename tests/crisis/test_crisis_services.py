"""The incident's rules: opening, transitions with who/when/why, the plan's deliberate choices."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from crisis_factories import incident_factory
from django.core.exceptions import PermissionDenied, ValidationError

from lont.core.viewer import Viewer
from lont.crisis import events, services
from lont.crisis.choices import IncidentState, LogKind
from lont.crisis.models import IncidentLogEntry
from lont.networks.choices import PartnerType, Role
from lont.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _situation_at(member, level):
    situation = situation_factory(member)
    situation.level = level
    situation.save()
    return situation


def test_open_from_situation_needs_high_or_acute(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    low = _situation_at(youth, "laag")
    with pytest.raises(ValidationError):
        services.incident_open(viewer=Viewer(youth), data={"title": "X"}, situation=low)
    acute = _situation_at(youth, "acuut")
    incident = services.incident_open(
        viewer=Viewer(youth), data={"title": "Kooi", "reason": "Oproep"}, situation=acute
    )
    assert incident.origin == "situation" and incident.level == "acuut"
    entry = IncidentLogEntry.objects.get(incident=incident)
    assert entry.kind == LogKind.STATE and entry.to_state == IncidentState.REPORTED
    assert entry.author == youth.user and entry.text == "Oproep"


def test_open_from_signal(make_member):
    police = make_member(PartnerType.POLICE)
    signal = signal_factory(police)
    incident = services.incident_open(viewer=Viewer(police), data={"title": "S"}, signal=signal)
    assert incident.origin == "signal" and incident.signal == signal


def test_observer_may_not_open(make_member):
    observer = make_member(PartnerType.EDUCATION, role=Role.OBSERVER)
    with pytest.raises(PermissionDenied):
        incident_factory(observer)


def test_opening_notifies_who_may_see_it_without_content(
    make_member, django_capture_on_commit_callbacks
):
    youth = make_member(PartnerType.YOUTH_WORK)
    colleague = make_member(PartnerType.YOUTH_WORK, organisation=youth.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        incident = incident_factory(youth)
    note = Notification.objects.get(user=colleague.user)
    assert incident.title in note.text and "#" not in note.text
    assert not Notification.objects.filter(user=youth.user).exists()


def test_transitions_record_who_when_why(make_member, django_capture_on_commit_callbacks):
    youth = make_member(PartnerType.YOUTH_WORK)
    viewer = Viewer(youth)
    incident = incident_factory(youth)
    with pytest.raises(ValidationError):
        services.incident_transition(
            viewer=viewer, incident=incident, to_state="nazorg", reason="x"
        )
    with pytest.raises(ValidationError):
        services.incident_transition(
            viewer=viewer, incident=incident, to_state="actief", reason=" "
        )
    services.incident_transition(
        viewer=viewer, incident=incident, to_state="actief", reason="Oproep bevestigd"
    )
    # scaling down asks for the on-the-spot evaluation
    with pytest.raises(ValidationError) as refused:
        services.incident_transition(
            viewer=viewer, incident=incident, to_state="afgeschaald", reason="Rustig"
        )
    assert "spot_evaluation" in refused.value.error_dict
    services.incident_transition(
        viewer=viewer,
        incident=incident,
        to_state="afgeschaald",
        reason="Rustig",
        spot_evaluation="Posities werkten; de oproep verspreidde zich minder.",
    )
    received = []

    def listener(sender, incident, **kwargs):
        received.append(incident)

    events.incident_entered_aftercare.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.incident_transition(
                viewer=viewer, incident=incident, to_state="nazorg", reason="Over"
            )
    finally:
        events.incident_entered_aftercare.disconnect(listener)
    assert received == [incident]
    states = list(
        IncidentLogEntry.objects.filter(incident=incident, kind=LogKind.STATE)
        .order_by("pk")
        .values_list("from_state", "to_state", "text")
    )
    assert states[1:] == [
        ("gemeld", "actief", "Oproep bevestigd"),
        ("actief", "afgeschaald", "Rustig"),
        ("afgeschaald", "nazorg", "Over"),
    ]
    incident.refresh_from_db()
    assert incident.spot_evaluation.startswith("Posities werkten")


def test_plan_needs_safety_first_and_a_reason_per_choice(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    viewer = Viewer(youth)
    incident = incident_factory(youth)
    with pytest.raises(ValidationError) as refused:
        services.incident_plan(viewer=viewer, incident=incident, data={"act": "niets"})
    assert {"safety_first", "act_reason"} <= set(refused.value.error_dict)
    incident.refresh_from_db()
    assert incident.act == ""
    services.incident_plan(
        viewer=viewer,
        incident=incident,
        data={
            "safety_first": True,
            "act": "niets",
            "act_reason": "Ingrijpen zou de oproep groter maken.",
            "timing": "preventief",
            "timing_reason": "Bemiddeling aangeboden",
            "mediation_offered": True,
        },
    )
    incident.refresh_from_db()
    assert incident.act == "niets" and incident.mediation_offered
    decision = IncidentLogEntry.objects.get(incident=incident, kind=LogKind.DECISION)
    assert "Bewust niet ingrijpen" in decision.text


def test_summary_reader_cannot_write(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    other = make_member(PartnerType.EDUCATION)
    with pytest.raises(PermissionDenied):
        services.log_add(viewer=Viewer(other), incident=incident, text="Ik zag iets")
