"""The incident room's hand-over: an incident that enters *nazorg* opens its aftercare plan, and
the director's evaluation takes over the on-the-spot evaluation."""

from __future__ import annotations

import pytest
from crisis.crisis_factories import incident_factory
from django.urls import reverse

from lont.aftercare import services
from lont.aftercare.models import AftercarePlan, PlanTask
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.crisis.choices import IncidentState
from lont.crisis.services import incident_transition
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


def _to_aftercare(member, incident):
    viewer = Viewer(member)
    for state, extra in (
        (IncidentState.ACTIVE, {}),
        (IncidentState.SCALED_DOWN, {"spot_evaluation": "Ter plaatse: snel, maar laat gedeeld."}),
        (IncidentState.AFTERCARE, {}),
    ):
        incident = incident_transition(
            viewer=viewer, incident=incident, to_state=state, reason="Verder", **extra
        )
    return incident


def test_entering_aftercare_opens_the_seeded_plan_once(
    make_member, django_capture_on_commit_callbacks
):
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    with django_capture_on_commit_callbacks(execute=True):
        incident = _to_aftercare(director, incident_factory(director))
    with system_context("test"):
        plan = AftercarePlan.objects.get(incident=incident)
        assert PlanTask.objects.filter(plan=plan, step="dm").exists()
    assert services.plan_open_for_incident(incident=incident) == plan  # once per incident


def test_evaluation_is_prefilled_from_the_incident(
    make_member, client_for, django_capture_on_commit_callbacks
):
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    with django_capture_on_commit_callbacks(execute=True):
        incident = _to_aftercare(director, incident_factory(director))
    page = client_for(director).get(
        f"{reverse('aftercare:evaluation_start')}?incident={incident.pk}"
    )
    assert "Ter plaatse: snel, maar laat gedeeld." in page.content.decode()
    evaluation = services.evaluation_start(
        viewer=Viewer(director), title="Evaluatie kooi", incident=incident
    )
    assert evaluation.spot_evaluation == "Ter plaatse: snel, maar laat gedeeld."
    assert evaluation.incident == incident
