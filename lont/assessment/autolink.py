"""Signals find their situations (issue 9, P5: "kleine signalen tellen op").

When a signal is registered or corrected, it is linked to every situation of the network whose
rivalry it names (both groups), one of whose groups it names, or one of whose people it names (a
current member of a situation's group, or a person named in one of its signals as involved or
possible perpetrator). The reason is kept with the situation (ids only, shown per viewer) and the
situation's owner can undo it; an undone link is never made again by itself.

A signal with a call to action, a named time and a named place that finds no situation proposes
a new one (a planned confrontation) to the member who registered it and to the director.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from lont.core.choices import Role
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access
from lont.networks.models import Membership
from lont.notifications.services import notifications_send
from lont.signalregister.models import Signal, SignalGroup, SignalPerson
from lont.subjects.models import GroupMembership

from . import recompute
from .choices import SituationKind
from .models import Situation

RANK = {"rivalry": 0, "group": 1, "person": 2}


def _reasons(signal: Signal) -> dict[int, dict[str, Any]]:
    """situation id → the strongest reason to link ``signal`` to it."""
    groups = set(SignalGroup.objects.filter(signal=signal).values_list("group_id", flat=True))
    people = set(
        SignalPerson.objects.filter(
            signal=signal, person__isnull=False, role__in=recompute.COUNTING_ROLES
        ).values_list("person_id", flat=True)
    )
    if not groups and not people:
        return {}
    today = timezone.localdate()
    situations = Situation.objects.filter(network_id=signal.network_id).exclude(signals=signal)
    found: dict[int, dict[str, Any]] = {}

    def offer(situation_id: int, kind: str, ref: int) -> None:
        old = found.get(situation_id)
        if old is None or RANK[kind] < RANK[old["kind"]]:
            found[situation_id] = {"kind": kind, "ref": ref}

    for pk, rivalry_id, a, b in situations.filter(rivalry__isnull=False).values_list(
        "pk", "rivalry_id", "rivalry__group_a_id", "rivalry__group_b_id"
    ):
        if a in groups and b in groups:
            offer(pk, "rivalry", rivalry_id)
    if groups:
        for pk, group_id in situations.filter(groups__in=groups).values_list("pk", "groups"):
            offer(pk, "group", group_id)
    if people:
        member_groups: dict[int, set[int]] = {}
        rows = GroupMembership.objects.filter(person_id__in=people).filter(
            Q(until__isnull=True) | Q(until__gte=today)
        )
        for person_id, group_id in rows.values_list("person_id", "group_id"):
            member_groups.setdefault(group_id, set()).add(person_id)
        if member_groups:
            for pk, group_id in situations.filter(groups__in=member_groups).values_list(
                "pk", "groups"
            ):
                offer(pk, "person", min(member_groups[group_id]))
        named = SignalPerson.objects.filter(
            person_id__in=people,
            role__in=recompute.COUNTING_ROLES,
            signal__situations__in=situations,
        ).values_list("signal__situations", "person_id")
        for pk, person_id in named:
            offer(pk, "person", person_id)
    return found


@system_context("a saved signal finds the situations that name its groups or people (ids only)")
def link_signal(*, signal: Signal, viewer: Viewer, created: bool) -> list[str]:
    """Link ``signal`` to its situations; propose a new one when it announces a confrontation
    and found none. Returns the sentences the member sees (titles they may read, no names)."""
    reasons = _reasons(signal)
    now = timezone.now().isoformat()
    linked = []
    for situation in Situation.objects.filter(pk__in=reasons).order_by("pk"):
        if any(link["signal"] == signal.pk and link.get("undone") for link in situation.auto_links):
            continue
        situation.auto_links = [
            *[link for link in situation.auto_links if link["signal"] != signal.pk],
            {"signal": signal.pk, **reasons[situation.pk], "at": now, "undone": False},
        ]
        situation.save(update_fields=["auto_links", "updated_at"])
        situation.signals.add(signal)  # recomputed after the commit (triggers)
        linked.append(situation)
    notes = []
    for s in linked:
        if access_for(viewer, s) >= Access.SUMMARY:
            notes.append(
                _("Automatisch gekoppeld aan situatie ‘%(title)s’ (%(why)s).")
                % {"title": s.title, "why": reason_label(reasons[s.pk]["kind"])}
            )
        else:
            notes.append(_("Automatisch gekoppeld aan een situatie die u niet kunt inzien."))
    _notify_owners(signal, linked)
    already = Situation.objects.filter(signals=signal).exists()
    if not already and signal.call_to_action and signal.mentioned_time and signal.mentioned_place:
        _propose(signal, viewer)
        notes.append(
            _(
                "Dit signaal noemt een oproep, een tijdstip en een plaats maar hoort bij geen "
                "situatie: er is een voorstel voor een nieuwe situatie (geplande confrontatie) "
                "naar u en de netwerkregisseur gestuurd."
            )
        )
    return notes


def reason_label(kind: str) -> str:
    return {
        "rivalry": _("het signaal noemt beide groepen van de rivaliteit"),
        "group": _("het signaal noemt een groep van deze situatie"),
        "person": _("het signaal noemt een persoon uit deze situatie"),
    }.get(kind, "")


def _notify_owners(signal: Signal, situations: list[Situation]) -> None:
    """The owning organisation's followers of each situation hear that a signal was linked (and
    can undo it there)."""
    from .notify import AUTO_LINKED

    for situation in situations:
        users = list(
            situation.followers.filter(
                memberships__organisation_id=situation.organisation_id,
                memberships__is_active=True,
            ).distinct()
        )
        text = _("Een nieuw signaal is automatisch gekoppeld aan situatie ‘%(title)s’.") % {
            "title": situation.title
        }
        notifications_send(
            recipients=[(u, text) for u in users],
            url=reverse("assessment:situation_detail", args=[situation.pk]),
            network=situation.network,
            event=AUTO_LINKED,
        )


def _propose(signal: Signal, viewer: Viewer) -> None:
    from .notify import PROPOSED

    directors = Membership.objects.filter(
        network_id=signal.network_id, is_active=True, role=Role.DIRECTOR
    ).select_related("user")
    users = {viewer.user.pk: viewer.user, **{m.user_id: m.user for m in directors}}
    url = (
        reverse("assessment:situation_create")
        + "?"
        + urlencode(
            [("soort", str(SituationKind.CONFRONTATION.value)), ("signaal", str(signal.pk))]
        )
    )
    text = _(
        "Een signaal met een oproep, tijdstip en plaats hoort bij geen situatie. "
        "Open een geplande confrontatie?"
    )
    notifications_send(
        recipients=[(u, text) for u in users.values()],
        url=url,
        network=signal.network,
        event=PROPOSED,
    )
