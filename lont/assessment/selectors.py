"""Permission-aware reads: everything through the visibility layer, at the viewer's access level."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import connections, models, router
from django.db.models import Count
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lont.core.pagination import capped_count_expression
from lont.core.policies import may_open
from lont.core.prepared import ViewerQuery
from lont.core.related import filter_visible, label_text, prefetch_visible
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for, visible
from lont.networks.choices import Access
from lont.signalregister.choices import PersonRole
from lont.signalregister.models import ContextNote, Signal, SignalPerson
from lont.signalregister.selectors import summary_prefetch
from lont.subjects.models import ConflictEvent, Group, Person

from . import recompute
from .choices import LEVEL_RANK, ActionStatus, LevelCode
from .lines import SIGNAL_KINDS
from .models import Action, AgendaItem, CaseMeeting, EngineParameterSet, Situation

K = TypeVar("K")  # the caller's key of a list of contributions
SUPPRESS_BELOW = 5


def situations(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, Situation.objects.select_related("organisation", "rivalry"))


def situation_options(viewer: Viewer, text: str | None, *, limit: int = 10) -> list[Situation]:
    """The first visible situations (by title) whose title holds ``text`` (without text, the
    first ones), for a situation field's suggestions."""
    text = (text or "").strip()[:100]
    rows = visible(viewer, Situation)
    if text:
        rows = rows.filter(title__icontains=text)
    return list(rows.order_by("title", "pk")[:limit])


@system_context("the viewer's access level per linked signal (ids and categories only)")
def signal_access(viewer: Viewer, ids: set[int]) -> dict[int, Access]:
    """The viewer's access per signal id (one query)."""
    rows = Signal.objects.filter(pk__in=ids, network=viewer.network).only(
        "pk", "network_id", "organisation_id", "category"
    )
    return {row.pk: access_for(viewer, row) for row in rows}


# How the engine names a signal in its (cached) lines: "Signaal 331", "signaal 331".
ENGINE_SIGNAL_REF = re.compile(r"\b([Ss])ignaal \d+\b")


def _named(text: str, label: str) -> str:
    """The engine's line with its signal number replaced by the signal's label (its case kept:
    "Signaal 331: …" at the start, "… op signaal 331: …" inside)."""

    def name(match: re.Match[str]) -> str:
        first = label[:1].upper() if match.group(1) == "S" else label[:1].lower()
        return first + label[1:]

    return ENGINE_SIGNAL_REF.sub(name, text)


def explanation_lines(viewer: Viewer, situation: Situation) -> list[dict[str, Any]]:
    """Every contribution with its number; each signal line at the viewer's access to that
    signal: the full reason, the covenant's summary, or only that a partner's signal counts.

    The engine names a signal by its number; here, at display time, the number becomes the
    signal's label as the visibility layer declares it for this viewer (organisation, the groups
    the viewer may see, date) with a link when the viewer may open the signal. A signal the
    viewer may not see is named by nothing."""
    lines, _rows = contribution_lines(viewer, recompute.explained(situation))
    return lines


def explanation_lines_of(
    viewer: Viewer, situations: Iterable[Situation]
) -> tuple[dict[int, list[dict[str, Any]]], list[Signal]]:
    """``explanation_lines`` of several situations by their pk (a meeting's agenda), with the
    signals the lines name to the viewer: one read of the signals for all of them."""
    return contribution_lines_of(viewer, {s.pk: recompute.explained(s) for s in situations})


def contribution_lines(
    viewer: Viewer, contributions: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[Signal]]:
    """The given contributions as lines at the viewer's level (see ``explanation_lines``), with
    the signals they name to the viewer (for the access log). The signals are read in one query
    plus the label's prefetches, however many lines there are."""
    by_key, named = contribution_lines_of(viewer, {0: contributions})
    return by_key[0], named


