"""The summary of a signal: what a partner with summary access may know (no content, people,
link or attachments) — that partner X has a signal about group Y on date Z, with its indicators
and their weight, so they know whom to call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lont.core.scoping import system_context
from lont.core.visibility import access_for
from lont.networks.choices import Access

from .models import Signal

if TYPE_CHECKING:
    from lont.core.viewer import Viewer

# Where ``selectors.summary_prefetch`` leaves a signal's groups and indicators (as lists).
SUMMARY_PARTS = {"groups": "summary_groups", "indicators": "summary_indicators"}

WEIGHT_ORDER = {"strong": 0, "fairly_strong": 1, "somewhat": 2, "weak": 3}


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


def indicator_tags(signal: Signal) -> list[dict[str, str]]:
    """Indicators of a signal (prefetched), strongest first."""
    rows = sorted(
        (row.indicator for row in _parts(signal, "indicators")),
        key=lambda i: (WEIGHT_ORDER.get(i.weight_class, 9), i.code),
    )
    return [
        {
            "code": i.code,
            "label": i.label_nl,
            "weight": str(i.get_weight_class_display()),
            # Provocation signs concern the professional's safety, not the group's level.
            "provocation": "1"
            if i.category == "provocation" or i.code.startswith("provocation.")
            else "",
        }
        for i in rows
    ]


def strongest_weight(signal: Signal) -> str:
    tags = indicator_tags(signal)
    return tags[0]["weight"] if tags else ""


def group_names(viewer: Viewer, signal: Signal) -> list[str]:
    """The signal's groups (prefetched) that this viewer may see: a summary never names a group
    the reader may not see (finding 2)."""
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
    groups = ", ".join(group_names(viewer, signal)) or _("geen groep")
    when = formats.date_format(timezone.localtime(signal.observed_at), "j F Y")
    return _("Signaal van %(org)s over %(groups)s, %(when)s") % {
        "org": signal.organisation.name,
        "groups": groups,
        "when": when,
    }


def summary_text(
    signal: Signal, viewer: Viewer, *, tags: list[dict[str, str]] | None = None
) -> str:
    """The label and the indicators with their weight (``tags``: the signal's
    :func:`indicator_tags` when the caller has them already)."""
    text = label_for(viewer, signal)
    tags = indicator_tags(signal) if tags is None else tags
    if tags:
        text += " — " + _("indicatoren: %(list)s") % {
            "list": ", ".join(f"{t['label']} ({t['weight']})" for t in tags)
        }
    return text
