"""Permission-aware reads of the signal register, all through the visibility layer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date

from lont.core.filters import UnknownFilter, int_param
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for, categories_at_least, visible
from lont.knowledge.models import Indicator
from lont.networks.choices import Access
from lont.networks.models import Organisation
from lont.subjects.models import Group, Person

from . import guard
from .choices import SourceType, Status
from .models import (
    ContextNote,
    EngagementObservation,
    GuardEvent,
    Signal,
    SignalAttachment,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
)
from .summaries import SUMMARY_PARTS, SUMMARY_VALUES, SummaryValues, tags_of, weight_labels


@dataclass(frozen=True)
class SignalFilters:
    status: str = ""
    source_type: str = ""
    group: int | None = None
    # What was typed in the group field: without a chosen group, every visible group whose
    # name holds it (the form's plain-text fallback when JavaScript does not run).
    group_text: str | None = None
    indicator: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        return any(
            [
                self.status,
                self.source_type,
                self.group,
                self.group_text,
                self.indicator,
                self.date_from,
                self.date_to,
                self.q,
            ]
        )


def parse_filters(params: QueryDict) -> SignalFilters:
    status = params.get("status", "")
    source = params.get("bron", "")
    return SignalFilters(
        status=status if status in Status.values else "",
        source_type=source if source in SourceType.values else "",
        group=int_param(params, "groep"),
        group_text=(params.get("groep_naam") or "").strip()[:100]
        if "groep_naam" in params
        else None,
        indicator=int_param(params, "indicator"),
        date_from=parse_date(params.get("van", "") or "") if _is_date(params.get("van")) else None,
        date_to=parse_date(params.get("tot", "") or "") if _is_date(params.get("tot")) else None,
        q=(params.get("q") or "").strip()[:100],
    )


def _is_date(value: str | None) -> bool:
    try:
        return bool(value) and parse_date(value or "") is not None
    except ValueError:
        return False


def full_access_q(viewer: Viewer) -> Q:
    """Rows this viewer reads in full: own organisation's, or a category shared in full."""
    return Q(organisation=viewer.organisation.pk) | Q(
        category__in=categories_at_least(viewer, Access.FULL)
    )


def summary_prefetch(viewer: Viewer) -> list[Any]:
    """What a summary shows (groups, indicators): two prefetches, constant in the row count.
    Kept as lists (``SUMMARY_PARTS``, read by ``summaries``): a prefetch into ``signal.groups``
    builds a filtered queryset per signal, which cost a list page more than its two queries."""
    return [
        Prefetch(
            "groups",
            queryset=SignalGroup.objects.for_viewer(viewer).select_related("group"),
            to_attr=SUMMARY_PARTS["groups"],
        ),
        Prefetch(
            "indicators",
            queryset=SignalIndicator.objects.for_viewer(viewer).select_related("indicator"),
            to_attr=SUMMARY_PARTS["indicators"],
        ),
    ]


def attach_summary_values(viewer: Viewer, signals: list[Signal]) -> None:
    """What the summaries of a page of listed signals name, read as values in two queries and
    no model rows (``summaries.SummaryValues``): a prefetch built about 270 model instances for
    a page of 50 signals, a third of the list's CPU. The rows come through the layer as the
    prefetch's did, and a group is named only where the layer lets the viewer see it (the
    filter ``group_names`` applies to prefetched rows, here in the query)."""
    ids = [signal.pk for signal in signals]
    # ``signal__pk__in``, not ``signal_id__in``: the same condition on the link's column (Django
    # trims the join), prepared as plain keys (the relation's lookup took 18 calls per key).
    groups: dict[int, list[str]] = {pk: [] for pk in ids}
    for signal_id, name in (
        visible(viewer, SignalGroup)
        .filter(signal__pk__in=ids, group__in=visible(viewer, Group).values("pk"))
        .values_list("signal_id", "group__name")
    ):
        groups[signal_id].append(name)
    indicators: dict[int, list[tuple[str, str, str, str]]] = {pk: [] for pk in ids}
    for signal_id, *indicator in (
        visible(viewer, SignalIndicator)
        .filter(signal__pk__in=ids)
        .values_list(
            "signal_id",
            "indicator__code",
            "indicator__label_nl",
            "indicator__weight_class",
            "indicator__category",
        )
    ):
        indicators[signal_id].append(tuple(indicator))
    weights = weight_labels()
    for signal in signals:
        signal.__dict__[SUMMARY_VALUES] = SummaryValues(
            viewer=viewer,
            group_names=groups[signal.pk],
            tags=tags_of(indicators[signal.pk], weights),
        )