def contribution_lines_of(
    viewer: Viewer, contributions: Mapping[K, list[dict[str, Any]]]
) -> tuple[dict[K, list[dict[str, Any]]], list[Signal]]:
    """``contribution_lines`` of several lists of contributions at once (by a key of the
    caller's): the signals of all of them are read together, and each labelled once."""
    ids = {
        int(c["ref"])
        for rows in contributions.values()
        for c in rows
        if c["kind"] in SIGNAL_KINDS and c["ref"].isdigit()
    }
    rows = (
        visible(
            viewer,
            Signal.objects.filter(pk__in=ids)
            .select_related("organisation")
            .prefetch_related(*summary_prefetch(viewer)),
        )
        if ids
        else []
    )
    shown = {row.pk: (row, access_for(viewer, row)) for row in rows}
    opens = bool(shown) and may_open(viewer, "signalregister:detail", next(iter(shown)))
    labels: dict[int, str] = {}
    named: dict[int, Signal] = {}
    by_key = {}
    for key, given in contributions.items():
        by_key[key] = [_line(viewer, c, shown, labels, named, opens) for c in given]
    return by_key, list(named.values())


def _line(
    viewer: Viewer,
    c: dict[str, Any],
    shown: dict[int, tuple[Signal, Access]],
    labels: dict[int, str],
    named: dict[int, Signal],
    opens: bool,
) -> dict[str, Any]:
    """One contribution at the viewer's level; a signal is labelled once (``labels``) and
    remembered as named (``named``) for the access log."""
    level = Access.FULL
    text = c["reason_nl"]
    ref, url = c["ref"], ""
    if c["kind"] in SIGNAL_KINDS:
        pk = int(c["ref"]) if c["ref"].isdigit() else 0
        row, level = shown.get(pk, (None, Access.NONE))
        if row is None or level == Access.NONE:
            # Named by nothing: not by its label, nor by its number (the API's ref).
            level, ref = Access.NONE, ""
            text = _("Signaal van een partner dat u volgens het convenant niet ziet.")
        else:
            if pk not in labels:
                labels[pk] = label_text(viewer, row)
                named[pk] = row
            text = _named(c["summary_nl"] if level == Access.SUMMARY else text, labels[pk])
            url = row.get_absolute_url() if opens else ""
    return {
        "kind": c["kind"],
        "ref": ref,
        "amount": c["amount"],
        "text": text,
        "access": level,
        "url": url,
    }


def _kinds_nl(kinds: list[str]) -> str:
    labels = {"collaboration": _("samenwerking"), "tag": _("taggen"), "live": _("samen live")}
    return ", ".join(str(labels.get(k, k)) for k in kinds)


def _network_text(
    viewer: Viewer,
    net: dict[str, Any],
    access: dict[int, Access],
    group_names: dict[int, str],
    aliases: dict[int, str],
) -> str:
    """A network change at the viewer's access level: people are named only to a viewer who
    reads at least one of its signals in full, groups only to one who may see the groups."""
    seen = [pk for pk in net["signals"] if access.get(pk, Access.NONE) >= Access.SUMMARY]
    if not seen:
        return _(
            "Netwerkverandering, gezien in signalen van een partner die u volgens het convenant "
            "niet ziet."
        )
    full = any(access.get(pk) == Access.FULL for pk in net["signals"])
    hidden = _("afgeschermd")
    a_group = group_names.get(net["a_group"], hidden)
    b_group = group_names.get(net["b_group"], hidden)
    if net["actor"] == "group":
        a, b = a_group, b_group
    else:
        someone = _("een persoon")
        a_name = aliases.get(net["a"], someone) if full else someone
        b_name = aliases.get(net["b"], someone) if full else someone
        a = f"{a_name} ({a_group})"
        b = f"{b_name} ({b_group})"
    # the engine orders a pair by internal ids; readers get the same pair in the same order
    a, b = sorted((a, b))
    relation = _("rivaliserende") if net["relation"] == "rival" else _("niet-verbonden")
    first = dt.datetime.fromisoformat(net["first_at"])
    text = _(
        "Netwerkverandering: %(a)s en %(b)s uit %(relation)s groepen hebben sinds %(date)s "
        "nieuw contact (%(kinds)s; %(count)s×) en hadden eerder geen zulke band."
    ) % {
        "a": a,
        "b": b,
        "relation": relation,
        "date": timezone.localtime(first).strftime("%d-%m-%Y"),
        "kinds": _kinds_nl(net["kinds"]),
        "count": net["count"],
    }
    text += " " + ngettext(
        "Bewijs: %(count)s signaal in de tijdlijn.",
        "Bewijs: %(count)s signalen in de tijdlijn.",
        len(seen),
    ) % {"count": len(seen)}
    unseen = len(net["signals"]) - len(seen)
    if unseen:
        text += " " + ngettext(
            "En %(count)s signaal van een partner dat u niet ziet.",
            "En %(count)s signalen van partners die u niet ziet.",
            unseen,
        ) % {"count": unseen}
    return text


