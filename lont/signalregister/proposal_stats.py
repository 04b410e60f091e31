"""How well the text analyser does on this network's own saved signals (issue 15, item 4).

Per kind of proposal: precision = accepted / (accepted + changed + removed), the share of the
analyser's proposals the professional kept; recall = accepted / (accepted + changed + added),
the share of what the professional saved that the analyser had proposed. A changed proposal is
both a wrong proposal and a miss. Read through the visibility layer: a viewer counts only the
signals they may read in full.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from lont.core.viewer import Viewer
from lont.networks.choices import Access

from .choices import ProposalKind, ProposalOutcome
from .models import SignalProposal

MONTHS = 12
TOP_CORRECTIONS = 10


@dataclass
class Score:
    """Outcome counts of one kind (or one month of one kind), with precision and recall."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: str, count: int) -> None:
        self.counts[outcome] += count

    @property
    def accepted(self) -> int:
        return self.counts[ProposalOutcome.ACCEPTED]

    @property
    def proposed(self) -> int:
        c = self.counts
        return c[ProposalOutcome.ACCEPTED] + c[ProposalOutcome.CHANGED] + c[ProposalOutcome.REMOVED]

    @property
    def saved(self) -> int:
        c = self.counts
        return c[ProposalOutcome.ACCEPTED] + c[ProposalOutcome.CHANGED] + c[ProposalOutcome.ADDED]

    @property
    def precision(self) -> float | None:
        return self.accepted / self.proposed if self.proposed else None

    @property
    def recall(self) -> float | None:
        return self.accepted / self.saved if self.saved else None


@dataclass
class Correction:
    kind: str
    kind_label: str
    indicator: str
    outcome: str
    outcome_label: str
    count: int


@dataclass
class Quality:
    by_kind: list[tuple[str, Score]]  # (label, score) in the order of ProposalKind
    months: list[tuple[dt.date, list[Score]]]  # newest first, one score per kind
    corrections: list[Correction]
    signals: int


def analyser_quality(viewer: Viewer, *, today: dt.date | None = None) -> Quality:
    """The figures of the director's page: per kind, per month (last 12) and top corrections."""
    rows = SignalProposal.objects.for_viewer(viewer, minimum=Access.FULL)
    kinds = list(ProposalKind)
    by_kind = {kind.value: Score() for kind in kinds}
    for row in rows.values("kind", "outcome").annotate(n=Count("pk")):
        by_kind[row["kind"]].add(row["outcome"], row["n"])
    today = today or timezone.localdate()
    first = (today.replace(day=1) - dt.timedelta(days=31 * (MONTHS - 1))).replace(day=1)
    monthly: dict[dt.date, dict[str, Score]] = {}
    recent = rows.filter(signal__registered_at__date__gte=first)
    for row in (
        recent.annotate(month=TruncMonth("signal__registered_at"))
        .values("month", "kind", "outcome")
        .annotate(n=Count("pk"))
    ):
        month = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
        scores = monthly.setdefault(month, {k.value: Score() for k in kinds})
        scores[row["kind"]].add(row["outcome"], row["n"])
    corrections = [
        Correction(
            kind=row["kind"],
            kind_label=str(ProposalKind(row["kind"]).label),
            indicator=row["indicator__label_nl"] or "",
            outcome=row["outcome"],
            outcome_label=str(ProposalOutcome(row["outcome"]).label),
            count=row["n"],
        )
        for row in rows.exclude(outcome=ProposalOutcome.ACCEPTED)
        .values("kind", "indicator__label_nl", "outcome")
        .annotate(n=Count("pk"))
        .order_by("-n", "kind", "indicator__label_nl", "outcome")[:TOP_CORRECTIONS]
    ]
    return Quality(
        by_kind=[(str(kind.label), by_kind[kind.value]) for kind in kinds],
        months=[
            (month, [monthly[month][k.value] for k in kinds])
            for month in sorted(monthly, reverse=True)
        ],
        corrections=corrections,
        signals=rows.values("signal").distinct().count(),
    )