def people_and_attachments_prefetch(viewer: Viewer) -> list[Any]:
    """The people (with their person row) and attachments of signals, read through the layer."""
    return [
        Prefetch(
            "people", queryset=SignalPerson.objects.for_viewer(viewer).select_related("person")
        ),
        Prefetch("attachments", queryset=SignalAttachment.objects.for_viewer(viewer)),
    ]


def signals(viewer: Viewer, filters: SignalFilters | None = None) -> QuerySet[Signal]:
    """The signals matching the filters with what their summaries name prefetched (the API)."""
    return signal_list(viewer, filters).prefetch_related(*summary_prefetch(viewer))


# What a row of the signal list reads of a signal (``.only``): what it shows, what the visibility
# layer decides on (network, owner, category) and the organisation's name for the summary.
LISTED_FIELDS = (
    "network_id",
    "organisation__name",
    "category",
    "observed_at",
    "source_type",
    "status",
    "description",
)


def signal_list(
    viewer: Viewer, filters: SignalFilters | None = None, *, search_limit: int | None = None
) -> QuerySet[Signal]:
    """The signals matching the filters, newest first, with their organisation. What their
    summaries name is read for the rows shown only (``attach_summary_values``).

    ``search_limit``: the list is read no further than its first ``search_limit`` rows (the
    capped page's key read, ``CappedPaginator``), so a search may stop at as many signals found
    by each of its ways (``_search_keys``)."""
    filters = filters or SignalFilters()
    queryset = visible(viewer, Signal).select_related("organisation")
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    elif not filters.q:
        queryset = queryset.exclude(status=Status.ARCHIVED)
    if filters.source_type:
        queryset = queryset.filter(source_type=filters.source_type)
    # The list is read through the links of the chosen indicator, else of the chosen group: a
    # join, not EXISTS (a signal has an indicator or a group once, the links' unique
    # constraints, so no row is doubled), ordered by the link's copy of observed_at and its
    # signal key (the same values as the signal's). The links are then read newest first
    # through their (indicator or group, observed_at, signal) index and the reading stops at
    # the page needed, instead of reading every link and sorting their signals. The day bounds
    # are tested on that copy only (one filter call: one join): bounding the signal's
    # observed_at as well made the planner count the bound twice, expect a third of the rows
    # and read every signal of the period instead. Other links are tested with EXISTS (an
    # index probe per row); without a link the (network, observed_at, id) index is the order.
    # A group filter counts only for a group the viewer may see: filtering by an invisible
    # group's id would tell which visible signals are linked to it (it finds none, as an
    # unknown id does; the page refuses it with a message first, ``resolve_group``).
    since = _day_start(filters.date_from) if filters.date_from else None
    until = _day_start(filters.date_to + dt.timedelta(1)) if filters.date_to else None
    through: dict[str, Any] = {}
    if filters.indicator:
        through = {"indicators__indicator": filters.indicator}
    if filters.group:
        group = visible(viewer, Group).filter(pk=filters.group)
        if through:
            queryset = queryset.filter(
                Exists(
                    SignalGroup.objects.filter(
                        signal_id=OuterRef("pk"), group_id__in=group.values("pk")
                    )
                )
            )
        else:
            # The group's visibility is one test for the whole list (uncorrelated).
            queryset = queryset.filter(Exists(group))
            through = {"groups__group": filters.group}
    elif filters.group_text:
        queryset = queryset.filter(
            Exists(
                SignalGroup.objects.filter(
                    signal_id=OuterRef("pk"),
                    group_id__in=_groups_named(viewer, filters.group_text).values("pk"),
                )
            )
        )
    order = ("-observed_at", "-pk")
    if through:
        link = next(iter(through)).split("__")[0]
        if since:
            through[f"{link}__signal_observed_at__gte"] = since
        if until:
            through[f"{link}__signal_observed_at__lt"] = until
        queryset = queryset.filter(**through)
        order = (f"-{link}__signal_observed_at", f"-{link}__signal_id")
    else:
        if since:
            queryset = queryset.filter(observed_at__gte=since)
        if until:
            queryset = queryset.filter(observed_at__lt=until)
    if filters.q:
        # Search reads the description: only where the viewer may read it in full.
        queryset = queryset.filter(full_access_q(viewer))
        keys = _search_keys(viewer, filters.q, queryset.order_by(*order), search_limit)
        queryset = queryset.filter(pk__in=keys)
    return queryset.order_by(*order)