def trend_break_lines(viewer: Viewer, situation: Situation) -> list[dict[str, Any]]:
    """The situation's trend breaks, each with its evidence at the viewer's access level."""
    breaks = situation.trend_breaks
    nets = [b["network"] for b in breaks if b.get("kind") == "network" and "network" in b]
    signal_ids = {pk for net in nets for pk in net["signals"]}
    group_ids = {g for net in nets for g in (net["a_group"], net["b_group"])}
    group_ids |= {
        int(b["subject_ref"])
        for b in breaks
        if b.get("subject") == "group" and str(b.get("subject_ref", "")).isdigit()
    }
    person_ids = {p for net in nets if net["actor"] == "person" for p in (net["a"], net["b"])}
    access = signal_access(viewer, signal_ids) if signal_ids else {}
    group_names = (
        dict(visible(viewer, Group.objects.filter(pk__in=group_ids)).values_list("pk", "name"))
        if group_ids
        else {}
    )
    aliases = (
        dict(visible(viewer, Person.objects.filter(pk__in=person_ids)).values_list("pk", "alias"))
        if person_ids
        else {}
    )
    lines = []
    for b in breaks:
        text = b["evidence_nl"]
        if b.get("kind") == "network" and "network" in b:
            text = _network_text(viewer, b["network"], access, group_names, aliases)
        line = {**{k: v for k, v in b.items() if k != "network"}, "evidence_nl": text}
        if b.get("subject") == "group":
            ref = str(b.get("subject_ref", ""))
            line["subject_name"] = (
                group_names.get(int(ref), _("afgeschermde groep")) if ref.isdigit() else ""
            )
        lines.append(line)
    return lines


def situation_signals(viewer: Viewer, situation: Situation) -> list[tuple[Any, Access]]:
    rows = visible(viewer, situation.signals.select_related("organisation")).order_by(
        "-observed_at", "-pk"
    )
    return [(row, access_for(viewer, row)) for row in rows]


SIGNALS_PER_PAGE = 25
CURSOR_FORMAT = "%Y%m%dT%H%M%S.%f"


def _cursor(row: Signal) -> str:
    at = row.observed_at.astimezone(dt.UTC).strftime(CURSOR_FORMAT)
    return f"{at}_{row.pk}"


def _parse_cursor(cursor: str) -> tuple[dt.datetime, int] | None:
    at, _sep, pk = cursor.partition("_")
    try:
        return dt.datetime.strptime(at, CURSOR_FORMAT).replace(tzinfo=dt.UTC), int(pk)
    except ValueError:
        return None


def situation_signal_page(
    viewer: Viewer, situation: Situation, older_than: str = ""
) -> tuple[list[tuple[Any, Access]], str]:
    """One page of the situation's signals the viewer sees, newest first, each with its access,
    and the cursor of the next (older) page ("" at the end). Keyset-paged from ``older_than``
    (a cursor): no count, and as many rows read however many signals are linked."""
    rows = visible(viewer, situation.signals.select_related("organisation")).order_by(
        "-observed_at", "-pk"
    )
    cursor = _parse_cursor(older_than) if older_than else None
    if cursor is not None:
        at, pk = cursor
        rows = rows.filter(models.Q(observed_at__lt=at) | models.Q(observed_at=at, pk__lt=pk))
    page = list(rows[: SIGNALS_PER_PAGE + 1])
    more = len(page) > SIGNALS_PER_PAGE
    page = page[:SIGNALS_PER_PAGE]
    return [(row, access_for(viewer, row)) for row in page], _cursor(page[-1]) if more else ""


