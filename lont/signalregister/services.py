"""All writes of the signal register: keyword-only, validated, atomic, with explicit audit events.

Nothing here reads on behalf of a viewer without checking: a service is handed objects that the
view already fetched through the selectors, and re-checks write access itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.changelog import update_logged
from lont.audit.events import record_event
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access, Role

from . import guard, hooks, shielding
from .attachments import CleanImage, clean_image
from .choices import PROTECTED_ROLES, PersonRole, Status
from .models import (
    ContextNote,
    EngagementObservation,
    ProsecutorOrder,
    Signal,
    SignalAttachment,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
    SignalProposal,
    SignalRequest,
    SignalVersion,
    derive_category,
)
from .proposals import Proposals, outcomes

# The signal fields a correction may change and a version snapshot keeps.
SNAPSHOT_FIELDS = (
    "observed_at",
    "source_type",
    "professional_account",
    "platform",
    "link",
    "description",
    "mentioned_time",
    "mentioned_until",
    "mentioned_place",
    "call_to_action",
    "threat",
    "special_data",
    "category",
    "status",
    "is_drill",
    "drill_weapons_shown",
    "drill_members_shown",
    "drill_personal_attacks",
    "drill_target_group",
    "drill_target_person",
)


def check_account(viewer: Viewer, account: Any, *, before_id: int | None = None) -> None:
    """A signal names a professional account of the roster (P3): one of the reporting
    organisation's own accounts that is in use (an account stored before may stay)."""
    if account is None or account.pk == before_id:
        return
    if account.network_id != viewer.network.pk or account.organisation_id != viewer.organisation.pk:
        raise ValidationError(
            {"professional_account": _("Kies een account van het rooster van uw organisatie.")}
        )
    if not account.active:
        raise ValidationError(
            {
                "professional_account": _(
                    "Dit account staat op het rooster als niet meer in gebruik."
                )
            }
        )


class GuardCrossed(Exception):
    """Raised before saving when the systematic-observation guard stops the signal."""

    def __init__(self, checks: list[guard.PersonCheck]) -> None:
        super().__init__("systematic observation threshold crossed")
        self.checks = checks


@dataclass
class SignalParts:
    """What the create and edit forms hand over besides the signal's own fields."""

    people: list[tuple[Any, str]] = field(default_factory=list)  # (Person, role)
    groups: list[Any] = field(default_factory=list)
    indicators: list[Any] = field(default_factory=list)
    engagement: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[UploadedFile | CleanImage] = field(default_factory=list)
    # The recording organisation's reason to link a victim or tipster as possible perpetrator.
    perpetrator_override: str = ""
    # The text analyser's proposals in the create form (None: the analyser was not asked).
    proposals: Proposals | None = None


def _require_write(viewer: Viewer) -> None:
    if not viewer.can("case.write"):
        raise PermissionDenied


def validate_roles(people: Iterable[tuple[Any, str]]) -> None:
    """A victim, witness or tipster is never also a possible perpetrator on the same signal."""
    roles: dict[int, set[str]] = {}
    for person, role in people:
        roles.setdefault(person.pk, set()).add(role)
    for person_roles in roles.values():
        if PersonRole.POSSIBLE_PERPETRATOR in person_roles and person_roles & PROTECTED_ROLES:
            raise ValidationError(
                _(
                    "Een slachtoffer, getuige of tipgever kan in hetzelfde signaal niet ook "
                    "mogelijke dader zijn."
                )
            )


def retention_date(viewer: Viewer, category: str, registered_at: dt.datetime) -> dt.date | None:
    covenant = viewer.covenant
    days = (covenant.retention_days or {}).get(category) if covenant else None
    if not days:
        return None
    return timezone.localtime(registered_at).date() + dt.timedelta(days=int(days))


def _delete_files(names: list[str]) -> None:
    storage = SignalAttachment._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


