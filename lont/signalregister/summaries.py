"""The summary of a signal: what a partner with summary access may know (no content, people,
link or attachments) — that partner X has a signal about group Y on date Z, with its indicators
and their weight, so they know whom to call."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from lont.core.choices import choice_labels
from lont.core.dates import DateFormats
from lont.core.scoping import system_context
from lont.core.visibility import access_for
from lont.knowledge.models import Indicator
from lont.networks.choices import Access

from .models import Signal

if TYPE_CHECKING:
    from lont.core.viewer import Viewer

# Where ``selectors.summary_prefetch`` leaves a signal's groups and indicators (as lists).
SUMMARY_PARTS = {"groups": "summary_groups", "indicators": "summary_indicators"}
# Where ``selectors.attach_summary_values`` leaves them for a list page, read as values.
SUMMARY_VALUES = "summary_values"

WEIGHT_ORDER = {"strong": 0, "fairly_strong": 1, "somewhat": 2, "weak": 3}

_WEIGHT_CLASS = Indicator._meta.get_field("weight_class")


@dataclass(frozen=True, slots=True)
class SummaryValues:
    """What a listed signal's summary names, read without model rows: the names of its groups
    that ``viewer`` may see (the visibility layer filtered them in the query) and its indicator
    tags."""

    viewer: Viewer
    group_names: list[str]
    tags: list[dict[str, str]]


def _attached(signal: Signal) -> SummaryValues | None:
    return signal.__dict__.get(SUMMARY_VALUES)


def _parts(signal: Signal, name: str) -> list[Any]:
    """The signal's groups or indicators: prefetched on lists (constant queries), read here for a
    single signal that was just saved. The signal itself came through the visibility layer, and
    these rows carry its category; which groups may be *named* is decided below, per group."""
    prefetched = signal.__dict__.get(SUMMARY_PARTS[name])
    if prefetched is not None:  # selectors.summary_prefetch
        return list(prefetched)
    cache = getattr(signal, "_prefetched_objects_cache", {})
    if name in cache:
        return list(cache[name])
    with system_context("the summary parts of a signal the caller already reads"):
        return list(getattr(signal, name).all())


def weight_labels() -> dict[Any, Any]:
    """The weight classes' labels in the current language (a page's rows take them once)."""
    return choice_labels(_WEIGHT_CLASS)


def tags_of(
    indicators: list[tuple[str, str, str, str]], weights: dict[Any, Any] | None = None
) -> list[dict[str, str]]:
    """Indicator tags from (code, Dutch label, weight class, category), strongest first;
    ``weights``: ``weight_labels()`` where the caller already took them."""
    if not indicators:
        return []
    if weights is None:
        weights = weight_labels()
    return [
        {
            "code": code,
            "label": label,
            "weight": str(weights.get(weight_class, weight_class)),
            # Provocation signs concern the professional's safety, not the group's level.
            "provocation": "1"
            if category == "provocation" or code.startswith("provocation.")
            else "",
        }
        for code, label, weight_class, category in sorted(
            indicators, key=lambda i: (WEIGHT_ORDER.get(i[2], 9), i[0])
        )
    ]


def indicator_tags(signal: Signal) -> list[dict[str, str]]:
    """Indicators of a signal (attached or prefetched), strongest first."""
    attached = _attached(signal)
    if attached is not None:
        return attached.tags
    return tags_of(
        [
            (i.code, i.label_nl, i.weight_class, i.category)
            for i in (row.indicator for row in _parts(signal, "indicators"))
        ]
    )


def strongest_weight(signal: Signal) -> str:
    tags = indicator_tags(signal)
    return tags[0]["weight"] if tags else ""


def group_names(viewer: Viewer, signal: Signal) -> list[str]:
    """The signal's groups (attached or prefetched) that this viewer may see: a summary never
    names a group the reader may not see (finding 2)."""
    attached = _attached(signal)
    if attached is not None and attached.viewer is viewer:  # filtered for this viewer
        return list(attached.group_names)
    return [
        row.group.name
        for row in _parts(signal, "groups")
        if access_for(viewer, row.group) >= Access.SUMMARY
    ]


def summary_for(viewer: Viewer, signal: Signal) -> str:
    """The summary sentence registered with the visibility layer for signals."""
    return summary_text(signal, viewer)


def label_for(viewer: Viewer, signal: Signal) -> str:
    """The short name registered with the visibility layer for signals: who, about which group
    (only those the viewer may see), when — never a number, content or a person."""
    return SummaryWriter(viewer).label(signal)


def summary_text(signal: Signal, viewer: Viewer) -> str:
    """The label and the indicators with their weight."""
    return SummaryWriter(viewer).text(signal)


class SummaryWriter:
    """Writes the labels and summaries of signals for one viewer in the language and time zone
    of the moment it was made. A list page makes one for its rows: each phrase is translated and
    the date formats looked up once (each lookup reads the active language, a context-local
    variable), not for every row. ``label_for`` and ``summary_text`` write through one too (a
    phrase is translated when first used: a single label costs what it did)."""

    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer
        self.dates = DateFormats.current()

    @cached_property
    def no_group(self) -> str:
        return _("geen groep")

    @cached_property
    def label_phrase(self) -> str:
        return _("Signaal van %(org)s over %(groups)s, %(when)s")

    @cached_property
    def list_phrase(self) -> str:
        return _("indicatoren: %(list)s")

    def label(self, signal: Signal) -> str:
        """Who, about which groups the viewer may see, when (``label_for``)."""
        return self.label_phrase % {
            "org": signal.organisation.name,
            "groups": ", ".join(group_names(self.viewer, signal)) or self.no_group,
            "when": self.dates.day_month_year(signal.observed_at),
        }

    def text(self, signal: Signal) -> str:
        """The label and the indicators with their weight (``summary_text``)."""
        text = self.label(signal)
        tags = indicator_tags(signal)
        if tags:
            text += " — " + self.list_phrase % {
                "list": ", ".join(f"{t['label']} ({t['weight']})" for t in tags)
            }
        return text