def fresh_signal_count(
    viewer: Viewer, situation: Situation, since: dt.datetime, newest: list[Any] | None = None
) -> int:
    """How many of the situation's signals the viewer sees were observed since ``since``;
    counted on ``newest`` (the first page) when that page reaches back beyond ``since``."""
    if newest is not None and (
        len(newest) < SIGNALS_PER_PAGE or (newest and newest[-1].observed_at < since)
    ):
        return sum(1 for row in newest if row.observed_at >= since)
    return visible(viewer, situation.signals.filter(observed_at__gte=since)).count()


def timeline(
    viewer: Viewer,
    situation: Situation,
    signals: list[tuple[Any, Access]],
    *,
    via: str = "",
    path: str = "",
) -> list[dict[str, Any]]:
    """Signals, context notes (only on signals seen in full), the rivalry's conflict events and
    meetings, newest first. The notes' reasons are read through the layer and, with ``via``,
    access-logged (finding 9)."""
    events: list[dict[str, Any]] = []
    full_ids = [s.pk for s, a in signals if a == Access.FULL]
    for signal, access in signals:
        events.append({"at": signal.observed_at, "kind": "signal", "obj": signal, "access": access})
    notes = visible(viewer, ContextNote.objects.filter(signal_id__in=full_ids), minimum=Access.FULL)
    for note in filter_visible(
        viewer,
        notes.select_related("organisation", "signal"),
        minimum=Access.FULL,
        via=via,
        path=path,
    ):
        events.append({"at": note.created_at, "kind": "note", "obj": note, "access": Access.FULL})
    items = visible(
        viewer, AgendaItem.objects.filter(situation=situation).select_related("meeting")
    )
    for item in items:
        at = dt.datetime.combine(item.meeting.date, dt.time(12), tzinfo=dt.UTC)
        events.append({"at": at, "kind": "meeting", "obj": item, "access": Access.FULL})
    if situation.rivalry_id:
        conflict = visible(viewer, ConflictEvent.objects.filter(relation_id=situation.rivalry_id))
        for event in conflict.select_related("organisation"):
            at = dt.datetime.combine(event.date, dt.time(12), tzinfo=dt.UTC)
            events.append(
                {"at": at, "kind": "event", "obj": event, "access": access_for(viewer, event)}
            )
    events.sort(key=lambda ev: ev["at"], reverse=True)
    return events


NEW_SIGNALS_CAP = 1000
NEW_SIGNALS_SHOWN = 10
SITUATIONS_READ = 200  # the highest scores, of which each level shows PER_LEVEL
PER_LEVEL = 10  # situations listed per level on the dashboard (all of them: "Alle situaties")
BREAKS_SHOWN = 20


# What the dashboard reads of the rows it shows: what it prints, and what the visibility layer
# and the access log decide on (network, owner, category). Whole rows with their joins cost it
# more CPU than anything else on the page.
DASHBOARD_SITUATION = ("id", "network_id", "organisation_id", "title", "level", "score")
DASHBOARD_ACTION = ("network_id", "organisation__name", "due_date", "description", "status")
DASHBOARD_SIGNAL = ("network_id", "organisation__name", "category", "registered_at", "description")
_SITUATION_READ = (*DASHBOARD_SITUATION, "trend_breaks", "level_count", "level_rank", "shown")


def _dashboard_actions(viewer: Viewer) -> models.QuerySet:
    # Actions are shown with what is to be done: only to who reads them in full.
    return (
        visible(viewer, Action.objects.filter(status=ActionStatus.OPEN), minimum=Access.FULL)
        .select_related("organisation")
        .only(*DASHBOARD_ACTION)
        .order_by("due_date", "pk")[:20]
    )


def _dashboard_new_signals(viewer: Viewer, cutoff: dt.datetime) -> models.QuerySet:
    new_signals = visible(viewer, Signal.objects.filter(registered_at__gt=cutoff))
    # The count comes with the rows, as a subquery of their query: counted up to the cap, flat
    # in the size of the register ("meer dan 1000").
    return (
        new_signals.select_related("organisation")
        .only(*DASHBOARD_SIGNAL)
        .annotate(capped_total=capped_count_expression(new_signals, NEW_SIGNALS_CAP))
        .order_by("-registered_at")[:NEW_SIGNALS_SHOWN]
    )


