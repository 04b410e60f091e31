"""Writes of the privacy officer's work: requests with four eyes, per-record outcomes, the
report's production (logged), and the DPIA annex."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.access import log_reads
from lont.audit.events import record_event
from lont.core.viewer import Viewer
from lont.networks.choices import Access, Role
from lont.networks.models import CovenantVersion, Network

from . import selectors
from .choices import DpiaStatus, Outcome, RequestKind, RequestStatus
from .grants import ReportGrant, issue_grant, may_approve, may_start
from .models import Dpia, DpiaRisk, RecordOutcome, SubjectRequest


@transaction.atomic
def request_start(
    *,
    viewer: Viewer,
    kind: str,
    received_on: dt.date,
    real_name: str = "",
    date_of_birth: str = "",
    note: str = "",
) -> SubjectRequest:
    if not may_start(viewer):
        raise PermissionDenied(_("Alleen de FG start een verzoek van een betrokkene."))
    if not real_name.strip() and not date_of_birth.strip():
        raise ValidationError(_("Geef de echte naam, de geboortedatum of allebei."))
    if date_of_birth.strip():
        try:
            dt.date.fromisoformat(date_of_birth.strip())
        except ValueError:
            raise ValidationError(
                {"date_of_birth": _("Geef de geboortedatum als JJJJ-MM-DD.")}
            ) from None
    request = SubjectRequest(
        network=viewer.network,
        kind=kind,
        received_on=received_on,
        real_name=" ".join(real_name.split()),
        date_of_birth=date_of_birth.strip(),
        note=note,
        requested_by=viewer.user,
    )
    request.full_clean()
    request.save()
    record_event(event="privacy.request_started", obj=request, details={"kind": kind})
    return request


@transaction.atomic
def request_approve(
    *, viewer: Viewer, request: SubjectRequest, approve: bool, reason: str = ""
) -> SubjectRequest:
    """The second pair of eyes: another privacy officer or the director, never the requester."""
    if request.requested_by_id == viewer.user.pk:
        raise PermissionDenied(_("U kunt uw eigen verzoek niet goedkeuren (vier ogen)."))
    if not may_approve(viewer, request):
        raise PermissionDenied(_("U kunt dit verzoek niet goedkeuren."))
    if not approve and not reason.strip():
        raise ValidationError(_("Geef een reden om het verzoek af te wijzen."))
    request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    request.approved_by = viewer.user if approve else None
    request.approved_at = timezone.now() if approve else None
    request.save()
    record_event(
        event="privacy.request_approved" if approve else "privacy.request_rejected",
        obj=request,
        reason=reason,
        details={"role": viewer.role},
    )
    return request


@transaction.atomic
def request_search(*, viewer: Viewer, request: SubjectRequest) -> list[Any]:
    """Run the approved search; one exact match is taken as the person at once."""
    grant = issue_grant(viewer, request)
    matches = selectors.matching_persons(grant)
    if len(matches) == 1 and request.person_id != matches[0].pk:
        request.person_id = matches[0].pk
        request.save(update_fields=["person_id"])
    record_event(event="privacy.request_searched", obj=request, details={"matches": len(matches)})
    return matches


@transaction.atomic
def request_choose_person(
    *, viewer: Viewer, request: SubjectRequest, person_id: int
) -> SubjectRequest:
    grant = issue_grant(viewer, request)
    if person_id not in {person.pk for person in selectors.matching_persons(grant)}:
        raise ValidationError(_("Deze persoon hoort niet bij de zoekresultaten van dit verzoek."))
    request.person_id = person_id
    request.save(update_fields=["person_id"])
    record_event(event="privacy.request_person_chosen", obj=request)
    return request


@transaction.atomic
def outcome_record(
    *,
    viewer: Viewer,
    request: SubjectRequest,
    object_type: str,
    object_id: str,
    outcome: str,
    exception: str = "",
    reason: str = "",
) -> RecordOutcome:
    """A correction's or erasure's result for one record, logged; a refusal says why."""
    grant = issue_grant(viewer, request)
    if request.kind == RequestKind.ACCESS:
        raise ValidationError(_("Een inzageverzoek heeft geen uitkomst per gegeven."))
    report = selectors.access_report(grant)
    if (object_type, object_id) not in {(r.object_type, r.object_id) for r in report.records}:
        raise ValidationError(_("Dit gegeven hoort niet bij de persoon van dit verzoek."))
    if outcome == Outcome.REFUSED and not reason.strip():
        raise ValidationError({"reason": _("Geef de reden van de weigering.")})
    row = RecordOutcome(
        request=request,
        object_type=object_type,
        object_id=object_id,
        outcome=outcome,
        exception=exception,
        reason=reason,
        decided_by=viewer.user,
    )
    row.full_clean()
    row.save()
    record_event(
        event="privacy.record_outcome",
        obj=request,
        reason=reason,
        details={
            "record": f"{object_type}#{object_id}",
            "outcome": outcome,
            "exception": exception,
        },
    )
    return row


def report_read(*, grant: ReportGrant, via: str, path: str = "") -> selectors.AccessReport:
    """The access report for the page, the PDF or the JSON: every record in it is access-logged
    (with the request as the purpose) and producing a file is an audit event."""
    report = selectors.access_report(grant)
    objects = [record.obj for record in report.records]
    purpose = f"verzoek #{grant.request.pk} ({grant.request.kind}, art. 15–17 AVG)"
    log_reads(grant.viewer, objects, via=via, path=path, purpose=purpose, level=Access.FULL)
    if via != "page":
        record_event(
            event="privacy.report_produced",
            obj=grant.request,
            details={"format": via, "records": len(objects)},
        )
    return report


@transaction.atomic
def request_close(*, viewer: Viewer, request: SubjectRequest) -> SubjectRequest:
    issue_grant(viewer, request)
    if viewer.role != Role.PRIVACY_OFFICER:
        raise PermissionDenied
    request.status = RequestStatus.CLOSED
    request.save(update_fields=["status"])
    record_event(event="privacy.request_closed", obj=request)
    return request


# The DPIA annex ------------------------------------------------------------------------------


def dpia_for(network: Network) -> Dpia:
    dpia, _created = Dpia.objects.get_or_create(network=network)
    return dpia


def _require_officer(viewer: Viewer) -> None:
    if viewer.role != Role.PRIVACY_OFFICER:
        raise PermissionDenied(_("Alleen de FG werkt de DPIA bij."))


@transaction.atomic
def dpia_add_risk(
    *, viewer: Viewer, risk: str, likelihood: str, impact: str, measure: str
) -> DpiaRisk:
    _require_officer(viewer)
    dpia = dpia_for(viewer.network)
    row = DpiaRisk(
        dpia=dpia,
        risk=risk,
        likelihood=likelihood,
        impact=impact,
        measure=measure,
        added_by=viewer.user,
    )
    row.full_clean()
    row.save()
    if dpia.status == DpiaStatus.SIGNED:  # a new risk re-opens the signed annex
        dpia.status = DpiaStatus.DRAFT
        dpia.save()
    return row


@transaction.atomic
def dpia_sign(*, viewer: Viewer) -> Dpia:
    """The FG signs the annex against the covenant version in force."""
    _require_officer(viewer)
    dpia = dpia_for(viewer.network)
    if not dpia.risks.exists():
        raise ValidationError(_("Voeg eerst de risico's met hun maatregelen toe."))
    version = viewer.network.active_covenant()
    dpia.status = DpiaStatus.SIGNED
    dpia.covenant_version = version
    dpia.signed_by = viewer.user
    dpia.signed_at = timezone.now()
    dpia.review_reason = ""
    dpia.save()
    record_event(
        event="privacy.dpia_signed",
        obj=dpia,
        details={"covenant": version.number if version else None},
    )
    return dpia


def dpia_covenant_changed(*, version: CovenantVersion, previous: CovenantVersion | None) -> None:
    """Called when a covenant version is activated: a change in sharing needs a new look."""
    if previous is None or previous.sharing == version.sharing:
        return
    dpia = Dpia.objects.filter(network_id=version.network_id).first()
    if dpia is None or dpia.status == DpiaStatus.NEEDS_REVIEW:
        return
    dpia.status = DpiaStatus.NEEDS_REVIEW
    dpia.review_reason = (
        f"Convenant v{version.number} wijzigt de deelafspraken (was v{previous.number})."
    )
    dpia.save()
