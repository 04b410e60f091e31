"""A1: the plan is seeded with the guide's steps; tasks are completed by their owner; tipster care
is seen only by the partner that holds the tip; the re-escalation watch shows new signals."""

from __future__ import annotations

import datetime as dt

import pytest
from aftercare.aftercare_factories import plan_factory, tip_factory
from assessment_app.assessment_factories import signal_factory
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lont.aftercare import selectors, services
from lont.aftercare.guide import NORMALISING, PLAN_STEPS
from lont.aftercare.models import PlanTask, TipsterCare
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access, PartnerType, Role
from lont.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth(make_member):
    return make_member(PartnerType.YOUTH_WORK)


def test_plan_is_seeded_with_every_step_of_the_guide(youth):
    plan = plan_factory(youth)
    steps = set(PlanTask.objects.filter(plan=plan).values_list("step", flat=True))
    assert steps == {s.code for s in PLAN_STEPS}
    # the six elements of normalising relations are six tasks
    assert len(NORMALISING) == 6
    dm = PlanTask.objects.get(plan=plan, step="dm")
    assert dm.owner == youth.user and dm.organisation == youth.organisation
    assert dm.due_date > dt.date(2000, 1, 1)


def test_owner_completes_a_task_with_a_result(youth, client_for):
    plan = plan_factory(youth)
    dm = PlanTask.objects.get(plan=plan, step="dm")
    url = reverse("aftercare:task_update", args=[dm.pk])
    # bad input: done without a result is refused, nothing changes, what was typed stays
    page = client_for(youth).post(url, {"status": "done", "result": ""})
    assert page.status_code == 400
    dm.refresh_from_db()
    assert dm.status == "open"
    page = client_for(youth).post(url, {"status": "done", "result": "DM verstuurd aan de groep"})
    assert page.status_code == 302
    dm.refresh_from_db()
    assert dm.status == "done" and dm.result == "DM verstuurd aan de groep"


def test_another_partner_cannot_complete_the_task(youth, make_member):
    police = make_member(PartnerType.POLICE)
    plan = plan_factory(youth)
    dm = PlanTask.objects.get(plan=plan, step="dm")
    with pytest.raises(PermissionDenied):
        services.task_update(viewer=Viewer(police), task=dm, status="done", result="x")


def test_tipster_care_only_for_the_partner_holding_the_tip(youth, make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    police = make_member(PartnerType.POLICE)
    plan = plan_factory(youth)
    tip = tip_factory(youth)
    care = services.tipster_care_open(
        viewer=Viewer(youth),
        plan=plan,
        signal=tip,
        data={"feedback_given": True, "wellbeing_note": "Slaapt slecht sinds het incident"},
    )
    assert access_for(Viewer(youth), care) == Access.FULL
    for other in (director, police):
        assert access_for(Viewer(other), care) == Access.NONE
        assert not TipsterCare.objects.for_viewer(Viewer(other)).exists()
    assert "Slaapt slecht" in client_for(youth).get(plan.get_absolute_url()).content.decode()
    assert "Slaapt slecht" not in client_for(director).get(plan.get_absolute_url()).content.decode()


def test_care_for_a_tip_of_another_partner_is_refused(youth, make_member):
    police = make_member(PartnerType.POLICE)
    plan = plan_factory(youth)
    tip = tip_factory(youth)
    with pytest.raises(PermissionDenied):
        services.tipster_care_open(viewer=Viewer(police), plan=plan, signal=tip, data={})


def test_escalation_watch_shows_new_signals_on_the_plan(youth, client_for):
    plan = plan_factory(youth)
    assert not selectors.escalation_watch(Viewer(youth), plan).escalated
    newer = signal_factory(youth, days_ago=0, description="Nieuwe oproep na het incident")
    newer.observed_at = plan.created_at + dt.timedelta(minutes=5)
    newer.save()
    from lont.assessment.services import situation_link_signals

    situation_link_signals(viewer=Viewer(youth), situation=plan.situation, signals=[newer])
    watch = selectors.escalation_watch(Viewer(youth), plan)
    assert watch.escalated and [s for s, _a in watch.new_signals] == [newer]
    assert (
        "Nieuwe oproep na het incident"
        in client_for(youth).get(plan.get_absolute_url()).content.decode()
    )


def test_future_perspective_is_written_in_the_persons_field(youth):
    from subjects.subjects_factories import person_factory

    plan = plan_factory(youth)
    person = person_factory(youth.organisation)
    services.perspective_add(
        viewer=Viewer(youth),
        plan=plan,
        person=person,
        data={
            "kind": "internship",
            "perspective": "Stage bij de fietsenmaker",
            "due_date": dt.date(2030, 1, 1),
        },
    )
    person.refresh_from_db()
    assert person.future_perspective == "Stage bij de fietsenmaker"


def test_task_reminder_notifies_without_content(youth):
    plan = plan_factory(youth)
    today = dt.date.today() + dt.timedelta(days=60)
    count = services.tasks_remind(today=today)
    assert count == PlanTask.objects.filter(plan=plan, owner__isnull=False).count()
    note = Notification.objects.filter(user=youth.user).first()
    assert note is not None and plan.title not in note.text
    assert services.tasks_remind(today=today) == 0  # once a day


def test_done_needs_a_result(youth):
    plan = plan_factory(youth)
    task = PlanTask.objects.filter(plan=plan).first()
    with pytest.raises(ValidationError):
        services.task_update(viewer=Viewer(youth), task=task, status="done", result=" ")