def _dashboard_ranked_situations(viewer: Viewer) -> models.QuerySet:
    level_count, level_rank, shown_history = _situation_windows()
    return (
        visible(viewer, Situation)
        .annotate(level_count=level_count, level_rank=level_rank, shown=shown_history)
        .order_by("-score", "pk")
        .values_list(*_SITUATION_READ)[:SITUATIONS_READ]
    )


# Read on every visit to the dashboard, the same SQL for everyone with the same viewer key:
# compiled once per key (lont.core.prepared.ViewerQuery), most of the page's CPU otherwise.
_DASHBOARD_ACTIONS = ViewerQuery(_dashboard_actions)
_DASHBOARD_NEW_SIGNALS = ViewerQuery(_dashboard_new_signals, cutoff=dt.datetime)
_DASHBOARD_SITUATIONS = ViewerQuery(_dashboard_ranked_situations)


def dashboard(viewer: Viewer, since: dt.datetime | None) -> dict[str, Any]:
    # The dashboard shows a situation's level, score and trend breaks: its stored explanation,
    # drill reading and requests (large at a large situation) stay in the database. Per level it
    # lists the highest scores and counts the rest, so it stays the same size in a large network.
    # Three queries whatever the size: the situations, the open actions, the new signals.
    cutoff = since or timezone.now() - dt.timedelta(days=14)
    by_level, breaks = _dashboard_situations(viewer, cutoff)
    actions = _DASHBOARD_ACTIONS(viewer)
    new_list = _DASHBOARD_NEW_SIGNALS(viewer, cutoff=cutoff)
    counted = new_list[0].capped_total if new_list else 0
    shown_breaks = [situation for situation, _b in breaks]
    return {
        "by_level": by_level,
        "breaks": breaks,
        "actions": actions,
        "new_signals": [(s, access_for(viewer, s)) for s in new_list],
        "new_signal_count": min(counted, NEW_SIGNALS_CAP),
        "new_signal_capped": counted > NEW_SIGNALS_CAP,
        "since": since,
        "logged": list(
            {
                s.pk: s for s in [*(s for _l, shown, _n in by_level for s in shown), *shown_breaks]
            }.values()
        )
        + actions
        + new_list,
    }


def _dashboard_situations(
    viewer: Viewer, cutoff: dt.datetime
) -> tuple[list[tuple[LevelCode, list[Situation], int]], list[tuple[Situation, dict[str, Any]]]]:
    """Per level (acute first, levels with situations shown only) its PER_LEVEL highest scores and
    how many it has; and the trend breaks since ``cutoff`` of the SITUATIONS_READ highest scores.

    One query: the highest scores with their level's count and their rank in it (window
    functions, over every situation the viewer sees), and their score history only where the
    rank puts them on the page. A network of 300 situations built 600 model instances (with
    organisation and rivalry) for about 40 shown; now just the shown ones are built."""
    ranked = _DASHBOARD_SITUATIONS(viewer)
    after = cutoff.isoformat()
    shown: dict[str, list[Situation]] = {code: [] for code in reversed(LevelCode.values)}
    counts: dict[str, int] = {}
    breaks: list[tuple[Situation, dict[str, Any]]] = []
    for *fields, trend_breaks, level_count, level_rank, history in ranked:
        recent = [b for b in trend_breaks if b.get("at", "") >= after]
        if level_rank > PER_LEVEL and not (recent and len(breaks) < BREAKS_SHOWN):
            continue
        situation = _shown_situation(fields, history if level_rank <= PER_LEVEL else None)
        if level_rank <= PER_LEVEL:
            shown[situation.level].append(situation)
            counts[situation.level] = level_count
        breaks.extend((situation, b) for b in recent[: BREAKS_SHOWN - len(breaks)])
    by_level = [(LevelCode(code), rows, counts[code]) for code, rows in shown.items() if rows]
    return by_level, breaks


