"""Writes of the vision (P1), the sources (P11) and awareness (P12).

Rules kept here (Guide: "Ontwerp een visie …", "Maak gebruik van informatiebronnen …", "Investeer
in het vergroten van bewustwording …"):
- a vision is versioned: every save is a new version, a stored version never changes;
- an organisation's vision is written by its own members; the network vision by the director,
  who approves a version with a reason (then it counts, like a covenant version);
- the network's stigmatising terms give a warning (returned, shown; they do not block);
- a source has an owner organisation and a review date; a due review is reminded once;
- the reference lists are kept by the director and coordinators.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core import guards
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.choices import Role
from lont.networks.models import Membership, Network, Organisation
from lont.notifications.reminders import remind_once

from . import selectors
from .choices import DEFAULT_LABELS, JOB_PROFILE_CODES, VisionStatus
from .models import AwarenessActivity, DigitalProfile, Source, StigmaLabel, VisionVersion

MANAGE = "analyser.manage"  # director and coordinators keep the network's reference lists
VISION_FIELDS = (
    "target_group",
    "terms",
    "terms_note",
    "goal_focus",
    "goal_priority",
    "online_offline",
    "online_information",
    "staff_time",
)


@dataclass(frozen=True)
class Saved:
    version: VisionVersion
    warnings: list[str]


def _require_manage(viewer: Viewer) -> None:
    if not viewer.can(MANAGE):
        raise PermissionDenied(_("Alleen de regisseur en coördinatoren houden deze lijst bij."))


def _require_director(viewer: Viewer) -> None:
    if viewer.role != Role.DIRECTOR:
        raise PermissionDenied(_("Alleen de netwerkregisseur stelt de netwerkvisie vast."))


def _clean_terms(terms: Any) -> list[str]:
    seen: list[str] = []
    for term in terms or []:
        text = " ".join(str(term).split())[:80]
        if text and text.lower() not in {t.lower() for t in seen}:
            seen.append(text)
    return seen


def stigma_warnings(viewer: Viewer, data: dict[str, Any]) -> list[str]:
    texts = [str(data.get(f) or "") for f in VISION_FIELDS if f != "terms"]
    texts += [str(t) for t in data.get("terms") or []]
    return [
        _(
            "'%(term)s' kan de groep stigmatiseren en wordt niet door iedereen herkend "
            "(ook niet door de groep zelf). Gebruik liever: %(suggestion)s."
        )
        % {
            "term": label.term,
            "suggestion": label.suggestion or _("de naam die de groep zelf gebruikt"),
        }
        for label in selectors.stigma_hits(viewer, *texts)
    ]


@transaction.atomic
def vision_save(
    *, viewer: Viewer, network_vision: bool = False, reason: str = "", **data: Any
) -> Saved:
    """A new version of the viewer's organisation's vision (or, for the director, the network's)."""
    guards.require_write(viewer)
    if network_vision:
        _require_director(viewer)
    organisation = None if network_vision else viewer.organisation
    with system_context("the next version number of one vision (numbers only)"):
        last = VisionVersion.objects.filter(
            network=viewer.network, organisation=organisation
        ).aggregate(n=Max("number"))["n"]
    version = VisionVersion(
        network=viewer.network,
        organisation=organisation,
        number=(last or 0) + 1,
        created_by=viewer.user,
        reason=reason.strip(),
        status=VisionStatus.DRAFT,
    )
    for name in VISION_FIELDS:
        value = data.get(name, "" if name != "terms" else [])
        setattr(version, name, _clean_terms(value) if name == "terms" else str(value).strip())
    version.full_clean()
    version.save()
    warnings = stigma_warnings(viewer, data)
    record_event(
        event="peacetime.vision_saved",
        obj=version,
        actor=viewer.user,
        details={"number": version.number, "warnings": len(warnings)},
    )
    return Saved(version, warnings)


@transaction.atomic
def vision_approve(*, viewer: Viewer, version: VisionVersion, reason: str) -> VisionVersion:
    """The director approves a network vision version with a reason (it then counts)."""
    _require_director(viewer)
    guards.require_same_network(viewer, version)
    if not version.is_network:
        raise ValidationError(_("Alleen de netwerkvisie wordt vastgesteld."))
    if version.status == VisionStatus.APPROVED:
        raise ValidationError(_("Deze versie is al vastgesteld."))
    if not reason.strip():
        raise ValidationError({"reason": _("Geef de reden van de vaststelling.")})
    version.status = VisionStatus.APPROVED
    version.approved_by = viewer.user
    version.approved_at = timezone.now()
    version.approval_reason = reason.strip()
    version.full_clean()
    version.save()
    record_event(
        event="peacetime.vision_approved",
        obj=version,
        actor=viewer.user,
        reason=version.approval_reason,
    )
    return version


@transaction.atomic
def label_create(*, viewer: Viewer, term: str, suggestion: str = "") -> StigmaLabel:
    _require_manage(viewer)
    label = StigmaLabel(
        network=viewer.network, term=" ".join(term.split()).lower(), suggestion=suggestion.strip()
    )
    label.full_clean()
    label.save()
    return label


@transaction.atomic
def label_delete(*, viewer: Viewer, label: StigmaLabel) -> None:
    _require_manage(viewer)
    guards.require_same_network(viewer, label)
    record_event(event="peacetime.label_deleted", obj=label, actor=viewer.user)
    label.delete()


def _owner_checks(viewer: Viewer, owner: Organisation, owner_member: Membership | None) -> None:
    if owner.network_id != viewer.network.pk:
        raise ValidationError({"owner": _("Deze organisatie hoort niet bij dit netwerk.")})
    if owner_member is not None and owner_member.organisation_id != owner.pk:
        raise ValidationError({"owner_member": _("Kies iemand van de eigenaar-organisatie.")})


@transaction.atomic
def source_save(*, viewer: Viewer, source: Source | None = None, **fields: Any) -> Source:
    _require_manage(viewer)
    if source is None:
        source = Source(network=viewer.network)
    else:
        guards.require_same_network(viewer, source)
    _owner_checks(viewer, fields["owner"], fields.get("owner_member"))
    if source.pk and fields.get("review_on") != source.review_on:
        source.reminded_on = None
    for name, value in fields.items():
        setattr(source, name, value.strip() if isinstance(value, str) else value)
    source.full_clean()
    source.save()
    return source


def send_source_reminders(*, today: dt.date | None = None) -> int:
    """Remind each due source's contact person (or the owner's coordinators, else the
    directors) once per review date. Daily, idempotent."""
    today = today or timezone.localdate()
    with system_context("daily reminders of sources whose review date has come"):
        due = Source.objects.filter(review_on__lte=today, reminded_on__isnull=True).select_related(
            "network", "owner_member__user"
        )
        return remind_once(
            due,
            today=today,
            recipients=_source_recipients,
            text=lambda s: _("Bron aan herziening toe: %(title)s") % {"title": s.title[:80]},
            url=lambda s: reverse("peacetime:source_edit", args=[s.pk]),
        ).notices


def _source_recipients(source: Source) -> list[Any]:
    if source.owner_member is not None and source.owner_member.is_active:
        return [source.owner_member.user]
    active = Membership.objects.filter(network_id=source.network_id, is_active=True)
    coordinators = active.filter(organisation_id=source.owner_id, role=Role.COORDINATOR)
    chosen = coordinators if coordinators.exists() else active.filter(role=Role.DIRECTOR)
    return [m.user for m in chosen.select_related("user")]


@transaction.atomic
def awareness_save(
    *, viewer: Viewer, activity: AwarenessActivity | None = None, **fields: Any
) -> AwarenessActivity:
    guards.require_write(viewer)
    if activity is None:
        activity = AwarenessActivity(network=viewer.network)
    else:
        guards.require_same_network(viewer, activity)
        if activity.organisation_id != viewer.organisation.pk and viewer.role != Role.DIRECTOR:
            raise PermissionDenied(guards.refused_owner())
    organisation = fields.get("organisation") or viewer.organisation
    if organisation.network_id != viewer.network.pk:
        raise ValidationError({"organisation": _("Deze organisatie hoort niet bij dit netwerk.")})
    fields["organisation"] = organisation
    for name, value in fields.items():
        setattr(activity, name, value.strip() if isinstance(value, str) else value)
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def profile_save(
    *,
    viewer: Viewer,
    organisation: Organisation,
    specialist: Membership | None,
    checks: list[str],
) -> DigitalProfile:
    """The online specialist and the job-profile checklist of one organisation: kept by its
    coordinator or the director."""
    _require_manage(viewer)
    if organisation.network_id != viewer.network.pk:
        raise PermissionDenied(guards.refused_network())
    if viewer.role != Role.DIRECTOR and organisation.pk != viewer.organisation.pk:
        raise PermissionDenied(_("U houdt alleen het profiel van uw eigen organisatie bij."))
    if specialist is not None and specialist.organisation_id != organisation.pk:
        raise ValidationError({"specialist": _("Kies iemand van deze organisatie.")})
    unknown = [c for c in checks if c not in JOB_PROFILE_CODES]
    if unknown:
        raise ValidationError({"checks": _("Onbekend punt op de checklist.")})
    with system_context("the viewer's own organisation's digital profile (one row)"):
        profile = DigitalProfile.objects.filter(organisation=organisation).first()
    if profile is None:
        profile = DigitalProfile(network=viewer.network, organisation=organisation)
    profile.specialist = specialist
    profile.checks = [c for c in JOB_PROFILE_CODES if c in checks]
    profile.full_clean()
    profile.save()
    return profile


def seed_labels(network: Network) -> None:
    """The guide's examples as the network's first list (idempotent)."""
    with system_context("seed the guide's stigmatising examples for a network"):
        for term, suggestion in DEFAULT_LABELS:
            if not StigmaLabel.objects.filter(network=network, term=term).exists():
                StigmaLabel.objects.create(network=network, term=term, suggestion=suggestion)
