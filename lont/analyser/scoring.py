"""Pure scoring of predicted spans against gold spans (no analyser, no Django, no I/O).

Matching rules (also in docs/analyser.md):

* Spans are compared per post and per kind; a kind never matches another kind.
* A predicted span and a gold span *overlap* when ``pred.start < gold.end and gold.start <
  pred.end`` (half-open Python offsets; touching spans do not overlap, empty spans never do).
* Matching is one-to-one: each gold span is matched at most once and each prediction at most once.
  Among the possible pairings we take a maximum matching (augmenting paths), trying larger
  overlaps first, so one long prediction covering two gold spans counts once and the second gold
  span stays a miss, and a split prediction (two predictions over one gold span) counts one hit
  and one false positive.
* precision = matched / predicted, recall = matched / gold, F1 their harmonic mean; a kind with
  nothing predicted and nothing gold has no figures (``None``), not a perfect score.
* value accuracy (time and place only) = matched pairs whose values agree / matched pairs.
  Time values agree when equal after trimming; place values agree case-insensitively with
  whitespace collapsed; durations when equal as (months, seconds). A gold span without a value
  (deduce's dates) is not value-checked. Baseline predictions may carry a ``value_matcher`` that is more lenient
  (see :func:`time_value_agrees_loosely`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from lont.analyser.exprtypes import expression_type

VALUE_KINDS = ("time", "place", "duration")


class SpanLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SimpleSpan:
    """The minimum the scorer needs; gold spans are read into this."""

    start: int
    end: int
    kind: str
    value: str = ""


ValueMatcher = Callable[[str, str], bool]  # (gold value, predicted value) -> agree?


def overlap(a: SpanLike, b: SpanLike) -> int:
    """Number of shared characters (0 when the spans do not overlap)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_spans(gold: Sequence[SpanLike], pred: Sequence[SpanLike]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of same-kind overlapping spans: ``[(gold_i, pred_j), …]``."""
    # Candidates per prediction, biggest overlap first so ties go to the most plausible gold span.
    candidates: list[list[int]] = []
    for p in pred:
        options = [
            (overlap(g, p), -i, i) for i, g in enumerate(gold) if g.kind == p.kind and overlap(g, p)
        ]
        candidates.append([i for *_, i in sorted(options, reverse=True)])
    gold_owner: dict[int, int] = {}

    def augment(j: int, seen: set[int]) -> bool:
        for i in candidates[j]:
            if i in seen:
                continue
            seen.add(i)
            if i not in gold_owner or augment(gold_owner[i], seen):
                gold_owner[i] = j
                return True
        return False

    for j in range(len(pred)):
        augment(j, set())
    return sorted((i, j) for i, j in gold_owner.items())


def _norm_place(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip().casefold()


_DURATION = re.compile(
    r"P(?:(?P<Y>[0-9.]+)Y)?(?:(?P<M>[0-9.]+)M)?(?:(?P<W>[0-9.]+)W)?(?:(?P<D>[0-9.]+)D)?"
    r"(?:T(?:(?P<h>[0-9.]+)H)?(?:(?P<m>[0-9.]+)M)?(?:(?P<s>[0-9.]+)S)?)?"
)
_SECONDS = {"W": 604800, "D": 86400, "h": 3600, "m": 60, "s": 1}


def duration_key(value: str) -> tuple[float, float] | None:
    """An ISO 8601 duration as (months, seconds): ``PT75M`` and ``PT1H15M`` are equal; years
    are 12 months, weeks 7 days (months and days are not converted into each other)."""
    match = _DURATION.fullmatch(value.strip())
    if match is None or value.strip() in ("P", "PT"):
        return None
    parts = {k: float(v) for k, v in match.groupdict().items() if v}
    months = parts.get("Y", 0) * 12 + parts.get("M", 0)
    seconds = sum(parts.get(k, 0) * n for k, n in _SECONDS.items())
    return round(months, 3), round(seconds, 3)


def value_agrees(kind: str, gold: str, pred: str) -> bool:
    """Exact-value agreement used for the analyser (see module docstring)."""
    if kind == "place":
        return _norm_place(gold) == _norm_place(pred)
    if kind == "duration":
        key = duration_key(gold)
        return key is not None and key == duration_key(pred)
    return gold.strip() == pred.strip()


def _parse_point(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def time_value_agrees_loosely(gold: str, pred: str) -> bool:
    """Agreement for a *point* prediction (the dateparser baseline only gives points).

    A gold point must be the same minute; a gold date only needs the same date (the baseline
    invents a clock time for bare dates); a gold period ``START/END`` agrees when the point lies
    inside it, ends included.
    """
    point = _parse_point(pred)
    if point is None:
        return value_agrees("time", gold, pred)
    gold = gold.strip()
    if "/" in gold:
        start, _, end = gold.partition("/")
        lo, hi = _parse_point(start), _parse_point(end)
        return lo is not None and hi is not None and lo <= point.replace(tzinfo=None) <= hi
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold):
        return point.date() == date.fromisoformat(gold)
    gold_point = _parse_point(gold)
    return gold_point is not None and gold_point.replace(second=0, microsecond=0) == point.replace(
        second=0, microsecond=0, tzinfo=None
    )


@dataclass(slots=True)
class KindScore:
    """Counts for one kind, summed over posts."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_checked: int = 0
    value_correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        if not self.gold and not self.predicted:
            return None
        if not self.matched:
            # Something was missed or invented and nothing found: F1 is 0, not undefined.
            return 0.0
        return 2 * self.matched / (self.gold + self.predicted)

    @property
    def value_accuracy(self) -> float | None:
        return self.value_correct / self.value_checked if self.value_checked else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "value_accuracy": self.value_accuracy,
        }