def signals_by_key(viewer: Viewer) -> QuerySet[Signal]:
    """The signals of ``signal_list`` read by key (a page whose keys the list's filters found):
    through the visibility layer, with their organisation, without the filters."""
    return visible(viewer, Signal).select_related("organisation")


def _day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` in the current time zone (what ``__date`` compares)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _search_keys(
    viewer: Viewer, q: str, listed: QuerySet[Signal], limit: int | None
) -> QuerySet[Any]:
    """The keys of the ``listed`` signals whose description holds ``q``, or that name a group or
    person (visible to the viewer) whose name or alias holds it. The description is searched in
    Dutch full text on PostgreSQL (word forms: "plein" finds "pleinen", through the GIN index
    of migration 0008), as a substring elsewhere; names and aliases as fragments ("plei" finds
    "Pleinjongens", through the trigram indexes of subjects' migration 0005).

    The three ways are one UNION of keys, each read with the list's filters and in its order.
    With a ``limit`` (PostgreSQL) each way stops at its first ``limit`` signals: the list's
    first ``limit`` rows are among them, so a word in every description reads about ``limit``
    signals newest first (the planner walks the list's order, testing the text per row)
    instead of every signal that holds it, and a rare word is still read through the GIN
    index. SQLite allows no LIMIT inside a UNION: there each way reads all it finds."""
    described: QuerySet[Any]
    if connection.vendor == "postgresql":
        described = listed.annotate(document=SearchVector("description", config="dutch")).filter(
            document=SearchQuery(q, config="dutch")
        )
    else:
        described = listed.filter(description__icontains=q)
    groups = listed.filter(
        pk__in=visible(viewer, SignalGroup)
        .filter(group_id__in=_groups_named(viewer, q).values("pk"))
        .values("signal_id")
    )
    people = listed.filter(
        pk__in=visible(viewer, SignalPerson)
        .filter(person_id__in=visible(viewer, Person).filter(alias__icontains=q).values("pk"))
        .values("signal_id")
    )
    ways = [way.values("pk") for way in (described, groups, people)]
    if limit is not None and connection.features.supports_slicing_ordering_in_compound:
        ways = [way[:limit] for way in ways]
    else:
        ways = [way.order_by() for way in ways]
    return ways[0].union(*ways[1:])


def _groups_named(viewer: Viewer, text: str) -> QuerySet[Group]:
    """Visible groups whose name or other name holds ``text`` (a fragment: "plei" finds
    "Pleinjongens"); on PostgreSQL through the trigram indexes of subjects' migration 0005."""
    return visible(viewer, Group).filter(Q(name__icontains=text) | Q(other_names__icontains=text))


def resolve_group(viewer: Viewer, filters: SignalFilters) -> tuple[SignalFilters, Group | None]:
    """The chosen group (visible to the viewer) and the filters to apply. A chosen group counts
    only while the group field still names it (its name or a part of it): without JavaScript the
    hidden choice stays when the user empties the field or types another name, and then what was
    typed wins. A link with only ``groep`` keeps the choice. A group that is missing or that
    the viewer may not see is refused alike (``UnknownFilter``: the page drops it with a
    message) and filters nothing."""
    if not filters.group:
        return filters, None
    group = visible(viewer, Group).filter(pk=filters.group).first()
    if group is None:
        raise UnknownFilter("groep")
    typed = filters.group_text
    if typed is not None and (not typed or typed.casefold() not in group.name.casefold()):
        return replace(filters, group=None), None
    return replace(filters, group_text=group.name), group


def group_choices(viewer: Viewer) -> QuerySet[Group]:
    return visible(viewer, Group).order_by("name")


def person_choices(viewer: Viewer) -> QuerySet[Person]:
    return visible(viewer, Person).order_by("alias")


def indicator_choices(viewer: Viewer) -> QuerySet[Indicator]:
    return Indicator.objects.filter(network=viewer.network, is_active=True).order_by("code")


def indicator_options(viewer: Viewer) -> list[tuple[int, str]]:
    """The indicator filter's options (id, Dutch label): values, not knowledge-base rows."""
    return list(indicator_choices(viewer).values_list("pk", "label_nl"))


def notes_for(viewer: Viewer, signal: Signal) -> list[tuple[ContextNote, Access]]:
    rows = visible(viewer, ContextNote.objects.filter(signal=signal).select_related("organisation"))
    return [(note, access_for(viewer, note)) for note in rows]


def engagement_growth(viewer: Viewer, signal: Signal) -> list[dict[str, Any]]:
    """Each measurement with its growth against the previous one (views, likes, reposts, comments)."""
    rows: list[dict[str, Any]] = []
    previous: EngagementObservation | None = None
    for obs in signal.engagement.for_viewer(viewer):
        row: dict[str, Any] = {"obs": obs, "growth": {}}
        if previous is not None:
            for name in ("views", "likes", "reposts", "comments"):
                row["growth"][name] = getattr(obs, name) - getattr(previous, name)
        rows.append(row)
        previous = obs
    return rows


@system_context("the FG's guard report: counts per organisation and alias, no content")
def guard_report(viewer: Viewer) -> list[Any]:
    """For the FG: crossings per organisation and person (by number — the privacy officer reads no
    case content, and an alias is a minor's pseudonym), with their outcomes. No content."""
    return list(
        GuardEvent.objects.filter(network=viewer.network)
        .values("organisation__name", "person_id")
        .annotate(
            crossings=Count("pk"),
            orders=Count("pk", filter=Q(outcome=GuardEvent.Outcome.ORDER)),
            handovers=Count("pk", filter=Q(outcome=GuardEvent.Outcome.HANDOVER)),
            stopped=Count("pk", filter=Q(outcome=GuardEvent.Outcome.STOPPED)),
        )
        .order_by("organisation__name", "person_id")
    )


def handover_recipients(viewer: Viewer) -> list[Organisation]:
    """The partners the viewer may hand information to: others in the network whose legal powers
    allow the data (``guard.may_receive_handover``)."""
    others = Organisation.objects.for_viewer(viewer).exclude(pk=viewer.organisation.pk)
    return [org for org in others.order_by("name") if guard.may_receive_handover(org)]


@system_context("handovers addressed to the viewer's organisation (a transfer, not sharing)")
def handovers_to(viewer: Viewer) -> list[GuardEvent]:
    """Information other partners handed to the viewer's organisation — none at all when the law
    does not let it read that data (also for handovers stored before the rule)."""
    if not guard.may_receive_handover(viewer.organisation):
        return []
    return list(
        GuardEvent.objects.filter(
            network=viewer.network,
            handover_to=viewer.organisation,
            outcome=GuardEvent.Outcome.HANDOVER,
        )
        .select_related("organisation", "person")
        .order_by("-created_at")
    )
