"""Hooks the apps above knowledge fill: the sources of a recommendation (``lont.peacetime``
registers the network's living list of sources, P11)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SourcesFor = Callable[[Any, str], list[Any]]
_SOURCES: list[SourcesFor] = []


def register_sources(fn: SourcesFor) -> None:
    if fn not in _SOURCES:
        _SOURCES.append(fn)


def sources_for(viewer: Any, code: str) -> list[Any]:
    """Sources linked to recommendation ``code`` that ``viewer`` may read."""
    return [source for fn in _SOURCES for source in fn(viewer, code)]