def _add_parts(
    viewer: Viewer, signal: Signal, parts: SignalParts, stored: list[str] | None = None
) -> None:
    for person, role in parts.people:
        _same_network(viewer, person)
        _child_save(SignalPerson(signal=signal, person=person, role=role))
    for group in parts.groups:
        _same_network(viewer, group)
        _child_save(SignalGroup(signal=signal, group=group))
    for indicator in parts.indicators:
        _same_network(viewer, indicator)
        _child_save(SignalIndicator(signal=signal, indicator=indicator))
    for values in parts.engagement:
        _child_save(EngagementObservation(signal=signal, **values))
    for values in parts.requests:
        _child_save(SignalRequest(signal=signal, **values))
    for upload in parts.attachments:
        attachment = attachment_add(viewer=viewer, signal=signal, upload=upload)
        if stored is not None:
            stored.append(str(attachment.file.name))


def _record_proposals(signal: Signal, proposals: Proposals, indicators: list[Any]) -> None:
    """What became of the analyser's proposals: kind and outcome only, on the signal."""
    for kind, indicator, outcome in outcomes(
        proposals,
        mentioned_time=signal.mentioned_time,
        mentioned_place=signal.mentioned_place,
        call_to_action=signal.call_to_action,
        threat=signal.threat,
        indicators=indicators,
    ):
        if indicator is not None and indicator.network_id != signal.network_id:
            continue
        _child_save(SignalProposal(signal=signal, kind=kind, indicator=indicator, outcome=outcome))


def _same_network(viewer: Viewer, obj: Any) -> None:
    if obj.network_id != viewer.network.pk:
        raise ValidationError(_("Onbekende keuze."))


def _child_save(row: Any) -> Any:
    row.follow_signal()
    # The related rows were passed in as instances of this network (checked above), so the
    # per-field existence queries of full_clean (which also decrypt a person) are skipped.
    relations = [field.name for field in row._meta.concrete_fields if field.is_relation]
    row.full_clean(exclude=relations, validate_constraints=False)
    row.save()
    return row


def guard_checks(
    viewer: Viewer,
    *,
    people: Iterable[tuple[Any, str]],
    source_type: str,
    observed_at: dt.datetime,
    signal_id: int | None = None,
) -> list[guard.PersonCheck]:
    """The guard's verdict on saving a new signal, or a correction of the stored ``signal_id``.

    A correction is checked like a new signal, without counting itself, for every person it would
    newly observe: a person it adds, or every person when it turns an offline signal online or
    moves its time. Fixing a typo adds no observation and is not stopped again.
    """
    already: set[int] = set()
    if signal_id is not None:
        # The owner's correction compared with its own stored signal (ids only).
        with system_context("guard: the stored state of the signal being corrected"):
            stored = Signal.objects.get(pk=signal_id)
            if stored.is_online and stored.observed_at == observed_at:
                already = set(
                    SignalPerson.objects.filter(
                        signal_id=signal_id, person__isnull=False
                    ).values_list("person_id", flat=True)
                )
    unique = {p.pk: p for p, _role in people if p.pk not in already}
    return guard.check_people(
        viewer,
        people=[(p.pk, p.alias) for p in unique.values()],
        source_type=source_type,
        observed_at=observed_at,
        exclude_signal_id=signal_id,
    )


