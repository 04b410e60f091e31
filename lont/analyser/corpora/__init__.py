"""Converters from other projects' public test suites (``../shared/eval``) to our jsonl format.

Nothing from those suites is stored in this repository: the converters read them at run time and
write jsonl (and, for deduce, a gazetteer CSV) to a directory of the caller's choosing. Each
converted post may carry ``"kinds": [...]`` — the kinds that corpus annotates — so that, say,
Duckling's time corpus does not count the analyser's (correct) mention spans as false positives.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]


def _eval_root() -> Path:
    """``$LONT_SHARED_EVAL``, else ``../shared/eval`` of the checkout, else two levels up (a git
    worktree in ``wt/<name>`` beside the main checkout)."""
    override = os.environ.get("LONT_SHARED_EVAL")
    if override:
        return Path(override)
    for parent in (REPO_ROOT.parent, REPO_ROOT.parent.parent):
        if (parent / "shared" / "eval").is_dir():
            return parent / "shared" / "eval"
    return REPO_ROOT.parent / "shared" / "eval"


DEFAULT_EVAL_ROOT = _eval_root()
# Corpora without their own reference moment get this one (any fixed value keeps runs stable).
DEFAULT_POSTED_AT = "2026-01-01T12:00"


@dataclass(slots=True)
class Converted:
    """Posts in our format plus, where the corpus needs one, gazetteer rows."""

    name: str
    posts: list[dict[str, object]] = field(default_factory=list)
    gazetteer: list[dict[str, str]] | None = None
    skipped: int = 0

    def add(
        self,
        text: str,
        spans: Iterable[tuple[int, int, str, str]],
        *,
        kinds: Iterable[str],
        posted_at: str = DEFAULT_POSTED_AT,
        gazetteer: str | None = None,
    ) -> None:
        post: dict[str, object] = {
            "id": f"{self.name}-{len(self.posts) + 1:04d}",
            "text": text,
            "posted_at": posted_at,
            "kinds": sorted(set(kinds)),
            "spans": [
                {"start": s, "end": e, "kind": k, "value": v} for s, e, k, v in sorted(spans)
            ],
        }
        if gazetteer:
            post["gazetteer"] = gazetteer
        self.posts.append(post)

    def write(self, out_dir: Path) -> list[Path]:
        """Write ``NAME.jsonl`` (and ``NAME_gazetteer.csv``); returns the paths written."""
        import csv

        out_dir.mkdir(parents=True, exist_ok=True)
        data = out_dir / f"{self.name}.jsonl"
        with data.open("w", encoding="utf-8") as handle:
            for post in self.posts:
                handle.write(json.dumps(post, ensure_ascii=False) + "\n")
        written = [data]
        if self.gazetteer is not None:
            gaz = out_dir / f"{self.name}_gazetteer.csv"
            with gaz.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=["name", "aliases", "kind", "area"])
                writer.writeheader()
                writer.writerows(self.gazetteer)
            written.append(gaz)
        return written


def converters() -> dict[str, Callable[[Path], Converted]]:
    """Name -> converter; imported lazily so one broken converter does not break the others."""
    from lont.analyser.corpora import (
        chrono,
        dateparser_examples,
        deduce,
        deduce_dates,
        duckling,
        duckling_duration,
        duckling_old,
        mhc,
        recognizers,
    )

    return {
        "duckling": duckling.convert,
        "duckling_old": duckling_old.convert,
        "duckling_duration": duckling_duration.convert,
        "deduce_dates": deduce_dates.convert,
        "chrono": chrono.convert,
        "deduce": deduce.convert,
        "mhc": mhc.convert,
        "recognizers": recognizers.convert,
        "dateparser": dateparser_examples.convert,
    }
