"""The one exception to "the privacy officer reads no case content" (visibility rule 2).

An approved data-subject request opens a *request-scoped grant*: for that request only, its two
named people (the privacy officer who started it and the person who approved it) may search the
network's persons and read what the network holds about the one person found. The selectors in
:mod:`lont.privacy.selectors` that read across partners accept nothing but a :class:`ReportGrant`,
and a grant is only issued here — so "approved, and you are one of the four eyes" is checked in
one place, not in each view, and without approval nothing can be searched or shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lont.core.viewer import Viewer
from lont.networks.choices import Role

from .choices import RequestStatus
from .models import SubjectRequest

_ISSUER = object()

# Who may start a request, and who may be the second pair of eyes. The director may approve
# because many networks have one FG (the covenant names "the appointed FG"); a second privacy
# officer may approve where there is one. Both are outside the partners that hold the records.
STARTERS = frozenset({Role.PRIVACY_OFFICER})
APPROVERS = frozenset({Role.PRIVACY_OFFICER, Role.DIRECTOR})


@dataclass(frozen=True)
class ReportGrant:
    viewer: Viewer
    request: SubjectRequest
    _issuer: object = field(repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if self._issuer is not _ISSUER:
            raise PermissionDenied("A ReportGrant is issued by lont.privacy.grants.issue_grant.")

    @property
    def network_id(self) -> int:
        return self.request.network_id

    @property
    def reason(self) -> str:
        """For the access log and, after the merge, ``system_context``."""
        return f"access request {self.request.pk}"


def may_start(viewer: Viewer) -> bool:
    return viewer.role in STARTERS


def may_approve(viewer: Viewer, request: SubjectRequest) -> bool:
    return (
        viewer.role in APPROVERS
        and request.network_id == viewer.network.pk
        and request.status == RequestStatus.AWAITING_APPROVAL
        and request.requested_by_id != viewer.user.pk
    )


def is_party(viewer: Viewer, request: SubjectRequest) -> bool:
    """One of the request's four eyes: its privacy officer or its approver."""
    return request.network_id == viewer.network.pk and viewer.user.pk in {
        request.requested_by_id,
        request.approved_by_id,
    }


def may_see_request(viewer: Viewer, request: SubjectRequest) -> bool:
    """The request's existence and status (no details of the person): privacy officers of the
    network, and directors who may approve it or did."""
    if request.network_id != viewer.network.pk:
        return False
    return (
        viewer.role == Role.PRIVACY_OFFICER
        or is_party(viewer, request)
        or may_approve(viewer, request)
    )


def issue_grant(viewer: Viewer, request: SubjectRequest) -> ReportGrant:
    """The grant for an approved request, for one of its two people; refused otherwise."""
    if request.status not in {RequestStatus.APPROVED, RequestStatus.CLOSED}:
        raise PermissionDenied(_("Dit verzoek is nog niet goedgekeurd door een tweede persoon."))
    if request.approved_by_id is None or request.approved_by_id == request.requested_by_id:
        raise PermissionDenied(_("Dit verzoek heeft geen geldige tweede goedkeuring."))
    if not is_party(viewer, request) or viewer.role not in APPROVERS:
        raise PermissionDenied(
            _("Alleen de FG van dit verzoek en wie het goedkeurde kunnen de gegevens inzien.")
        )
    return ReportGrant(viewer=viewer, request=request, _issuer=_ISSUER)
