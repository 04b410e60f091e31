"""Evaluate the analyser (and the dateparser baseline on times) against gold jsonl files.

    python -m lont.analyser.evaluate FILE.jsonl [FILE2.jsonl …] [--gazetteer FILE.csv]
        [--gazetteer-dir DIR] [--json] [--no-baseline] [--errors N] [--predictions FILE.jsonl]

Each line: ``{"id", "text", "posted_at", "gazetteer", "spans": [{start, end, kind, value}]}``.
Only ``text`` is required; everything else has a fallback and every fallback is reported, so
the command can be pointed at data nobody has seen. Matching rules: see ``scoring``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from lont.analyser.evaluate_report import KNOWN_KINDS, render
from lont.analyser.scoring import (
    Scoreboard,
    SimpleSpan,
    SpanLike,
    time_value_agrees_loosely,
)

# A post without posted_at still needs a reference moment; a fixed one keeps runs reproducible.
DEFAULT_POSTED_AT = datetime(2026, 1, 1, 12, 0)


@dataclass(slots=True)
class Post:
    id: str
    text: str
    posted_at: datetime
    gazetteer: str | None
    spans: list[SimpleSpan] = field(default_factory=list)
    source: Path | None = None
    # Optional: the kinds this post is annotated for (converted corpora); None = all kinds.
    kinds: tuple[str, ...] | None = None


@dataclass(slots=True)
class Loaded:
    posts: list[Post] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _parse_posted_at(raw: object) -> datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    # Gold values are wall-clock times in the post's own zone, so the offset is dropped, not
    # converted (Duckling's corpus is written in -02:00 and means those wall-clock times).
    return moment.replace(tzinfo=None)


def _parse_span(raw: object, text: str) -> SimpleSpan | str:
    """A span, or the reason it was dropped."""
    if not isinstance(raw, dict):
        return "span is not an object"
    start, end, kind = raw.get("start"), raw.get("end"), raw.get("kind")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        return "span without integer start/end"
    if not 0 <= start <= end <= len(text):
        return f"span {start}:{end} outside the text (length {len(text)})"
    if not isinstance(kind, str) or not kind:
        return "span without kind"
    value = raw.get("value")
    return SimpleSpan(start, end, kind, "" if value is None else str(value))


def load_posts(paths: Sequence[Path]) -> Loaded:
    """Read jsonl files leniently: bad lines and bad spans are skipped with a warning."""
    loaded = Loaded()
    seen_ids: Counter[str] = Counter()
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            loaded.warnings.append(f"{path}: cannot read ({exc})")
            continue
        for number, line in enumerate(lines, start=1):
            where = f"{path.name}:{number}"
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                loaded.warnings.append(f"{where}: not JSON ({exc.msg})")
                continue
            if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
                loaded.warnings.append(f"{where}: no text, skipped")
                continue
            text = raw["text"]
            post_id = str(raw.get("id") or f"{path.stem}:{number}")
            seen_ids[post_id] += 1
            if seen_ids[post_id] > 1:
                loaded.warnings.append(f"{where}: duplicate id {post_id!r}")
            posted_at = _parse_posted_at(raw.get("posted_at"))
            if posted_at is None:
                loaded.warnings.append(f"{where}: no usable posted_at, using {DEFAULT_POSTED_AT}")
                posted_at = DEFAULT_POSTED_AT
            gazetteer = raw.get("gazetteer")
            post = Post(
                post_id,
                text,
                posted_at,
                gazetteer if isinstance(gazetteer, str) and gazetteer else None,
                source=path,
            )
            kinds = raw.get("kinds")
            if isinstance(kinds, list) and all(isinstance(k, str) for k in kinds):
                post.kinds = tuple(kinds)
            elif kinds is not None:
                loaded.warnings.append(f"{where}: kinds is not a list of strings, ignored")
            raw_spans = raw.get("spans") or []
            if not isinstance(raw_spans, list):
                loaded.warnings.append(f"{where}: spans is not a list, treated as none")
                raw_spans = []
            for raw_span in raw_spans:
                span = _parse_span(raw_span, text)
                if isinstance(span, str):
                    loaded.warnings.append(f"{where}: {span}, span skipped")
                else:
                    post.spans.append(span)
            loaded.posts.append(post)
    return loaded


class GazetteerResolver:
    """Map a post's ``gazetteer`` name to a loaded gazetteer, once per name.

    ``override`` (``--gazetteer``) wins for every post. Otherwise the name ``X`` is looked up as
    ``X_gazetteer.csv`` or ``X.csv`` in ``directory`` (``--gazetteer-dir``), or else next to the
    data file the post came from.
    """

    def __init__(
        self,
        loader: Callable[[Path], object],
        override: Path | None,
        directory: Path | None,
        warnings: list[str],
    ) -> None:
        self._loader = loader
        self._override = override
        self._directory = directory
        self._warnings = warnings
        self._cache: dict[Path, object] = {}
        self._missing: set[str] = set()

    def path_for(self, post: Post) -> Path | None:
        if self._override is not None:
            return self._override
        if post.gazetteer is None:
            return None
        folders = [self._directory] if self._directory else []
        if post.source is not None:
            folders.append(post.source.parent)
        for folder in folders:
            for name in (f"{post.gazetteer}_gazetteer.csv", f"{post.gazetteer}.csv"):
                if (folder / name).is_file():
                    return folder / name
        if post.gazetteer not in self._missing:
            self._missing.add(post.gazetteer)
            self._warnings.append(f"gazetteer {post.gazetteer!r} not found, posts run without")
        return None

    def __call__(self, post: Post) -> object | None:
        path = self.path_for(post)
        if path is None:
            return None
        if path not in self._cache:
            try:
                self._cache[path] = self._loader(path)
            except Exception as exc:  # report and evaluate without it
                self._warnings.append(f"gazetteer {path} could not be loaded: {exc}")
                self._cache[path] = None
        return self._cache[path]


def _load_predictions(path: Path) -> dict[str, list[SimpleSpan]]:
    """Precomputed predictions in the gold format (by id): scores a run without the analyser."""
    loaded = load_posts([path])
    return {post.id: post.spans for post in loaded.posts}


@dataclass(slots=True)
class Result:
    posts: int
    analyser: Scoreboard | None
    baseline: Scoreboard | None
    warnings: list[str]
    unknown_kinds: dict[str, int]
    crashes: int
    analyser_seconds: float
    baseline_seconds: float

    def as_dict(self) -> dict[str, Any]:
        def board(b: Scoreboard | None) -> dict[str, Any] | None:
            if b is None:
                return None
            return {
                "kinds": {k: s.as_dict() for k, s in sorted(b.kinds.items())},
                "types": {k: s.as_dict() for k, s in sorted(b.types.items())},
                "all": b.micro().as_dict(),
            }

        return {
            "posts": self.posts,
            "analyser": board(self.analyser),
            "baseline": board(self.baseline),
            "unknown_kinds": self.unknown_kinds,
            "crashes": self.crashes,
            "warnings": self.warnings,
            "analyser_seconds": round(self.analyser_seconds, 3),
            "baseline_seconds": round(self.baseline_seconds, 3),
            "errors": self.analyser.errors if self.analyser else [],
        }


def evaluate(
    paths: Sequence[Path],
    *,
    gazetteer: Path | None = None,
    gazetteer_dir: Path | None = None,
    baseline: bool = True,
    predictions: Path | None = None,
    keep_errors: int = 200,
) -> Result:
    """Run the analyser (or read ``predictions``) and the baseline over the posts and score."""
    loaded = load_posts(paths)
    warnings = loaded.warnings
    unknown: Counter[str] = Counter(
        s.kind for p in loaded.posts for s in p.spans if s.kind not in KNOWN_KINDS
    )
    board = Scoreboard(keep_errors=keep_errors)
    crashes = 0
    started = time.perf_counter()
    if predictions is not None:
        predicted = _load_predictions(predictions)
        for post in loaded.posts:
            board.add_post(
                post.id, post.text, post.spans, predicted.get(post.id, []), kinds=post.kinds
            )
    else:
        from lont.analyser import Gazetteer, analyse  # only needed here

        resolver = GazetteerResolver(Gazetteer.from_csv, gazetteer, gazetteer_dir, warnings)
        for post in loaded.posts:
            try:
                gazetteer_for_post: Any = resolver(post)
                result = analyse(post.text, posted_at=post.posted_at, gazetteer=gazetteer_for_post)
                spans: list[SpanLike] = list(result.spans)
            except Exception as exc:  # one crashing post must not hide the rest
                crashes += 1
                warnings.append(f"{post.id}: analyser crashed: {type(exc).__name__}: {exc}")
                spans = []
            board.add_post(post.id, post.text, post.spans, spans, kinds=post.kinds)
    analyser_seconds = time.perf_counter() - started
    for span_kind in {k for k in board.kinds if k not in KNOWN_KINDS} - set(unknown):
        unknown[span_kind] = 0  # predicted only: still worth reporting
    base: Scoreboard | None = None
    baseline_seconds = 0.0
    if baseline:
        from lont.analyser.baseline import baseline_times  # pulls in dateparser

        base = Scoreboard(keep_errors=keep_errors)
        base.kind("time")  # show a row even on data without times
        started = time.perf_counter()
        for post in loaded.posts:
            base.add_post(
                post.id,
                post.text,
                post.spans,
                baseline_times(post.text, post.posted_at),
                kinds=("time",) if post.kinds is None or "time" in post.kinds else (),
                value_matcher=time_value_agrees_loosely,
            )
        baseline_seconds = time.perf_counter() - started
    return Result(
        posts=len(loaded.posts),
        analyser=board,
        baseline=base,
        warnings=warnings,
        unknown_kinds=dict(unknown),
        crashes=crashes,
        analyser_seconds=analyser_seconds,
        baseline_seconds=baseline_seconds,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lont.analyser.evaluate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("files", nargs="+", type=Path, help="gold jsonl files")
    parser.add_argument("--gazetteer", type=Path, help="one gazetteer CSV for all posts")
    parser.add_argument(
        "--gazetteer-dir",
        type=Path,
        help="where a post's gazetteer NAME is found as NAME_gazetteer.csv or NAME.csv "
        "(default: the data file's own directory)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="show N analyser errors")
    parser.add_argument(
        "--predictions", type=Path, help="score these predictions (gold format) instead of running"
    )
    args = parser.parse_args(argv)
    missing = [p for p in args.files if not p.is_file()]
    if missing:
        parser.error("no such file: " + ", ".join(map(str, missing)))
    if args.gazetteer is not None and not args.gazetteer.is_file():
        parser.error(f"no such gazetteer: {args.gazetteer}")
    result = evaluate(
        args.files,
        gazetteer=args.gazetteer,
        gazetteer_dir=args.gazetteer_dir,
        baseline=not args.no_baseline,
        predictions=args.predictions,
    )
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(render(result, args.files, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