@transaction.atomic
def signal_create(
    *,
    viewer: Viewer,
    fields: dict[str, Any],
    parts: SignalParts,
    order: ProsecutorOrder | None = None,
) -> Signal:
    """Register a signal with everything that belongs to it, or nothing at all.

    Raises :class:`GuardCrossed` (before anything is written) when an online signal would make the
    organisation's signals about a person systematic observation and no valid order covers it.
    """
    _require_write(viewer)
    check_account(viewer, fields.get("professional_account"))
    validate_roles(parts.people)
    overridden = shielding.check(viewer, parts.people, parts.perpetrator_override)
    signal = Signal(
        network=viewer.network,
        organisation=viewer.organisation,
        reported_by=viewer.membership,
        **fields,
    )
    signal.category = derive_category(signal.source_type, signal.special_data)
    signal.retain_until = retention_date(viewer, signal.category, signal.registered_at)
    signal.full_clean()
    checks = guard_checks(
        viewer,
        people=parts.people,
        source_type=signal.source_type,
        observed_at=signal.observed_at,
    )
    if guard.blocking(checks):
        raise GuardCrossed(guard.blocking(checks))
    signal.save()
    stored: list[str] = []
    try:
        _add_parts(viewer, signal, parts, stored)
    except Exception:
        _delete_files(stored)  # the rollback removes the rows; the files go with them
        raise
    shielding.record_override(viewer, signal, overridden, parts.perpetrator_override)
    if parts.proposals is not None:
        _record_proposals(signal, parts.proposals, parts.indicators)
    covered = [c for c in checks if c.check.covered_by_order]
    record_event(
        event="signal.created",
        obj=signal,
        actor=viewer.user,
        details={
            "source_type": signal.source_type,
            "category": signal.category,
            "people": len(parts.people),
            "attachments": len(parts.attachments),
            "covered_by_order": [c.person_id for c in covered],
        },
    )
    hooks.signal_saved(signal=signal, viewer=viewer, created=True)
    return signal


def snapshot(signal: Signal) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in SNAPSHOT_FIELDS:
        value = getattr(signal, Signal._meta.get_field(name).attname)  # type: ignore[union-attr]
        data[name] = value.isoformat() if isinstance(value, dt.datetime | dt.date) else value
    data["people"] = [[p.person_id, p.role] for p in signal.people.all()]
    data["groups"] = [g.group_id for g in signal.groups.all()]
    data["indicators"] = [i.indicator_id for i in signal.indicators.all()]
    return data


@transaction.atomic
@system_context("a correction by the signal's owner: snapshot, replace and re-sync its own rows")
def signal_update(
    *,
    viewer: Viewer,
    signal: Signal,
    fields: dict[str, Any],
    parts: SignalParts,
    reason: str = "",
) -> Signal:
    """A correction: the previous state is kept as a version; people, groups and indicators are
    replaced by the new selection; engagement, requests and attachments are added.

    Raises :class:`GuardCrossed` (before anything is written) like :func:`signal_create` when the
    correction would make the organisation's signals about a person systematic observation.
    """
    _require_write(viewer)
    if signal.organisation_id != viewer.organisation.pk:
        raise PermissionDenied
    validate_roles(parts.people)
    locked = Signal.objects.select_for_update().get(pk=signal.pk)
    overridden = shielding.check(
        viewer, parts.people, parts.perpetrator_override, signal_id=locked.pk
    )
    if "professional_account" in fields:
        check_account(
            viewer, fields["professional_account"], before_id=locked.professional_account_id
        )
    before = snapshot(locked)
    stored_category = locked.category
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.category = derive_category(locked.source_type, locked.special_data)
    if locked.category != stored_category:
        # Another category has another retention in the covenant: the date moves with it (X3).
        locked.retain_until = retention_date(viewer, locked.category, locked.registered_at)
    locked.full_clean()
    checks = guard_checks(
        viewer,
        people=parts.people,
        source_type=locked.source_type,
        observed_at=locked.observed_at,
        signal_id=locked.pk,  # still the stored state: nothing is written yet
    )
    if guard.blocking(checks):
        raise GuardCrossed(guard.blocking(checks))
    number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = SignalVersion(
        signal=locked, number=number, snapshot=before, changed_by=viewer.membership, reason=reason
    )
    _child_save(version)
    locked.save()
    locked.people.all().delete()
    locked.groups.all().delete()
    locked.indicators.all().delete()
    stored: list[str] = []
    try:
        _add_parts(viewer, locked, parts, stored)
    except Exception:
        _delete_files(stored)
        raise
    _resync_children(locked)
    shielding.record_override(viewer, locked, overridden, parts.perpetrator_override)
    record_event(
        event="signal.corrected",
        obj=locked,
        actor=viewer.user,
        reason=reason,
        details={"version": number, "category": locked.category},
    )
    hooks.signal_saved(signal=locked, viewer=viewer, created=False)
    return locked


