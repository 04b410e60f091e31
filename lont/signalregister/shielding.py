"""Principle 9: victims and tipsters are never in the same role as possible perpetrators.

On one signal ``services.validate_roles`` refuses it outright. Across the network a person who is
a victim or tipster anywhere (by their record's involvement or their role on any signal) is
*shielded*: linking them as possible perpetrator needs an explicit override by the organisation
that recorded the person, with a reason, and is written to the audit log. Enforced in the service,
so pages and API alike; the person picker marks shielded people (``label``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.subjects.choices import KEPT_APART

from .choices import PersonRole
from .models import Signal, SignalPerson

SHIELDING_ROLES = (PersonRole.VICTIM, PersonRole.TIPSTER)


# The rule must see every victim/tipster role in the network, also on signals the saving partner may
# not read; it returns ids only, and the picker and refusal name no more than "somewhere".
@system_context("principle 9: victim and tipster roles across the network (ids only)")
def shielded_ids(
    network_id: int, person_ids: Iterable[int] | None = None, *, exclude_signal_id: int = 0
) -> set[int]:
    """The people (of ``person_ids``, or all) who are victim or tipster somewhere in the network,
    not counting the signal being corrected (its own roles are replaced by the correction)."""
    from lont.subjects.models import Person

    people = Person.objects.filter(network_id=network_id, involvement__in=list(KEPT_APART))
    links = SignalPerson.objects.filter(
        network_id=network_id, role__in=SHIELDING_ROLES, person__isnull=False
    ).exclude(signal_id=exclude_signal_id)
    if person_ids is not None:
        ids = list(person_ids)
        people = people.filter(pk__in=ids)
        links = links.filter(person_id__in=ids)
    return set(people.values_list("pk", flat=True)) | set(links.values_list("person_id", flat=True))


def label(person: Any, shielded: set[int]) -> str:
    """How the picker names a person: shielded people carry a marker."""
    if person.pk in shielded:
        return _("%(alias)s (slachtoffer of tipgever: niet als mogelijke dader)") % {
            "alias": person.alias
        }
    return str(person.alias)


def check(
    viewer: Viewer,
    people: Iterable[tuple[Any, str]],
    override_reason: str,
    *,
    signal_id: int | None = None,
) -> list[int]:
    """The shielded people this save links as possible perpetrator under an override; raises
    when there is no reason or the viewer's organisation did not record the person.

    On a correction, people already linked as possible perpetrator on the stored signal were
    decided on before and are not asked about again."""
    wanted = {p.pk: p for p, role in people if role == PersonRole.POSSIBLE_PERPETRATOR}
    if signal_id is not None:
        with system_context("principle 9: the stored roles of the signal being corrected"):
            before = list(
                SignalPerson.objects.filter(
                    signal_id=signal_id, role=PersonRole.POSSIBLE_PERPETRATOR
                ).values_list("person_id", flat=True)
            )
        for pk in before:
            wanted.pop(pk, None)
    if not wanted:
        return []
    shielded = sorted(shielded_ids(viewer.network.pk, wanted, exclude_signal_id=signal_id or 0))
    if not shielded:
        return []
    aliases = ", ".join(wanted[pk].alias for pk in shielded)
    foreign = [pk for pk in shielded if wanted[pk].organisation_id != viewer.organisation.pk]
    if foreign:
        raise ValidationError(
            _(
                "%(aliases)s is elders in het netwerk slachtoffer of tipgever. Alleen de "
                "organisatie die deze persoon vastlegde kan hem of haar toch als mogelijke dader "
                "koppelen, met een reden. Neem contact op met die organisatie of kies een andere rol."
            )
            % {"aliases": ", ".join(wanted[pk].alias for pk in foreign)}
        )
    if not override_reason.strip():
        raise ValidationError(
            _(
                "%(aliases)s is elders in het netwerk slachtoffer of tipgever. Kies een andere "
                "rol, of geef een reden om deze persoon toch als mogelijke dader te koppelen."
            )
            % {"aliases": aliases}
        )
    return shielded


def record_override(viewer: Viewer, signal: Signal, person_ids: list[int], reason: str) -> None:
    if person_ids:
        record_event(
            event="signal.perpetrator_override",
            obj=signal,
            actor=viewer.user,
            reason=reason.strip(),
            details={"people": person_ids, "organisation": viewer.organisation.pk},
        )
