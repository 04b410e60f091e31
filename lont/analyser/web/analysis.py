"""Running the analyser for a viewer: the network's gazetteer and lexicon, engagement figures
typed into the form, and the view of the result that the page and the API show.

Nothing here writes: the analysed text is neither stored nor logged (principle: a professional
may paste a post to think about it without creating a record).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from lont.analyser import Analysis, MessageWarning, Span, Suggestion, analyse, check_message
from lont.core.viewer import Viewer

from . import selectors
from .choices import SPAN_KIND_LABELS

ENGAGEMENT_METRICS = ("views", "likes", "reposts", "comments")
# How the core's engagement patterns read each metric (it understands Dutch and English words).
_METRIC_WORDS = {"views": "views", "likes": "likes", "reposts": "reposts", "comments": "reacties"}
_STRENGTH_ORDER = ("weak", "somewhat", "fairly_strong", "strong")


def analyse_for(
    viewer: Viewer,
    *,
    text: str,
    posted_at: datetime,
    engagement: Mapping[str, int | None] | None = None,
    area: str | None = None,
) -> Analysis:
    """Analyse ``text`` with the viewer's network gazetteer and lexicon.

    ``area`` (optional): where the post comes from; resolves place names several places share.

    Engagement counts given apart from the text (form fields, API) are read by the same rules as
    counts in the text, so thresholds and weights stay in one place (the core).
    """
    network = viewer.network
    result = analyse(
        text,
        posted_at=posted_at,
        gazetteer=selectors.network_gazetteer(network),
        lexicon=selectors.network_lexicon(network),
        area=area,
        school_holidays=selectors.network_school_holidays(network, posted_at.date(), text=text),
    )
    figures = " ".join(
        f"{int(count)} {_METRIC_WORDS[metric]}"
        for metric, count in (engagement or {}).items()
        if metric in _METRIC_WORDS and count
    )
    if figures:
        extra = [
            s
            for s in analyse(figures, posted_at=posted_at).suggestions
            if s.indicator == "online.engagement"
        ]
        current = next((s for s in result.suggestions if s.indicator == "online.engagement"), None)
        for suggestion in extra:
            if current is None or _STRENGTH_ORDER.index(
                suggestion.strength
            ) > _STRENGTH_ORDER.index(current.strength):
                entered = Suggestion(
                    suggestion.indicator,
                    suggestion.reason + " (Op basis van de ingevulde aantallen.)",
                    suggestion.guide_point,
                    suggestion.strength,
                    (),
                )
                result.suggestions = [s for s in result.suggestions if s is not current]
                result.suggestions.append(entered)
    return result


def check_for(
    viewer: Viewer, *, draft: str, context_texts: Sequence[str], posted_at: datetime | None = None
) -> list[MessageWarning]:
    return check_message(
        draft,
        context_texts=[t for t in context_texts if t.strip()],
        posted_at=posted_at,
        gazetteer=selectors.network_gazetteer(viewer.network),
    )


@dataclass(frozen=True)
class SpanView:
    number: int
    kind: str
    label: str
    abbreviation: str
    text: str
    value: str
    confidence: int
    ambiguous: bool
    alternatives: tuple[str, ...]
    explanation: str
    start: int
    end: int
    grain: str = ""
    recurrence: str = ""


@dataclass(frozen=True)
class SuggestionView:
    code: str
    label: str
    reason: str
    strength: str
    strength_label: str
    recommendation: str
    point: int | None
    span_numbers: tuple[int, ...]


def span_views(text: str, spans: Sequence[Span]) -> list[SpanView]:
    views = []
    for number, span in enumerate(spans, start=1):
        label, abbreviation = SPAN_KIND_LABELS.get(span.kind, (span.kind, span.kind.upper()))
        views.append(
            SpanView(
                number=number,
                kind=span.kind,
                label=str(label),
                abbreviation=str(abbreviation),
                text=text[span.start : span.end],
                value=span.value,
                confidence=round(span.confidence * 100),
                ambiguous=span.ambiguous,
                alternatives=tuple(span.alternatives),
                explanation=span.explanation,
                start=span.start,
                end=span.end,
                grain=span.grain,
                recurrence=span.recurrence,
            )
        )
    return views


def highlighted(text: str, views: Sequence[SpanView]) -> SafeString:
    """The text with every span in a ``<mark>`` and, where a span ends, its number and kind.

    Overlapping spans of different kinds are cut at every boundary: each piece is marked once and
    described by all spans covering it (``aria-describedby``), and each span's label follows its
    last piece, so nothing depends on colour and overlaps stay readable.
    """
    bounds = sorted({0, len(text)} | {v.start for v in views} | {v.end for v in views})
    parts: list[str] = []
    for left, right in pairwise(bounds):
        piece = text[left:right]
        covering = [v for v in views if v.start <= left and right <= v.end]
        if covering:
            kinds = " ".join(f"lont-mark--{v.kind}" for v in covering)
            described = " ".join(f"span-{v.number}-uitleg" for v in covering)
            overlap = " lont-mark--overlap" if len(covering) > 1 else ""
            parts.append(
                format_html(
                    '<mark class="lont-mark {}{}" aria-describedby="{}">{}</mark>',
                    kinds,
                    overlap,
                    described,
                    piece,
                )
            )
        else:
            parts.append(format_html("{}", piece))
        for view in (v for v in views if v.end == right):
            parts.append(
                format_html(
                    '<sup class="lont-mark__label"><a class="utrecht-link" href="#span-{}">'
                    "{}&nbsp;{}</a></sup>",
                    view.number,
                    view.number,
                    view.abbreviation,
                )
            )
    return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped by format_html


def suggestion_views(
    suggestions: Sequence[Suggestion], catalogue: Mapping[str, Any]
) -> list[SuggestionView]:
    from lont.knowledge.models import WeightClass

    views = []
    for suggestion in suggestions:
        indicator = catalogue.get(suggestion.indicator)
        point_text = suggestion.guide_point.rsplit("punt", 1)[-1].strip()
        point = indicator.guide_point if indicator is not None else None
        if point is None and point_text.isdigit():
            point = int(point_text)
        views.append(
            SuggestionView(
                code=suggestion.indicator,
                label=indicator.label_nl if indicator is not None else suggestion.indicator,
                reason=suggestion.reason,
                strength=suggestion.strength,
                strength_label=str(
                    WeightClass(suggestion.strength).label
                    if suggestion.strength in WeightClass.values
                    else suggestion.strength
                ),
                recommendation=indicator.guide_recommendation if indicator is not None else "",
                point=point,
                span_numbers=tuple(index + 1 for index in suggestion.span_indexes),
            )
        )
    return views


def result_context(viewer: Viewer, analysis: Analysis) -> dict[str, Any]:
    views = span_views(analysis.text, analysis.spans)
    return {
        "analysis": analysis,
        "spans": views,
        "highlighted": highlighted(analysis.text, views),
        "suggestions": suggestion_views(
            analysis.suggestions, selectors.indicator_catalogue(viewer)
        ),
    }


def warning_views(draft: str, warnings: Sequence[MessageWarning]) -> list[dict[str, Any]]:
    from .choices import WARNING_LABELS

    return [
        {
            "code": w.code,
            "label": WARNING_LABELS.get(w.code, w.code),
            "message": w.message,
            "fragment": draft[w.start : w.end],
            "start": w.start,
            "end": w.end,
        }
        for w in warnings
    ]