def _resync_children(signal: Signal) -> None:
    """Children follow a changed category (their visibility must never lag behind) and the
    group and indicator links a moved ``observed_at`` (the list's order through them)."""
    for link in (SignalGroup, SignalIndicator):
        update_logged(
            link.objects.filter(signal=signal).exclude(signal_observed_at=signal.observed_at),
            signal_observed_at=signal.observed_at,
        )
    for model in (
        SignalPerson,
        SignalGroup,
        SignalIndicator,
        EngagementObservation,
        SignalRequest,
        SignalAttachment,
        ContextNote,
        SignalVersion,
    ):
        update_logged(
            model.objects.filter(signal=signal).exclude(category=signal.category),
            category=signal.category,
        )


@transaction.atomic
def signal_set_status(*, viewer: Viewer, signal: Signal, status: str) -> Signal:
    _require_write(viewer)
    if signal.organisation_id != viewer.organisation.pk and viewer.role != Role.DIRECTOR:
        raise PermissionDenied
    if status not in Status.values:
        raise ValidationError(_("Onbekende status."))
    signal.status = status
    signal.full_clean()
    signal.save(update_fields=["status", "category", "updated_at"])
    record_event(event=f"signal.{status}", obj=signal, actor=viewer.user)
    return signal


def signal_archive(*, viewer: Viewer, signal: Signal) -> Signal:
    return signal_set_status(viewer=viewer, signal=signal, status=Status.ARCHIVED)


@transaction.atomic
def attachment_add(
    *, viewer: Viewer, signal: Signal, upload: UploadedFile | CleanImage
) -> SignalAttachment:
    _require_write(viewer)
    if signal.organisation_id != viewer.organisation.pk:
        raise PermissionDenied
    image = upload if isinstance(upload, CleanImage) else clean_image(upload)
    attachment = SignalAttachment(
        signal=signal,
        content_type=image.content_type,
        size=image.content.size,
        width=image.width,
        height=image.height,
        uploaded_by=viewer.membership,
    )
    attachment.file.save(f"upload.{image.extension}", image.content, save=False)
    try:
        _child_save(attachment)
    except Exception:
        attachment.file.delete(save=False)
        raise
    record_event(event="signal.attachment_added", obj=signal, actor=viewer.user)
    return attachment


@transaction.atomic
def context_note_create(
    *, viewer: Viewer, signal: Signal, adjustment: int, reason: str
) -> ContextNote:
    _require_write(viewer)
    if access_for(viewer, signal) < Access.SUMMARY:
        raise PermissionDenied
    note = ContextNote(
        signal=signal,
        organisation=viewer.organisation,
        author=viewer.membership,
        adjustment=adjustment,
        reason=reason,
    )
    _child_save(note)
    record_event(
        event="signal.context_note_added",
        obj=signal,
        actor=viewer.user,
        details={"adjustment": adjustment, "organisation": viewer.organisation.pk},
    )
    return note


# The guard's writes and notifications live in their own module (size); one import for callers.
from .guard_services import (  # noqa: E402
    guard_handover,
    guard_stop,
    guard_warning_record,
    notification_create,
    notification_mark_read,
    prosecutor_order_create,
)

__all__ = [
    "GuardCrossed",
    "SignalParts",
    "attachment_add",
    "context_note_create",
    "guard",
    "guard_checks",
    "guard_handover",
    "guard_stop",
    "guard_warning_record",
    "notification_create",
    "notification_mark_read",
    "prosecutor_order_create",
    "signal_archive",
    "signal_create",
    "signal_set_status",
    "signal_update",
]
