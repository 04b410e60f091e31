"""Reads for the privacy officer's requests. The person search and the access report read across
partners and are only reachable with a :class:`~lont.privacy.grants.ReportGrant` (an approved
request, one of its four eyes); everything else goes through the ordinary rules."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import ForeignObjectRel
from django.http import Http404
from django.utils import timezone

from lont.audit.models import AccessLogEntry, AccessVia, ChangeAction, ChangeLogEntry
from lont.audit.names import model_label
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import registered_models, registration_for
from lont.networks.choices import InformationCategory, PartnerType, Role
from lont.networks.models import Membership, Organisation
from lont.subjects.expiry import person_links
from lont.subjects.models import Person

from .choices import ExceptionGround
from .grants import ReportGrant, may_see_request
from .legal import WPG_PARTNER_TYPES, legal_basis
from .models import RecordOutcome, SubjectRequest

_R = TypeVar("_R")


def under_grant(fn: Callable[..., _R]) -> Callable[..., _R]:
    """An approved request (four eyes, ``issue_grant``) reads every partner's rows about one person:
    the one exception to the privacy officer's "no case content", run as visible system work named
    after the request (the grant itself is the permission check)."""

    @functools.wraps(fn)
    def wrapper(grant: ReportGrant, *args: Any, **kwargs: Any) -> _R:
        with system_context(f"access request {grant.request.pk} (approved, four eyes)"):
            return fn(grant, *args, **kwargs)

    return wrapper


def requests_for(viewer: Viewer) -> list[SubjectRequest]:
    if viewer.role not in {Role.PRIVACY_OFFICER, Role.DIRECTOR}:
        raise PermissionDenied
    rows = SubjectRequest.objects.filter(network=viewer.network).select_related(
        "requested_by", "approved_by"
    )
    return [row for row in rows if may_see_request(viewer, row)]


def request_for(viewer: Viewer, pk: int) -> SubjectRequest:
    request = SubjectRequest.objects.filter(network=viewer.network, pk=pk).first()
    if request is None:
        raise Http404
    if not may_see_request(viewer, request):
        raise PermissionDenied
    return request


# The person search ---------------------------------------------------------------------------


def _normal(text: str) -> str:
    """Exact match, forgiving only what is no difference: case and runs of spaces."""
    return " ".join(text.split()).casefold()


@under_grant
def matching_persons(grant: ReportGrant) -> list[Person]:
    """Persons whose real name and/or date of birth equal the request's, exactly.

    The fields are encrypted (Fernet, not searchable in SQL): every person of the network is
    decrypted and compared in memory. Nothing close is returned — no fuzzy list."""
    request = grant.request
    name, born = _normal(request.real_name), request.date_of_birth.strip()
    if not name and not born:
        return []
    persons = Person._base_manager.filter(network_id=grant.network_id).select_related(
        "organisation"
    )
    return [
        person
        for person in persons.order_by("created_at", "pk")
        if (not name or _normal(person.real_name) == name)
        and (not born or person.date_of_birth.strip() == born)
    ]


@under_grant
def requested_person(grant: ReportGrant) -> Person | None:
    if grant.request.person_id is None:
        return None
    return (
        Person._base_manager.filter(network_id=grant.network_id, pk=grant.request.person_id)
        .select_related("organisation")
        .first()
    )


# The access report ---------------------------------------------------------------------------


@dataclass
class LogEvent:
    at: dt.datetime
    kind: str  # read / shared / changed
    action: str
    organisation: str
    role: str
    via: str
    purpose: str
    summary_only: bool
    actor: str  # for the privacy officer's page only; the person's PDF names partners and roles


@dataclass
class RecordEntry:
    obj: models.Model
    object_type: str
    object_id: str
    label: str
    description: str
    category: str
    category_label: str
    partner: str
    partner_type: str
    partner_type_label: str
    legal_basis: str
    created_at: dt.datetime | None
    via: str = ""  # the record about the person this one refers to ("" when it names them)
    exceptions: list[str] = field(default_factory=list)
    events: list[LogEvent] = field(default_factory=list)
    outcomes: list[RecordOutcome] = field(default_factory=list)


@dataclass
class AccessReport:
    request: SubjectRequest
    person: Person
    records: list[RecordEntry]
    produced_at: dt.datetime


def _is_case_record(model: type[models.Model]) -> bool:
    if model not in registered_models():
        return False
    reg = registration_for(model)
    return reg.case_content and (reg.category is not None or reg.category_field is not None)


def _parents(row: models.Model, link_field: str) -> list[models.Model]:
    """The records a link row belongs to (the signal of a signal-person row, the group of a
    membership): forward keys to case records, never to another person."""
    found = []
    for fk in row._meta.concrete_fields:
        if not fk.is_relation or fk.name == link_field or fk.related_model is Person:
            continue
        if fk.related_model is None or not _is_case_record(fk.related_model):
            continue
        parent = getattr(row, fk.name)
        if parent is not None:
            found.append(parent)
    return found


# Records that refer to a record about the person are about the person too, along these kinds:
# a signal's notes, versions and attachments and the situations that include it; a situation's
# agenda items; an agenda item's actions and dissents. A group is deliberately not followed: the
# rest of a group's records are about the group, not about each member (principle 9).
FOLLOW = frozenset({"signalregister.signal", "assessment.situation", "assessment.agendaitem"})


def _names_a_person(model: type[models.Model]) -> bool:
    return any(f.is_relation and f.related_model is Person for f in model._meta.concrete_fields)


def _referrers(obj: models.Model) -> list[models.Model]:
    """Case records that point at ``obj`` (foreign key or many-to-many), except rows that name
    a person — those are about whoever they name (another person's signal role)."""
    found: list[models.Model] = []
    for rel in obj._meta.get_fields(include_hidden=True):  # related_name="+" counts too
        if not isinstance(rel, ForeignObjectRel):
            continue
        model = rel.related_model
        if not isinstance(model, type) or not _is_case_record(model) or _names_a_person(model):
            continue
        found.extend(model._base_manager.filter(**{rel.field.name: obj}))
    return found


@under_grant
def person_records(
    grant: ReportGrant, person: Person
) -> list[tuple[models.Model, models.Model | None]]:
    """Every record about the person with the record it was reached through (None: direct).

    Found generically from the relations that point at ``Person`` (the same discovery the expiry
    job uses), plus the records those links belong to, plus what refers to them (``FOLLOW``)."""
    seen: dict[tuple[str, Any], tuple[models.Model, models.Model | None]] = {
        (person._meta.label_lower, person.pk): (person, None)
    }
    queue: list[models.Model] = []

    def add(obj: models.Model, via: models.Model | None) -> None:
        key = (obj._meta.label_lower, obj.pk)
        if key not in seen:
            seen[key] = (obj, via)
            queue.append(obj)

    for model, name in person_links():
        if model._meta.app_label == "privacy":
            continue
        for row in model._base_manager.filter(**{name: person}):
            if _is_case_record(model):
                add(row, None)
            for parent in _parents(row, name):
                add(parent, None)
    while queue:
        obj = queue.pop(0)
        if obj._meta.label_lower in FOLLOW:
            for referrer in _referrers(obj):
                add(referrer, obj)
    return list(seen.values())


def _category(obj: models.Model) -> str:
    reg = registration_for(type(obj))
    return str(getattr(obj, reg.category_field)) if reg.category_field else str(reg.category)


def _holder(obj: models.Model) -> Organisation | None:
    reg = registration_for(type(obj))
    return getattr(obj, reg.owner_field, None) if reg.owner_field else None


def _readers(network_id: int) -> dict[int, tuple[str, str]]:
    """user id → (organisation, role) in this network, for change-log rows (which name no
    organisation)."""
    rows = Membership.objects.filter(network_id=network_id).select_related("organisation")
    return {m.user_id: (m.organisation.name, str(m.get_role_display())) for m in rows}


def _events(records: list[RecordEntry], network_id: int) -> None:
    by_key = {(r.object_type, r.object_id): r for r in records}
    query = models.Q(pk__in=[])
    types: dict[str, list[str]] = {}
    for object_type, object_id in by_key:
        types.setdefault(object_type, []).append(object_id)
    for object_type, ids in types.items():
        query |= models.Q(object_type=object_type, object_id__in=ids)
    readers = _readers(network_id)
    roles = dict(Role.choices)
    reads = AccessLogEntry.objects.filter(query, network_id=network_id).select_related(
        "actor", "organisation"
    )
    for entry in reads.order_by("at", "pk"):
        shared = entry.via in {AccessVia.EXPORT, AccessVia.PDF}
        by_key[(entry.object_type, entry.object_id)].events.append(
            LogEvent(
                at=entry.at,
                kind="shared" if shared else "read",
                action=str(AccessVia(entry.via).label) if entry.via in AccessVia.values else "",
                organisation=entry.organisation.name if entry.organisation else "",
                role=str(roles.get(entry.role or "", entry.role or "")),
                via=entry.via,
                purpose=entry.purpose,
                summary_only=entry.access < 2,
                actor=entry.actor.full_name if entry.actor else "",
            )
        )
    changes = ChangeLogEntry.objects.filter(query).select_related("actor")
    for change in changes.order_by("at", "pk"):
        organisation, role = readers.get(change.actor_id or 0, ("", ""))
        by_key[(change.object_type, change.object_id)].events.append(
            LogEvent(
                at=change.at,
                kind="changed",
                action=change.event or str(ChangeAction(change.action).label),
                organisation=organisation,
                role=role,
                via=change.via,
                purpose=change.reason,
                summary_only=False,
                actor=change.actor.full_name if change.actor else "",
            )
        )
    for record in records:
        record.events.sort(key=lambda event: event.at)


def _exceptions(entry: RecordEntry, under_order: bool) -> list[str]:
    """Grounds that may limit access, correction or erasure — stated, never silently applied."""
    found = []
    if under_order and (
        entry.category == InformationCategory.CRIMINAL
        or entry.partner_type in {PartnerType.POLICE, PartnerType.PROSECUTION}
    ):
        found.append(str(ExceptionGround.CRIMINAL_INVESTIGATION.label))
    if entry.partner_type in WPG_PARTNER_TYPES:
        found.append(str(ExceptionGround.WPG.label))
    return found


def _under_order(person: Person) -> bool:
    from lont.signalregister.models import ProsecutorOrder

    today = timezone.localdate()
    return (
        ProsecutorOrder._base_manager.filter(person=person)
        .filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=today))
        .exists()
    )