def _type_of(span: SpanLike, text: str) -> str | None:
    return expression_type(
        span.kind,
        text[span.start : span.end],
        span.value,
        str(getattr(span, "recurrence", "") or ""),
    )


@dataclass(slots=True)
class Scoreboard:
    """Per-kind scores plus the errors worth showing to whoever tunes the rules."""

    kinds: dict[str, KindScore] = field(default_factory=dict)
    errors: list[dict[str, object]] = field(default_factory=list)
    keep_errors: int = 200
    # Per expression type (see ``exprtypes``): gold and hits by the gold span's type,
    # predictions by the predicted span's type.
    types: dict[str, KindScore] = field(default_factory=dict)

    def kind(self, kind: str) -> KindScore:
        return self.kinds.setdefault(kind, KindScore())

    def add_post(
        self,
        post_id: str,
        text: str,
        gold: Sequence[SpanLike],
        pred: Sequence[SpanLike],
        *,
        kinds: Iterable[str] | None = None,
        value_matcher: ValueMatcher | None = None,
    ) -> None:
        """Score one post; ``kinds`` limits scoring (the baseline only does time)."""
        wanted = set(kinds) if kinds is not None else None
        gold = [g for g in gold if wanted is None or g.kind in wanted]
        pred = [p for p in pred if wanted is None or p.kind in wanted]
        gold_types = [_type_of(g, text) for g in gold]
        for g, gold_type in zip(gold, gold_types, strict=True):
            self.kind(g.kind).gold += 1
            if gold_type:
                self.types.setdefault(gold_type, KindScore()).gold += 1
        for p in pred:
            self.kind(p.kind).predicted += 1
            pred_type = _type_of(p, text)
            if pred_type:
                self.types.setdefault(pred_type, KindScore()).predicted += 1
        pairs = match_spans(gold, pred)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        for i, j in pairs:
            g, p = gold[i], pred[j]
            score = self.kind(g.kind)
            score.matched += 1
            gold_type = gold_types[i]
            typed = self.types[gold_type] if gold_type else KindScore()
            typed.matched += 1
            if g.kind in VALUE_KINDS and g.value.strip():
                score.value_checked += 1
                typed.value_checked += 1
                if value_matcher is not None and g.kind == "time":
                    ok = value_matcher(g.value, p.value)
                else:
                    ok = value_agrees(g.kind, g.value, p.value)
                if ok:
                    score.value_correct += 1
                    typed.value_correct += 1
                else:
                    self._error(post_id, text, "wrong_value", g, p)
        for i, g in enumerate(gold):
            if i not in matched_gold:
                self._error(post_id, text, "missed", g, None)
        for j, p in enumerate(pred):
            if j not in matched_pred:
                self._error(post_id, text, "spurious", None, p)

    def _error(
        self, post_id: str, text: str, what: str, g: SpanLike | None, p: SpanLike | None
    ) -> None:
        if len(self.errors) >= self.keep_errors:
            return
        row: dict[str, object] = {"id": post_id, "error": what}
        for label, span in (("gold", g), ("pred", p)):
            if span is not None:
                row[label] = {
                    "kind": span.kind,
                    "text": text[span.start : span.end],
                    "value": span.value,
                }
        self.errors.append(row)

    def micro(self, kinds: Iterable[str] | None = None) -> KindScore:
        """All kinds (or the given ones) summed, for a one-line overview."""
        total = KindScore()
        for name, s in self.kinds.items():
            if kinds is not None and name not in set(kinds):
                continue
            total.gold += s.gold
            total.predicted += s.predicted
            total.matched += s.matched
            total.value_checked += s.value_checked
            total.value_correct += s.value_correct
        return total
