"""What a professional reads in ten seconds (issue 9, item 5): one plain-Dutch sentence per
situation — why this level, what changed since last week — and what the situation names (its
signals, groups and people, and the signals that linked themselves), each at the viewer's access.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lont.audit.models import AccessVia
from lont.core.related import prefetch_visible
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.signalregister.models import Signal
from lont.subjects.models import Group, GroupRelation

from .autolink import reason_label
from .choices import LEVEL_RANK, LevelCode
from .models import Situation


def _level(code: str) -> str:
    return str(LevelCode(code).label) if code in LevelCode.values else code


def _week_ago_level(situation: Situation, now: dt.datetime) -> str | None:
    """The level the situation had a week ago (the last computation before then), if known."""
    before = now - dt.timedelta(days=7)
    level = None
    for entry in situation.history:
        at = parse_datetime(str(entry.get("at", "")))
        if at is not None and at <= before:
            level = entry.get("level")
    return level


def plain_sentence(
    situation: Situation,
    lines: list[dict[str, Any]],
    fresh: int,
    now: dt.datetime | None = None,
) -> str:
    """ "Niveau hoog, vooral door …; sinds vorige week gestegen van verhoogd, 2 nieuwe signalen."
    Built from the contribution lines as the viewer may read them (never more)."""
    now = now or timezone.now()
    level = _level(situation.level)
    top = max(lines, key=lambda line: line["amount"], default=None)
    if top is None or top["amount"] <= 0:
        why = _("er telt nog niets mee")
    else:
        text = str(top["text"]).strip().rstrip(".")
        why = _("vooral door: %(reason)s") % {"reason": text[:1].lower() + text[1:]}
    old = _week_ago_level(situation, now)
    if old is None:
        change = _("een week geleden was er nog geen niveau")
    elif LEVEL_RANK.get(old, 0) < LEVEL_RANK.get(situation.level, 0):
        change = _("sinds vorige week gestegen van %(old)s") % {"old": _level(old)}
    elif LEVEL_RANK.get(old, 0) > LEVEL_RANK.get(situation.level, 0):
        change = _("sinds vorige week gedaald van %(old)s") % {"old": _level(old)}
    else:
        change = _("gelijk aan vorige week")
    new = ngettext(
        "%(count)d nieuw signaal deze week", "%(count)d nieuwe signalen deze week", fresh
    ) % {"count": fresh}
    return _("Niveau %(level)s, %(why)s; %(change)s, %(new)s.") % {
        "level": level,
        "why": why,
        "change": change,
        "new": new,
    }


def named(
    viewer: Viewer, situation: Situation, signals: list[tuple[Any, Access]], path: str
) -> dict[str, Any]:
    """The groups and people the situation names (through its groups, its rivalry and the
    ``signals`` shown), each only when the viewer may see it; and the automatic links with their
    reason (``autolinked``: the signals they name, for the access log)."""
    groups = list(visible(viewer, situation.groups.all()).order_by("name"))
    if situation.rivalry_id:
        rivalry = visible(viewer, GroupRelation.objects.filter(pk=situation.rivalry_id)).first()
        if rivalry is not None:
            ids = [rivalry.group_a_id, rivalry.group_b_id]
            known = {g.pk for g in groups}
            groups += list(visible(viewer, Group.objects.filter(pk__in=ids).exclude(pk__in=known)))
    full = [row for row, access in signals if access == Access.FULL]
    people: dict[int, Any] = {}
    if full:
        prefetch_visible(
            viewer,
            full,
            "people",
            minimum=Access.SUMMARY,
            via=AccessVia.PAGE,
            path=path,
            select_related=("person",),
        )
        for row in full:
            for link in row.people.all():
                if link.person_id and link.person is not None:
                    people.setdefault(link.person_id, link.person)
    shown = {row.pk: row for row, _a in signals}
    # A signal that linked itself is named by its date, also when it is not on this page.
    missing = {link["signal"] for link in situation.auto_links} - set(shown)
    if missing:
        shown.update(
            (row.pk, row) for row in visible(viewer, Signal.objects.filter(pk__in=missing))
        )
    autolinks = []
    for link in situation.auto_links:
        autolinks.append(
            {
                "signal": shown.get(link["signal"]),
                "signal_id": link["signal"],
                "reason": reason_label(link.get("kind", "")),
                "at": parse_datetime(str(link.get("at", ""))),
                "undone": link.get("undone", False),
            }
        )
    return {
        "named_groups": groups,
        "named_people": sorted(people.values(), key=lambda p: str(p)),
        "autolinks": autolinks,
        "autolinked": [link["signal"] for link in autolinks if link["signal"] is not None],
    }