def _situation_windows() -> tuple[RawSQL, RawSQL, RawSQL]:
    """The window columns of the dashboard's situation read: the level's count, the rank in the
    level by score, and the score history where that rank shows it. Written as SQL: Django's
    ``Window``/``Case`` expressions cost more CPU to build and compile on every request than the
    rest of the query (the same SQL; both databases have window functions)."""
    count, rank, history = _situation_window_sql()
    return (
        RawSQL(count, (), output_field=models.IntegerField()),  # noqa: S611
        RawSQL(rank, (), output_field=models.IntegerField()),  # noqa: S611
        RawSQL(history, (PER_LEVEL,), output_field=models.JSONField()),  # noqa: S611
    )


@functools.cache
def _situation_window_sql() -> tuple[str, str, str]:
    # The model's column names and a parameter: nothing from a request in the text.
    quote = connections[router.db_for_read(Situation)].ops.quote_name
    table = quote(Situation._meta.db_table)
    level, score, key, history = (
        f"{table}.{quote(c)}" for c in ("level", "score", "id", "history")
    )
    in_level = f"PARTITION BY {level} ORDER BY {score} DESC, {key} ASC"
    return (
        f"COUNT(*) OVER (PARTITION BY {level})",
        f"ROW_NUMBER() OVER ({in_level})",
        f"CASE WHEN ROW_NUMBER() OVER ({in_level}) <= %s THEN {history} END",
    )


def _shown_situation(fields: list[Any], history: list[Any] | None) -> Situation:
    """A situation the dashboard shows, built from its read columns as the queryset would build it
    (``from_db``; the others deferred). The score history only where its sparkline is drawn."""
    names = list(DASHBOARD_SITUATION)
    if history is not None:
        names, fields = [*names, "history"], [*fields, history]
    values = dict(zip(names, fields, strict=True))
    attnames = [f.attname for f in Situation._meta.concrete_fields if f.attname in values]
    # The database the viewer query read (its default), as the queryset's instances would say.
    return Situation.from_db("default", attnames, [values[name] for name in attnames])


def meetings(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, CaseMeeting.objects.select_related("chair", "organisation"))


def meeting_items(
    viewer: Viewer, meeting: CaseMeeting, *, via: str = "", path: str = ""
) -> list[AgendaItem]:
    """Items whose situation the viewer may see (at least as summary). Their dissents and
    actions are other partners' rows: only those the viewer reads in full, row *and* item
    (finding 3), fetched through the layer and, with ``via``, access-logged."""
    allowed = set(situations(viewer).values_list("pk", flat=True))
    # Items read as a summary keep only their summary (no unknowns, rationale, concerns…).
    items = filter_visible(
        viewer,
        visible(viewer, AgendaItem.objects.filter(meeting=meeting)).select_related("situation"),
    )
    items = [item for item in items if item.situation_id in allowed]
    for lookup, joins in (("dissents", ("organisation",)), ("actions", ("organisation", "owner"))):
        prefetch_visible(
            viewer, items, lookup, minimum=Access.FULL, via=via, path=path, select_related=joins
        )
    return items


def previous_actions(viewer: Viewer, meeting: CaseMeeting) -> list[Action]:
    """The previous meeting's actions and their results: the BOB cycle opens with them."""
    previous = meetings(viewer).filter(date__lt=meeting.date).order_by("-date", "-pk").first()
    if previous is None:
        return []
    return list(
        visible(
            viewer, Action.objects.filter(item__meeting=previous), minimum=Access.FULL
        ).select_related("organisation", "owner", "item__situation")
    )


def actions_board(viewer: Viewer, today: dt.date) -> dict[str, list[Action]]:
    rows = visible(viewer, Action.objects.all(), minimum=Access.FULL).select_related(
        "organisation", "owner", "item__situation", "item__meeting"
    )
    board: dict[str, list[Action]] = {"overdue": [], "open": [], "done": []}
    for action in rows.order_by("due_date", "pk")[:500]:
        if action.status == ActionStatus.OPEN:
            board["overdue" if action.due_date < today else "open"].append(action)
        else:
            board["done"].append(action)
    return board


