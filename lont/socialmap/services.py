"""Writes of the social map: contacts, their consent, their reach to groups and links to people.

Rules kept here (not in forms), so pages and API obey them alike:
- only members who may write case content record contacts; the recording organisation (or the
  network director) maintains them;
- a private person (not a professional) is kept only with recorded consent: date and scope;
- reach and links only to groups and people the viewer may see, in the same network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access
from lont.subjects.models import Group, Person

from . import selectors
from .choices import PROFESSIONAL_KINDS, ContactKind
from .models import Contact, ContactPersonLink, ContactReach

CONTACT_FIELDS = frozenset(
    {
        "kind",
        "name",
        "employer",
        "role",
        "areas",
        "phone",
        "email",
        "handles",
        "followers",
        "languages",
        "availability",
        "out_of_hours",
        "member",
        "consent_date",
        "consent_scope",
    }
)


def _require_write(viewer: Viewer) -> None:
    if not viewer.can("case.write"):
        raise PermissionDenied(_("U mag de sociale kaart niet wijzigen."))


def _require_maintainer(viewer: Viewer, contact: Contact) -> None:
    if not selectors.can_maintain(viewer, contact):
        raise PermissionDenied(
            _("Alleen de organisatie die dit contact vastlegde (of de regisseur) mag het wijzigen.")
        )


def _clean_list(values: Iterable[Any] | None) -> list[str]:
    seen: list[str] = []
    for value in values or []:
        text = str(value).strip()
        if text and text.lower() not in {s.lower() for s in seen}:
            seen.append(text)
    return seen


def _validate(contact: Contact, viewer: Viewer) -> None:
    errors: dict[str, str] = {}
    missing_consent = contact.consent_date is None or not contact.consent_scope.strip()
    if contact.kind not in PROFESSIONAL_KINDS and missing_consent:
        errors["consent_date"] = _(
            "Van iemand die hier niet als professional staat, bewaren we gegevens alleen met "
            "toestemming: vul de datum en de reikwijdte van de toestemming in."
        )
    if contact.consent_date and contact.consent_date > timezone.localdate():
        errors["consent_date"] = _("De datum van de toestemming ligt in de toekomst.")
    if contact.member is not None and contact.member.network_id != viewer.network.pk:
        errors["member"] = _("Dit lid hoort niet bij dit netwerk.")
    elif contact.member is not None and contact.kind != ContactKind.PARTNER_PROFESSIONAL:
        errors["member"] = _("Koppel alleen een professional van een netwerkpartner aan een lid.")
    if not isinstance(contact.handles, dict) or not all(
        isinstance(v, str) for v in contact.handles.values()
    ):
        errors["handles"] = _("Accounts per platform: platform → accountnaam.")
    if not isinstance(contact.followers, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 0
        for v in contact.followers.values()
    ):
        errors["followers"] = _("Volgers per platform: platform → aantal (een geheel getal ≥ 0).")
    if errors:
        raise ValidationError(errors)


def _save(contact: Contact, viewer: Viewer, *, consent_before: tuple[Any, str] | None) -> None:
    contact.areas = _clean_list(contact.areas)
    contact.languages = _clean_list(contact.languages)
    _validate(contact, viewer)
    consent_now = (contact.consent_date, contact.consent_scope.strip())
    consent_changed = contact.consent_date is not None and consent_now != consent_before
    if consent_changed:
        contact.consent_recorded_by = viewer.user
    contact.full_clean()
    contact.save()
    if consent_changed:
        record_event(
            event="socialmap.consent_recorded",
            obj=contact,
            actor=viewer.user,
            network=viewer.network,
            details={"consent_date": contact.consent_date.isoformat()}
            if contact.consent_date
            else None,
        )


@transaction.atomic
def contact_create(*, viewer: Viewer, kind: str, name: str, **fields: Any) -> Contact:
    _require_write(viewer)
    unknown = set(fields) - CONTACT_FIELDS
    if unknown:
        raise ValueError(f"Unknown contact fields: {sorted(unknown)}")
    contact = Contact(
        network=viewer.network, organisation=viewer.organisation, kind=kind, name=name.strip()
    )
    for key, value in fields.items():
        setattr(contact, key, value)
    contact.handles = contact.handles or {}
    contact.followers = contact.followers or {}
    _save(contact, viewer, consent_before=None)
    return contact


@transaction.atomic
def contact_update(*, viewer: Viewer, contact: Contact, **changes: Any) -> Contact:
    _require_write(viewer)
    _require_maintainer(viewer, contact)
    unknown = set(changes) - CONTACT_FIELDS
    if unknown:
        raise ValueError(f"Unknown contact fields: {sorted(unknown)}")
    consent_before = (contact.consent_date, contact.consent_scope.strip())
    for key, value in changes.items():
        setattr(contact, key, value.strip() if key == "name" and isinstance(value, str) else value)
    _save(contact, viewer, consent_before=consent_before)
    return contact


@transaction.atomic
def contact_delete(*, viewer: Viewer, contact: Contact, reason: str = "") -> None:
    _require_write(viewer)
    _require_maintainer(viewer, contact)
    record_event(
        event="socialmap.contact_deleted",
        obj=contact,
        actor=viewer.user,
        network=viewer.network,
        reason=reason.strip(),
    )
    contact.delete()


def _require_visible(viewer: Viewer, obj: Group | Person, message: str) -> None:
    if obj.network_id != viewer.network.pk or access_for(viewer, obj) < Access.SUMMARY:
        raise ValidationError(message)


@transaction.atomic
def reach_set(
    *,
    viewer: Viewer,
    contact: Contact,
    group: Group,
    strength: str,
    how: str = "",
    since: dt.date | None = None,
) -> ContactReach:
    """Record (or update) how well a contact reaches a group."""
    _require_write(viewer)
    _require_maintainer(viewer, contact)
    _require_visible(viewer, group, _("Deze groep bestaat niet of is voor u niet zichtbaar."))
    reach = ContactReach.objects.for_viewer(viewer).filter(
        contact=contact, group=group
    ).first() or ContactReach(
        network=viewer.network, organisation=viewer.organisation, contact=contact, group=group
    )
    created = reach.pk is None
    reach.strength, reach.how, reach.since = strength, how.strip(), since
    reach.full_clean()
    reach.save()
    record_event(
        event="socialmap.reach_recorded",
        obj=contact,
        actor=viewer.user,
        network=viewer.network,
        details={"group": group.pk, "strength": strength, "created": created},
    )
    return reach


@transaction.atomic
def reach_remove(*, viewer: Viewer, reach: ContactReach) -> None:
    _require_write(viewer)
    _require_maintainer(viewer, reach.contact)
    record_event(
        event="socialmap.reach_removed",
        obj=reach.contact,
        actor=viewer.user,
        network=viewer.network,
        details={"group": reach.group_id},
    )
    reach.delete()


@transaction.atomic
def person_link_add(
    *, viewer: Viewer, contact: Contact, person: Person, relation: str
) -> ContactPersonLink:
    _require_write(viewer)
    _require_maintainer(viewer, contact)
    _require_visible(viewer, person, _("Deze persoon bestaat niet of is voor u niet zichtbaar."))
    if not relation.strip():
        raise ValidationError({"relation": _("Beschrijf de relatie (bijvoorbeeld: trainer).")})
    link = (
        ContactPersonLink.objects.for_viewer(viewer).filter(contact=contact, person=person).first()
    )
    link = link or ContactPersonLink(
        network=viewer.network, organisation=viewer.organisation, contact=contact, person=person
    )
    link.relation = relation.strip()
    link.full_clean()
    link.save()
    record_event(
        event="socialmap.person_linked",
        obj=contact,
        actor=viewer.user,
        network=viewer.network,
        details={"person": person.pk},
    )
    return link


@transaction.atomic
def person_link_remove(*, viewer: Viewer, link: ContactPersonLink) -> None:
    _require_write(viewer)
    _require_maintainer(viewer, link.contact)
    record_event(
        event="socialmap.person_unlinked",
        obj=link.contact,
        actor=viewer.user,
        network=viewer.network,
        details={"person": link.person_id},
    )
    link.delete()
