"""A2 writes: exposure reports with check-ins and reminders, support pointers, the anonymous
stressor inventory. Guide, Nazorg: "Bied interne ondersteuning aan personeel …", points 1–5."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.choices import Role
from lont.networks.models import Membership
from lont.notifications.reminders import remind_once
from lont.notifications.services import notification_send

from ..choices import ReportStatus
from ..guide import STRESS_SCALE, STRESSOR_CODES
from ..models import (
    ExposureCheckIn,
    ExposureReport,
    StressorParticipation,
    StressorSurvey,
    StressorTally,
    SupportPointer,
)
from ._common import require_full, same_network, save

CHECK_IN_AFTER_DAYS = 7


def _coordinators(report: ExposureReport) -> list[Any]:
    with system_context("who coordinates the reporter's own organisation (to notify them)"):
        return [
            m.user
            for m in Membership.objects.filter(
                organisation_id=report.organisation_id, role=Role.COORDINATOR, is_active=True
            ).select_related("user")
            if m.user_id != report.reporter_id
        ]


def report_create(
    *, viewer: Viewer, data: dict[str, Any], today: dt.date | None = None
) -> ExposureReport:
    """A staff member reports their own exposure. Their coordinator is told that there is a
    report (never what it says) and a first check-in is planned."""
    if not viewer.reads_case_content:
        raise PermissionDenied(_("Uw rol kan hier geen melding doen."))
    today = today or timezone.localdate()
    with transaction.atomic():
        report = ExposureReport(
            network=viewer.network,
            organisation=viewer.organisation,
            reporter=viewer.user,
            kind=data["kind"],
            occurred_on=data["occurred_on"],
            description=data["description"],
            impact=data.get("impact", ""),
            support_wanted=data.get("support_wanted", ""),
        )
        if report.occurred_on > today:
            raise ValidationError({"occurred_on": _("Deze datum ligt in de toekomst.")})
        save(report)
        save(
            ExposureCheckIn(
                network=viewer.network,
                organisation=viewer.organisation,
                report=report,
                due_on=today + dt.timedelta(days=CHECK_IN_AFTER_DAYS),
            )
        )
        record_event(event="aftercare.report_created", obj=report, actor=viewer.user)
        for user in _coordinators(report):
            notification_send(
                user=user,
                text=_(
                    "Een medewerker van uw organisatie heeft een vertrouwelijke melding gedaan."
                ),
                url=reverse("aftercare:report_detail", args=[report.pk]),
                network=viewer.network,
            )
    return report


def checkin_plan(*, viewer: Viewer, report: ExposureReport, due_on: dt.date) -> ExposureCheckIn:
    require_full(viewer, report)
    with transaction.atomic():
        checkin = ExposureCheckIn(
            network=viewer.network, organisation=report.organisation, report=report, due_on=due_on
        )
        save(checkin)
        record_event(event="aftercare.checkin_planned", obj=checkin, actor=viewer.user)
    return checkin


def checkin_record(
    *, viewer: Viewer, checkin: ExposureCheckIn, note: str, today: dt.date | None = None
) -> ExposureCheckIn:
    require_full(viewer, checkin)
    if not note.strip():
        raise ValidationError({"note": _("Schrijf kort op hoe het gesprek ging.")})
    with transaction.atomic():
        checkin.done_on = today or timezone.localdate()
        checkin.note = note.strip()
        save(checkin)
        record_event(event="aftercare.checkin_held", obj=checkin, actor=viewer.user)
    return checkin


def report_close(*, viewer: Viewer, report: ExposureReport) -> ExposureReport:
    require_full(viewer, report)
    with transaction.atomic():
        report.status = ReportStatus.CLOSED
        save(report)
        record_event(event="aftercare.report_closed", obj=report, actor=viewer.user)
    return report


def checkins_remind(*, today: dt.date | None = None) -> int:
    """Daily: a check-in that is due reminds the reporter and their coordinators, once a day."""
    today = today or timezone.localdate()
    with system_context("daily reminders of staff check-ins"), transaction.atomic():
        due = (
            ExposureCheckIn.objects.filter(done_on__isnull=True, due_on__lte=today)
            .exclude(reminded_on=today)
            .select_related("report", "network")
            .select_for_update(of=("self",))
        )
        return remind_once(
            due,
            today=today,
            recipients=lambda c: [c.report.reporter, *_coordinators(c.report)],
            text=lambda c: (
                _("Er staat een nagesprek gepland (%(date)s).")
                % {"date": c.due_on.strftime("%d-%m-%Y")}
            ),
            url=lambda c: reverse("aftercare:report_detail", args=[c.report_id]),
        ).rows


def support_create(*, viewer: Viewer, data: dict[str, Any]) -> SupportPointer:
    if not viewer.can("members.manage"):
        raise PermissionDenied(_("Alleen een coördinator of de regisseur legt steunpunten vast."))
    with transaction.atomic():
        pointer = SupportPointer(
            network=viewer.network,
            organisation=viewer.organisation,
            kind=data["kind"],
            title=data["title"],
            how=data.get("how", ""),
        )
        save(pointer)
    return pointer


def survey_create(*, viewer: Viewer, data: dict[str, Any]) -> StressorSurvey:
    if not viewer.can("members.manage"):
        raise PermissionDenied(_("Alleen een coördinator of de regisseur zet een peiling uit."))
    if data["closes_on"] < data["opens_on"]:
        raise ValidationError({"closes_on": _("De sluitdatum ligt voor de startdatum.")})
    with transaction.atomic():
        survey = StressorSurvey(
            network=viewer.network,
            organisation=viewer.organisation,
            title=data["title"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
        )
        save(survey)
    return survey


def survey_answer(
    *,
    viewer: Viewer,
    survey: StressorSurvey,
    answers: dict[str, int],
    today: dt.date | None = None,
) -> None:
    """Answer anonymously: the participation is recorded (once per user) apart from the answers,
    which only raise counters. Nothing ties an answer to the person who gave it."""
    same_network(viewer, survey)
    today = today or timezone.localdate()
    if not survey.opens_on <= today <= survey.closes_on:
        raise ValidationError(_("Deze peiling is niet open."))
    scores = {value for value, _label in STRESS_SCALE}
    clean = {code: int(score) for code, score in answers.items() if code in STRESSOR_CODES}
    if not clean or any(score not in scores for score in clean.values()):
        raise ValidationError(_("Beantwoord de vragen met een van de gegeven antwoorden."))
    try:
        with transaction.atomic():
            StressorParticipation.objects.create(survey=survey, user=viewer.user)
            for code, score in sorted(clean.items()):
                tally, _created = StressorTally.objects.get_or_create(
                    survey=survey, stressor=code, score=score
                )
                StressorTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
    except IntegrityError:
        raise ValidationError(_("U heeft deze peiling al ingevuld.")) from None
