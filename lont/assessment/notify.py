"""Who hears what about situations (X6), through ``lont.notifications``.

A level change is told to (1) the members the covenant's escalation level informs — the partner
types in ``escalation_levels[*].informed`` and the roles in ``escalation_levels[*].roles``
(the coordinators when the covenant names none) — (2) the situation's followers and
(3) the network director, always at *hoog* and *acuut*. Each recipient must still be able to see
the situation (at least as a summary); the text is the title as a summary shows it (the title and
level are the situation's summary fields), the level and a link: no names, no content, no number.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.core.choices import Role
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access
from lont.networks.models import Membership
from lont.notifications import events
from lont.notifications.services import notifications_send

from .choices import LevelCode
from .models import Situation

LEVEL_ROSE = "situation.level_rose"
LEVEL_ACUTE = "situation.level_acute"
TREND_BREAK = "situation.trend_break"
AUTO_LINKED = "situation.signal_linked"
PROPOSED = "situation.proposed"
ACTION_DUE = "action.due"
MEETING_SCHEDULED = "meeting.scheduled"

# Roles told at an escalation level that names none (``roles`` in the covenant's level).
DEFAULT_INFORMED_ROLES = (Role.COORDINATOR,)
# The director hears of these levels whatever the covenant says (issue 9).
DIRECTOR_LEVELS = frozenset({LevelCode.HIGH, LevelCode.ACUTE})


def register_events() -> None:
    events.register(LEVEL_ROSE, label=gettext_lazy("Niveau van een situatie gestegen"))
    events.register(
        LEVEL_ACUTE, label=gettext_lazy("Situatie op niveau acuut"), may_switch_off=False
    )
    events.register(TREND_BREAK, label=gettext_lazy("Nieuwe trendbreuk"))
    events.register(AUTO_LINKED, label=gettext_lazy("Signaal automatisch gekoppeld"))
    events.register(PROPOSED, label=gettext_lazy("Voorstel voor een nieuwe situatie"))
    events.register(ACTION_DUE, label=gettext_lazy("Actie verloopt of is verlopen"))
    events.register(MEETING_SCHEDULED, label=gettext_lazy("Casusoverleg gepland"))


def level_label(code: str) -> str:
    return str(LevelCode(code).label) if code in LevelCode.values else code


def escalation_level(covenant: Any, code: str) -> dict[str, Any]:
    for level in getattr(covenant, "escalation_levels", None) or []:
        if level.get("code") == code:
            return dict(level)
    return {}


def _viewers(memberships: Iterable[Membership], covenant: Any) -> list[Viewer]:
    out = []
    for membership in memberships:
        viewer = Viewer(membership)
        viewer.__dict__["covenant"] = covenant  # one covenant read for every recipient
        out.append(viewer)
    return out


@system_context("recipients of a level change: the covenant's escalation list and followers")
def level_recipients(situation: Situation, level: str) -> list[Viewer]:
    """The members told that ``situation`` reached ``level``, each able to see it."""
    network = situation.network
    covenant = network.active_covenant()
    rule = escalation_level(covenant, level)
    informed_types = list(rule.get("informed", []))
    roles = list(rule.get("roles") or DEFAULT_INFORMED_ROLES)
    match = Q(organisation__partner_type__in=informed_types, role__in=roles)
    match |= Q(user__in=situation.followers.values("pk"))
    if level in DIRECTOR_LEVELS:
        match |= Q(role=Role.DIRECTOR)
        if covenant is not None and covenant.director_id:
            match |= Q(user_id=covenant.director_id)
    memberships = (
        Membership.objects.filter(network=network, is_active=True)
        .filter(match)
        .select_related("organisation", "network", "user")
        .order_by("user_id")
    )
    return [
        v
        for v in _viewers(memberships, covenant)
        if v.reads_case_content and access_for(v, situation) >= Access.SUMMARY
    ]


def _title(viewer: Viewer, situation: Situation) -> str:
    # Title and level are the situation's summary fields: the same for a summary reader.
    return situation.title


def notify_level_rise(situation: Situation, before: str) -> int:
    """Tell the escalation list, the followers and (at hoog/acuut) the director."""
    event = LEVEL_ACUTE if situation.level == LevelCode.ACUTE else LEVEL_ROSE
    url = reverse("assessment:situation_detail", args=[situation.pk])
    recipients = [
        (
            v.user,
            _("Situatie ‘%(title)s’ steeg van %(old)s naar %(new)s.")
            % {
                "title": _title(v, situation),
                "old": level_label(before),
                "new": level_label(situation.level),
            },
        )
        for v in level_recipients(situation, situation.level)
    ]
    sent = notifications_send(
        recipients=recipients, url=url, network=situation.network, event=event
    )
    return len(sent)


@system_context("followers told of a new trend break")
def notify_trend_breaks(situation: Situation, count: int) -> int:
    """Followers (who may still see it) hear that the situation shows new trend breaks."""
    memberships = (
        Membership.objects.filter(
            network_id=situation.network_id, is_active=True, user__in=situation.followers.all()
        )
        .select_related("organisation", "network", "user")
        .order_by("user_id")
    )
    covenant = situation.network.active_covenant()
    url = reverse("assessment:situation_detail", args=[situation.pk])
    text = _("Situatie ‘%(title)s’ laat %(count)s nieuwe trendbreuk(en) zien.")
    recipients = [
        (v.user, text % {"title": _title(v, situation), "count": count})
        for v in _viewers(memberships, covenant)
        if access_for(v, situation) >= Access.SUMMARY
    ]
    return len(
        notifications_send(
            recipients=recipients, url=url, network=situation.network, event=TREND_BREAK
        )
    )
