"""Reads of the analyser app, scoped to the viewer's network through the visibility layer, and the
cached per-network :class:`~lont.analyser.Gazetteer` and :class:`~lont.analyser.Lexicon`.

Building a gazetteer indexes every name and alias, so it is built once per network and reused.
The cache key is the network id plus a fingerprint of its rows (count and latest ``updated_at``):
any create, edit or delete changes the fingerprint, so every process sees a change on its next
read for the price of one aggregate query, without a shared cache server.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from lont.analyser import Gazetteer, Lexicon, Place
from lont.analyser.normalise import fold
from lont.audit.models import AccessVia
from lont.core.scoping import system_context
from lont.core.selectors import get_visible
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.models import Network

from .models import GazetteerPlace, LexiconEntry

_lock = threading.Lock()
_cache: dict[tuple[str, int], tuple[tuple[Any, ...], Any]] = {}


def places(viewer: Viewer, *, query: str = "", kind: str = "") -> QuerySet[GazetteerPlace]:
    qs = visible(viewer, GazetteerPlace).order_by("name")
    if query:
        # Aliases live in a JSON list; a text search on its serialised form works on both
        # SQLite and PostgreSQL and is plenty for lists of a few hundred places.
        qs = qs.filter(
            Q(name__icontains=query) | Q(area__icontains=query) | Q(aliases__icontains=query)
        )
    return qs.filter(kind=kind) if kind else qs


def place(viewer: Viewer, pk: int, *, path: str = "") -> GazetteerPlace:
    obj, _level = get_visible(viewer, GazetteerPlace, via=AccessVia.PAGE, path=path, pk=pk)
    return obj


def lexicon_entries(viewer: Viewer, *, query: str = "", kind: str = "") -> QuerySet[LexiconEntry]:
    qs = visible(viewer, LexiconEntry).order_by("kind", "phrase")
    if query:
        qs = qs.filter(Q(phrase__icontains=query) | Q(note__icontains=query))
    return qs.filter(kind=kind) if kind else qs


def lexicon_entry(viewer: Viewer, pk: int, *, path: str = "") -> LexiconEntry:
    obj, _level = get_visible(viewer, LexiconEntry, via=AccessVia.PAGE, path=path, pk=pk)
    return obj


@system_context("cache key of the network's reference list (count and last change)")
def _fingerprint(
    model: type[GazetteerPlace] | type[LexiconEntry], network_id: int
) -> tuple[Any, ...]:
    row = model.objects.filter(network_id=network_id).aggregate(
        n=Count("id"), last=Max("updated_at")
    )
    return (row["n"], row["last"])


def _cached(kind: str, network_id: int, fingerprint: tuple[Any, ...], build: Any) -> Any:
    key = (kind, network_id)
    hit = _cache.get(key)
    if hit is not None and hit[0] == fingerprint:
        return hit[1]
    value = build()
    with _lock:
        _cache[key] = (fingerprint, value)
    return value


@system_context("the network's reference list for the analyser (no personal data)")
def network_gazetteer(network: Network | int) -> Gazetteer:
    """The network's gazetteer, rebuilt only when its places changed."""
    network_id = network if isinstance(network, int) else network.pk

    def build() -> Gazetteer:
        rows = GazetteerPlace.objects.filter(network_id=network_id).order_by("name")
        return Gazetteer(Place(p.name, tuple(p.aliases), p.kind, p.area) for p in rows)

    return _cached("gazetteer", network_id, _fingerprint(GazetteerPlace, network_id), build)


@system_context("the network's reference list for the analyser (no personal data)")
def network_lexicon(network: Network | int) -> Lexicon:
    """The built-in word lists plus the network's additions, rebuilt only when those changed."""
    network_id = network if isinstance(network, int) else network.pk

    def build() -> Lexicon:
        rows = LexiconEntry.objects.filter(network_id=network_id).values_list("kind", "phrase")
        return Lexicon.from_entries(list(rows)) if rows else Lexicon.default()

    return _cached("lexicon", network_id, _fingerprint(LexiconEntry, network_id), build)


def forget_network(network_id: int) -> None:
    """Drop this process's cached gazetteer and lexicon of a network (after a write commits)."""
    with _lock:
        for kind in ("gazetteer", "lexicon"):
            _cache.pop((kind, network_id), None)


# The risk calendar sits in a higher layer: it hands its school holidays over in its ``ready``
# (dates only), so that this app never imports it.
HolidaySource = Callable[[int, date, date], list[tuple[date, date]]]
_holiday_sources: list[HolidaySource] = []


def register_school_holidays(source: HolidaySource) -> None:
    """``source(network_id, start, end)``: the school holidays overlapping ``start``–``end``."""
    if source not in _holiday_sources:
        _holiday_sources.append(source)


def network_school_holidays(
    network: Network | int, around: date, *, text: str
) -> tuple[tuple[date, date], ...]:
    """The network's school holidays from a year before to a year after ``around``, for "na de
    zomervakantie" in ``text``; empty (and no query) when the text names no holiday or no
    calendar is installed."""
    if not _holiday_sources or "vakantie" not in fold(text):
        return ()
    network_id = network if isinstance(network, int) else network.pk
    start, end = around - timedelta(days=400), around + timedelta(days=400)
    return tuple(
        holiday for source in _holiday_sources for holiday in source(network_id, start, end)
    )


def indicator_catalogue(viewer: Viewer) -> dict[str, Any]:
    """The network's indicators by code, for labels and guide links of suggestions."""
    from lont.knowledge.selectors import network_indicators

    return {indicator.code: indicator for indicator in network_indicators(viewer)}
