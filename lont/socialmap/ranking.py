""" "Wie kan groep X bereiken?" — rank contacts by their relation to a group, explained in Dutch.

Plain Python on plain data: no database, no Django models, so the weights are read and tested as a
table (only Django's gettext, for the Dutch reasons). The ranking orders *contacts* (helpers) for a group, never young people.

Score = direct reach + known members (weighted by their role in the group) + area bonus
(credible messengers of the group's area weigh most) + out-of-hours availability.
Contacts without any relation to the group or its area are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

REACH_POINTS: Mapping[str, int] = {"sterk": 60, "redelijk": 35, "zwak": 15}
REACH_LABELS: Mapping[str, str] = {"sterk": "sterk", "redelijk": "redelijk", "zwak": "zwak"}


# Knowing a leader or key figure opens more doors than knowing a follower (guide C3: focus on
# leaders when the group acts as a whole).
MEMBER_ROLE_POINTS: Mapping[str, int] = {
    "leader": 20,
    "admired": 12,
    "independent": 6,
    "socialising": 6,
    "rejected": 4,
    "follower": 6,
}
DEFAULT_MEMBER_POINTS = 6
MEMBER_POINTS_CAP = 60

# The guide: credible messengers of the group's own area deliver the message best.
CREDIBLE_MESSENGER_AREA_POINTS = 45
KEY_FIGURE_AREA_POINTS = 15
AREA_POINTS = 8
OUT_OF_HOURS_POINTS = 5

CREDIBLE_MESSENGER = "credible_messenger"
KEY_FIGURE = "key_figure"


@dataclass(frozen=True)
class Candidate:
    contact_id: int
    kind: str
    name: str = ""
    areas: Sequence[str] = ()
    out_of_hours: bool = False
    reach_strength: str | None = None
    # Role (in the group) of each group member this contact knows; only members the viewer may see.
    known_member_roles: Sequence[str] = ()


@dataclass(frozen=True)
class Ranked:
    contact_id: int
    score: int
    reasons: tuple[str, ...] = field(default_factory=tuple)
    area_messenger: bool = False


def _norm(values: Iterable[str]) -> dict[str, str]:
    """Normalised (lower-case) area → the spelling as given."""
    return {v.strip().lower(): v.strip() for v in values if v and v.strip()}


def _member_reason(roles: Sequence[str]) -> str:
    leaders = sum(1 for r in roles if r == "leader")
    text = ngettext(
        "Kent %(count)d lid van de groep", "Kent %(count)d leden van de groep", len(roles)
    ) % {"count": len(roles)}
    if leaders:
        text += ngettext(
            ", onder wie %(count)d leider/sleutelfiguur",
            ", onder wie %(count)d leiders/sleutelfiguren",
            leaders,
        ) % {"count": leaders}
    return text + "."


def score(candidate: Candidate, group_areas: Sequence[str]) -> Ranked:
    points = 0
    reasons: list[str] = []
    strength = candidate.reach_strength
    if strength is not None and strength in REACH_POINTS:
        points += REACH_POINTS[strength]
        reasons.append(
            _("Bereikt de groep rechtstreeks (%(strength)s).")
            % {"strength": REACH_LABELS[strength]}
        )
    roles = list(candidate.known_member_roles)
    if roles:
        member_points = sum(MEMBER_ROLE_POINTS.get(r, DEFAULT_MEMBER_POINTS) for r in roles)
        points += min(member_points, MEMBER_POINTS_CAP)
        reasons.append(_member_reason(roles))
    group = _norm(group_areas)
    shared = sorted(set(_norm(candidate.areas)) & set(group))
    area_messenger = False
    if shared:
        where = {"areas": ", ".join(group[key] for key in shared)}
        if candidate.kind == CREDIBLE_MESSENGER:
            area_messenger = True
            points += CREDIBLE_MESSENGER_AREA_POINTS
            reasons.append(_("Credible messenger in het gebied van de groep (%(areas)s).") % where)
        elif candidate.kind == KEY_FIGURE:
            points += KEY_FIGURE_AREA_POINTS
            reasons.append(_("Sleutelfiguur in het gebied van de groep (%(areas)s).") % where)
        else:
            points += AREA_POINTS
            reasons.append(_("Actief in het gebied van de groep (%(areas)s).") % where)
    if points and candidate.out_of_hours:
        points += OUT_OF_HOURS_POINTS
        reasons.append(_("Ook buiten kantoortijd bereikbaar."))
    return Ranked(candidate.contact_id, points, tuple(reasons), area_messenger)


def rank(candidates: Iterable[Candidate], group_areas: Sequence[str]) -> list[Ranked]:
    """Contacts with any relation to the group, best first. Ties: credible messengers of the area
    first, then availability out of hours, then name (stable and predictable)."""
    by_id = {c.contact_id: c for c in candidates}
    scored = [score(c, group_areas) for c in by_id.values()]
    kept = [r for r in scored if r.score > 0]
    return sorted(
        kept,
        key=lambda r: (
            -r.score,
            not r.area_messenger,
            not by_id[r.contact_id].out_of_hours,
            by_id[r.contact_id].name.lower(),
            r.contact_id,
        ),
    )