def parameter_versions(viewer: Viewer) -> list[EngineParameterSet]:
    return list(
        EngineParameterSet.objects.filter(network=viewer.network).select_related("created_by")
    )


NONE_SHOWN = "0"
SUPPRESSED = "<5"


def _suppress(n: int) -> str:
    """ "None" (0) and "fewer than five" (1-4, not shown) are different answers: both are told."""
    if n == 0:
        return NONE_SHOWN
    return SUPPRESSED if n < SUPPRESS_BELOW else str(n)


# Principle 10: only whom the signals concern as involved or possible perpetrator is counted —
# never victims, witnesses or tipsters (the engine's counting roles).
FAIRNESS_ROLES = (PersonRole.INVOLVED, PersonRole.POSSIBLE_PERPETRATOR)


@system_context("fairness: aggregate counts over the network's signals, small cells hidden")
def fairness(viewer: Viewer) -> dict[str, Any]:
    """Distinct people that signals concern (involved or possible perpetrator) per quarter, by age
    band, area and group; cells of one to four shown as "<5" so no small group of young people can
    be singled out, an empty cell as "0". Group names are case content: a viewer who reads no case
    content (the privacy officer) sees the same rows as "Groep 1", "Groep 2", …"""
    base = SignalPerson.objects.filter(
        network=viewer.network, role__in=FAIRNESS_ROLES, person__isnull=False
    ).annotate(
        year=ExtractYear("signal__observed_at"), quarter=ExtractQuarter("signal__observed_at")
    )
    tables = {}
    for key, field in (("age", "person__age_band"), ("area", "person__area")):
        rows = base.values("year", "quarter", field).annotate(n=Count("person", distinct=True))
        tables[key] = [(r["year"], r["quarter"], r[field] or "", r["n"]) for r in rows]
    # An area is typed on a person's record: case content, numbered like groups for the FG.
    areas = _numbered(viewer, sorted({label for _y, _q, label, _n in tables["area"] if label}))
    tables["area"] = [(y, q, areas.get(label, label), n) for y, q, label, n in tables["area"]]
    group_rows = (
        base.filter(signal__groups__isnull=False)
        .values("year", "quarter", "signal__groups__group_id", "signal__groups__group__name")
        .annotate(n=Count("person", distinct=True))
    )
    names = _group_labels(
        viewer,
        {r["signal__groups__group_id"]: r["signal__groups__group__name"] for r in group_rows},
    )
    tables["group"] = [
        (r["year"], r["quarter"], names[r["signal__groups__group_id"]], r["n"]) for r in group_rows
    ]
    out: dict[str, Any] = {}
    quarters = sorted({(y, q) for rows in tables.values() for y, q, _k, _n in rows})
    for key, rows in tables.items():
        grid: dict[str, dict[tuple[int, int], int]] = defaultdict(dict)
        for y, q, label, n in rows:
            grid[label][(y, q)] = n
        out[key] = [
            (label, [_suppress(grid[label].get(quarter, 0)) for quarter in quarters])
            for label in sorted(grid, key=_label_key)
        ]
    out["quarters"] = [f"{y} K{q}" for y, q in quarters]
    out["group_names"] = viewer.can("case.read")
    return out


def _numbered(viewer: Viewer, labels: list[str]) -> dict[str, str]:
    if viewer.can("case.read"):
        return {label: label for label in labels}
    return {label: _("Gebied %(n)s") % {"n": n} for n, label in enumerate(labels, start=1)}


def _group_labels(viewer: Viewer, rows: dict[int, str]) -> dict[int, str]:
    if viewer.can("case.read"):
        return rows
    # Numbered in the order the groups were recorded: stable, and says nothing about the group.
    return {pk: _("Groep %(n)s") % {"n": n} for n, pk in enumerate(sorted(rows), start=1)}


def _label_key(label: str) -> tuple[str, int]:
    # Natural order: "Groep 2" before "Groep 10".
    head, _sep, tail = label.rpartition(" ")
    return (head, int(tail)) if tail.isdigit() else (label, -1)


def level_rank(code: str) -> int:
    return LEVEL_RANK.get(code, 0)
