"""One builder per model that retention purges by its own date (named so it never shadows
``tests/factories.py``). A model that gets a delete or anonymise rule needs a builder here: the
registry test fails for it otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from signalregister.signals_factories import image_bytes, signal_factory, upload
from socialmap.socialmap_factories import contact_factory
from subjects.subjects_factories import (
    conflict_event_factory,
    group_factory,
    group_relation_factory,
    person_factory,
)

from lont.aftercare.models import (
    AdvisoryMember,
    AftercarePlan,
    Evaluation,
    ExposureReport,
    Rumour,
)
from lont.assessment.models import Action, CaseMeeting, Situation
from lont.networks.models import Membership
from lont.presence.models import ContactLog, PositiveActivity, ProfessionalAccount
from lont.signalregister.models import GuardEvent, ProsecutorOrder
from lont.subjects.models import GroupAssessment

DESCRIPTION = "Fictieve inhoud die nooit in een log mag staan"


def _signal(member: Membership) -> Any:
    # with an attachment: the registry test checks that no file outlives its row
    return signal_factory(member, description=DESCRIPTION, attachments=[upload(image_bytes())])


def _order(member: Membership) -> Any:
    today = timezone.localdate()
    return ProsecutorOrder.objects.create(
        network=member.network,
        organisation=member.organisation,
        person=person_factory(member.organisation),
        reference="OvJ-fictief",
        issued_on=today,
        valid_until=today + dt.timedelta(days=30),
        scope=DESCRIPTION,
        recorded_by=member,
    )


def _guard_event(member: Membership) -> Any:
    return GuardEvent.objects.create(
        network=member.network,
        organisation=member.organisation,
        person=person_factory(member.organisation),
        member=member,
        handover_note=DESCRIPTION,
    )


def _assessment(member: Membership) -> Any:
    return GroupAssessment.objects.create(
        network=member.network,
        organisation=member.organisation,
        group=group_factory(member.organisation),
        started_on=timezone.localdate(),
    )


def _relation(member: Membership) -> Any:
    org = member.organisation
    return group_relation_factory(group_factory(org), group_factory(org))


def _conflict(member: Membership) -> Any:
    relation = _relation(member)
    return conflict_event_factory(relation, date=timezone.localdate())


def _situation(member: Membership) -> Any:
    return Situation.objects.create(
        network=member.network, organisation=member.organisation, kind="rivalry", title="Fictief"
    )


def _meeting(member: Membership) -> Any:
    return CaseMeeting.objects.create(
        network=member.network,
        organisation=member.organisation,
        date=timezone.localdate(),
        chair=member.user,
    )


def _calendar_event(member: Membership) -> Any:
    from lont.core.viewer import Viewer
    from lont.riskcalendar.services import event_record

    return event_record(
        viewer=Viewer(member),
        network=member.network,
        kind="incident",
        occurred_at=timezone.now(),
        title=DESCRIPTION,
    )


def _calendar_window(member: Membership) -> Any:
    from lont.core.viewer import Viewer
    from lont.riskcalendar.services import window_create

    today = timezone.localdate()
    return window_create(
        viewer=Viewer(member), kind="event", title=DESCRIPTION, starts_on=today, ends_on=today
    )


def _account(member: Membership) -> Any:
    return ProfessionalAccount.objects.create(
        network=member.network,
        organisation=member.organisation,
        platform="Instagram",
        handle=f"@fictief.{ProfessionalAccount._base_manager.count()}",
    )


def _contact_log(member: Membership) -> Any:
    return ContactLog.objects.create(
        network=member.network,
        organisation=member.organisation,
        account=_account(member),
        group=group_factory(member.organisation),
        kind="like",
        on=timezone.localdate(),
    )


def _activity(member: Membership) -> Any:
    return PositiveActivity.objects.create(
        network=member.network,
        organisation=member.organisation,
        group=group_factory(member.organisation),
        kind="studio",
        title="Fictieve studiosessie",
        planned_on=timezone.localdate(),
        outcome=DESCRIPTION,
    )


def _action(member: Membership) -> Any:
    return Action.objects.create(
        network=member.network,
        organisation=member.organisation,
        owner=member.user,
        description=DESCRIPTION,
        due_date=timezone.localdate(),
        mode="offline",
    )


def _plan(member: Membership) -> Any:
    return AftercarePlan.objects.create(
        network=member.network,
        organisation=member.organisation,
        situation=_situation(member),
        title="Fictief",
        notes=DESCRIPTION,
    )


def _report(member: Membership) -> Any:
    return ExposureReport.objects.create(
        network=member.network,
        organisation=member.organisation,
        reporter=member.user,
        kind="threat",
        occurred_on=timezone.localdate(),
        description=DESCRIPTION,
    )


def _evaluation(member: Membership) -> Any:
    return Evaluation.objects.create(
        network=member.network,
        organisation=member.organisation,
        title="Fictief",
        spot_evaluation=DESCRIPTION,
        started_by=member.user,
    )


def _advisory(member: Membership) -> Any:
    return AdvisoryMember.objects.create(
        network=member.network,
        organisation=member.organisation,
        name="Fictief lid",
        represents="ouders",
        since=timezone.localdate(),
    )


def _rumour(member: Membership) -> Any:
    return Rumour.objects.create(
        network=member.network, organisation=member.organisation, claim=DESCRIPTION, where="chat"
    )


def _incident(member: Membership) -> Any:
    """A closed incident with rows beside it (its append-only log goes with it once closed)."""
    from lont.core.viewer import Viewer
    from lont.crisis import services as crisis

    viewer = Viewer(member)
    incident = crisis.incident_open(viewer=viewer, data={"title": "Incident", "reason": "Test"})
    crisis.task_add(viewer=viewer, incident=incident, data={"kind": "task", "description": "x"})
    crisis.incident_transition(
        viewer=viewer, incident=incident, to_state="gesloten", reason="Klaar"
    )
    return incident


BUILDERS: dict[str, Callable[[Membership], Any]] = {
    "crisis.Incident": _incident,
    "assessment.Action": _action,
    "aftercare.AftercarePlan": _plan,
    "aftercare.ExposureReport": _report,
    "aftercare.Evaluation": _evaluation,
    "aftercare.AdvisoryMember": _advisory,
    "aftercare.Rumour": _rumour,
    "signalregister.Signal": _signal,
    "signalregister.ProsecutorOrder": _order,
    "signalregister.GuardEvent": _guard_event,
    "subjects.Group": lambda member: group_factory(member.organisation),
    "subjects.GroupAssessment": _assessment,
    "subjects.GroupRelation": _relation,
    "subjects.ConflictEvent": _conflict,
    "assessment.Situation": _situation,
    "assessment.CaseMeeting": _meeting,
    "socialmap.Contact": lambda member: contact_factory(member.organisation),
    "riskcalendar.CalendarEvent": _calendar_event,
    "riskcalendar.RiskWindow": _calendar_window,
    "presence.ContactLog": _contact_log,
    "presence.PositiveActivity": _activity,
}