@under_grant
def access_report(grant: ReportGrant) -> AccessReport:
    person = requested_person(grant)
    if person is None:
        raise Http404
    under_order = _under_order(person)
    categories = dict(InformationCategory.choices)
    partner_types = dict(PartnerType.choices)
    entries = []
    for obj, via in person_records(grant, person):
        holder = _holder(obj)
        category = _category(obj)
        partner_type = holder.partner_type if holder else ""
        entry = RecordEntry(
            obj=obj,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            label=model_label(obj._meta.label_lower),
            # The person's own alias is theirs to see; other records by their log name.
            description=str(obj)
            if isinstance(obj, Person)
            else (obj.audit_repr() if hasattr(obj, "audit_repr") else ""),
            category=category,
            category_label=str(categories.get(category, category)),
            partner=holder.name if holder else "",
            partner_type=partner_type,
            partner_type_label=str(partner_types.get(partner_type, "")),
            legal_basis=legal_basis(partner_type, category) if partner_type else "",
            created_at=getattr(obj, "created_at", None),
            via=f"{model_label(via._meta.label_lower)} {via.pk}" if via is not None else "",
        )
        entry.exceptions = _exceptions(entry, under_order)
        entries.append(entry)
    _events(entries, grant.network_id)
    outcomes = RecordOutcome.objects.filter(request=grant.request).select_related("decided_by")
    by_key = {(e.object_type, e.object_id): e for e in entries}
    for outcome in outcomes:
        if (outcome.object_type, outcome.object_id) in by_key:
            by_key[(outcome.object_type, outcome.object_id)].outcomes.append(outcome)
    entries.sort(key=lambda e: bool(e.via))  # direct records first; what refers to them after
    return AccessReport(
        request=grant.request, person=person, records=entries, produced_at=timezone.now()
    )
