"""The evaluation tooling: scorer, our gold data set, the CLI and the corpus converters."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from lont.analyser import evaluate as ev
from lont.analyser.baseline import locate
from lont.analyser.scoring import (
    Scoreboard,
    SimpleSpan,
    match_spans,
    time_value_agrees_loosely,
    value_agrees,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "analyser"
KINDS = set(ev.KNOWN_KINDS) - {"duration"}  # our set does not annotate durations
TIME_VALUE = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"
)


def S(start: int, end: int, kind: str = "time", value: str = "") -> SimpleSpan:
    return SimpleSpan(start, end, kind, value)


# --- scorer -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "pairs"),
    [
        ([S(0, 5)], [S(3, 8)], [(0, 0)]),  # partial overlap is a hit
        ([S(0, 5)], [S(5, 8)], []),  # touching is not overlapping
        ([S(0, 5)], [S(0, 5, "place")], []),  # other kind never matches
        ([S(0, 5)], [S(0, 2), S(3, 5)], [(0, 0)]),  # split prediction: one hit, one spare
        ([S(0, 5), S(6, 9)], [S(0, 9)], [(0, 0)]),  # one long prediction counts once
        # maximum matching: greedy would give pred 0 to gold 0 and leave pred 1 unmatched
        ([S(0, 4), S(6, 10)], [S(0, 10), S(2, 3)], [(0, 1), (1, 0)]),
        ([], [], []),
    ],
)
def test_match_spans(gold: list[SimpleSpan], pred: list[SimpleSpan], pairs: list) -> None:
    assert match_spans(gold, pred) == pairs


def test_scoreboard_counts_and_value_accuracy() -> None:
    board = Scoreboard()
    gold = [S(0, 5, "time", "2026-03-14T21:00"), S(10, 15, "place", "De Kreek"), S(20, 25)]
    pred = [
        S(0, 4, "time", "2026-03-14T21:00"),
        S(10, 15, "place", "de  kreek"),  # case and spacing do not matter for places
        S(30, 35, "time", "x"),
    ]
    board.add_post("p1", "x" * 40, gold, pred)
    time, place = board.kinds["time"], board.kinds["place"]
    assert (time.gold, time.predicted, time.matched) == (2, 2, 1)
    assert time.precision == 0.5 and time.recall == 0.5 and time.f1 == 0.5
    assert time.value_accuracy == 1.0 and place.value_accuracy == 1.0
    assert {e["error"] for e in board.errors} == {"missed", "spurious"}


def test_scoreboard_wrong_value_and_empty_kinds() -> None:
    board = Scoreboard()
    board.add_post("p", "abcdef", [S(0, 3, "time", "2026-03-14")], [S(0, 3, "time", "2026-03-15")])
    assert board.kinds["time"].value_accuracy == 0.0
    assert board.errors[0]["error"] == "wrong_value"
    empty = Scoreboard()
    empty.add_post("q", "", [], [])
    assert empty.micro().f1 is None  # nothing to find and nothing found: no score, not 1.0
    only_pred = Scoreboard()
    only_pred.add_post("r", "abc", [], [S(0, 3, "threat")])
    assert only_pred.kinds["threat"].f1 == 0.0 and only_pred.kinds["threat"].recall is None


def test_scoring_limited_to_kinds() -> None:
    board = Scoreboard()
    board.add_post(
        "p", "abcdef", [S(0, 3, "time")], [S(0, 3, "time"), S(4, 6, "mention")], kinds=["time"]
    )
    assert "mention" not in board.kinds


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("2026-03-14T21:00", "2026-03-14T21:00", True),
        ("2026-03-14T21:00", "2026-03-14T21:01", False),
        ("2026-03-14", "2026-03-14T16:20", True),
        ("2026-03-14T18:00/2026-03-14T23:59", "2026-03-14T21:00", True),
        ("2026-03-14T18:00/2026-03-14T23:59", "2026-03-15T00:00", False),
    ],
)
def test_loose_time_values(gold: str, pred: str, ok: bool) -> None:
    assert time_value_agrees_loosely(gold, pred) is ok


def test_exact_values() -> None:
    assert value_agrees("time", "2026-03-14", " 2026-03-14 ")
    assert not value_agrees("time", "2026-03-14", "2026-03-14T00:00")
    assert value_agrees("place", "Station Noord", "station noord")


def test_baseline_locate_walks_left_to_right() -> None:
    moment = datetime(2026, 3, 14, 21, 0)
    spans = locate("morgen of morgen", [("morgen", moment), ("Morgen", moment), ("weg", moment)])
    assert [(s.start, s.end) for s in spans] == [(0, 6), (10, 16)]


# --- loading and the CLI --------------------------------------------------------------------


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loader_is_lenient(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            "",
            "not json",
            json.dumps({"no": "text"}),
            json.dumps({"text": "geen tijd"}),  # no id, no posted_at, no spans
            json.dumps(
                {
                    "id": "a",
                    "text": "om 9",
                    "posted_at": "2013-02-12T04:30:00-02:00",
                    "spans": [
                        {"start": 0, "end": 4, "kind": "time", "value": "2013-02-12T09:00"},
                        {"start": 0, "end": 99, "kind": "time"},
                        {"start": 0, "end": 2, "kind": "weather"},
                    ],
                }
            ),
        ],
    )
    loaded = ev.load_posts([path])
    assert [p.id for p in loaded.posts] == ["gold:4", "a"]
    assert loaded.posts[0].posted_at == ev.DEFAULT_POSTED_AT
    assert loaded.posts[1].posted_at == datetime(2013, 2, 12, 4, 30)  # wall clock kept
    assert [s.kind for s in loaded.posts[1].spans] == ["time", "weather"]
    assert len(loaded.warnings) == 4  # not JSON, no text, no posted_at, span outside text


def test_cli_with_predictions_reports_unknown_kinds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = {
        "id": "a",
        "text": "vanavond bij de kooi",
        "posted_at": "2026-03-14T16:20",
        "spans": [
            {"start": 0, "end": 8, "kind": "time", "value": "2026-03-14T18:00/2026-03-14T23:59"},
            {"start": 13, "end": 20, "kind": "weather", "value": "x"},
        ],
    }
    gold = _write(tmp_path, [json.dumps(post)])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({**post, "spans": post["spans"][:1]}) + "\n", encoding="utf-8")
    assert ev.main([str(gold), "--predictions", str(pred), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["analyser"]["kinds"]["time"]["f1"] == 1.0
    assert out["analyser"]["kinds"]["time"]["value_accuracy"] == 1.0
    assert out["unknown_kinds"] == {"weather": 1}
    assert out["baseline"]["kinds"]["time"]["gold"] == 1
    assert ev.main([str(gold), "--predictions", str(pred), "--no-baseline"]) == 0
    text = capsys.readouterr().out
    assert "weather (unknown)" in text and "unknown kinds: weather (1 gold)" in text


def test_cli_on_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert ev.main([str(empty), "--predictions", str(empty), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["posts"] == 0


def test_gazetteer_lookup(tmp_path: Path) -> None:
    (tmp_path / "stad_gazetteer.csv").write_text("name,aliases,kind,area\n", encoding="utf-8")
    warnings: list[str] = []
    resolver = ev.GazetteerResolver(lambda p: p, None, None, warnings)
    post = ev.Post("a", "t", datetime(2026, 1, 1), "stad", source=tmp_path / "x.jsonl")
    assert resolver(post) == tmp_path / "stad_gazetteer.csv"
    post.gazetteer = "elders"
    assert resolver(post) is None and len(warnings) == 1
    override = ev.GazetteerResolver(lambda p: p, tmp_path / "o.csv", None, warnings)
    assert override(post) == tmp_path / "o.csv"
    ours = ev.Post("b", "t", datetime(2026, 1, 1), "voorbeeldstad", source=DATA / "times.jsonl")
    assert resolver(ours) == DATA / "voorbeeldstad_gazetteer.csv"


# --- our gold data set ----------------------------------------------------------------------


def _gold_rows() -> list[dict]:
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return rows


def test_dataset_is_valid() -> None:
    rows = _gold_rows()
    assert len(rows) >= 300
    ids = Counter(r["id"] for r in rows)
    assert not [i for i, n in ids.items() if n > 1]
    gazetteer = (DATA / "voorbeeldstad_gazetteer.csv").read_text(encoding="utf-8").lower()
    for row in rows:
        datetime.fromisoformat(row["posted_at"])
        assert row["gazetteer"] == "voorbeeldstad"
        for span in row["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(row["text"]), row["id"]
            assert span["kind"] in KINDS, row["id"]
            surface = row["text"][span["start"] : span["end"]]
            assert surface == surface.strip(), row["id"]
            if span["kind"] == "time":
                assert TIME_VALUE.fullmatch(span["value"]), (row["id"], span["value"])
                for part in span["value"].split("/"):
                    datetime.fromisoformat(part)
            elif span["kind"] == "engagement":
                assert re.fullmatch(r"(views|likes|reposts|shares|comments):\d+", span["value"])
            elif span["kind"] == "place":
                assert span["value"]
    # every kind is represented, and there are posts without any span (hard negatives)
    assert {s["kind"] for r in rows for s in r["spans"]} == KINDS
    assert sum(1 for r in rows if not r["spans"]) >= 30
    assert gazetteer  # the gazetteer ships next to the data


def test_dataset_is_reproducible_from_its_generator() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_dataset", DATA / "build_dataset.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    aliases = module.load_aliases()
    rebuilt = []
    for theme, block in module.POSTS.items():
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        for n, line in enumerate(lines, start=1):
            key, marked = (part.strip() for part in line.split("::", 1))
            posted = datetime.fromisoformat(module.POSTED[key])
            marked = re.sub(r"\{([^{}\[\]]*)\}", r"\1", marked)
            text, spans = module.parse_post(marked, posted, aliases)
            rebuilt.append({"id": f"{theme}-{n:03d}", "text": text, "spans": spans})
    committed = {r["id"]: r for r in _gold_rows()}
    assert len(rebuilt) == len(committed)
    for row in rebuilt:
        assert committed[row["id"]]["text"] == row["text"]
        assert committed[row["id"]]["spans"] == row["spans"]


@pytest.mark.parametrize(
    ("spec", "posted", "value"),
    [
        ("near 9:00", "2026-03-14T16:20", "2026-03-14T21:00"),
        ("near 9:00", "2026-03-14T22:10", "2026-03-15T09:00"),
        ("near 9:30", "2026-03-14T08:00", "2026-03-14T09:30"),
        ("za 21:00", "2026-03-14T16:20", "2026-03-14T21:00"),  # same weekday: today
        ("za>", "2026-03-14T16:20", "2026-03-21"),
        ("nw:vr", "2026-02-02T13:05", "2026-02-13"),
        ("vannacht", "2026-03-15T00:35", "2026-03-15T00:00/2026-03-15T06:00"),
        ("weekend", "2026-03-13T23:40", "2026-03-14T00:00/2026-03-15T23:59"),
        ("d+1", "2026-12-31T21:30", "2027-01-01"),
    ],
)
def test_generator_time_notation(spec: str, posted: str, value: str) -> None:
    import importlib.util

    module_spec = importlib.util.spec_from_file_location("bd", DATA / "build_dataset.py")
    assert module_spec and module_spec.loader
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    assert module.resolve_time(spec, datetime.fromisoformat(posted)) == value
