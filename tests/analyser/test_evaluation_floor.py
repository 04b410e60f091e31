"""Floor test: evaluation figures must not drop below what was reached (``eval_floors.json``).

Runs on our gold set and on every converted shared corpus (skipped, with the reason, when
``../shared/eval`` is absent). Floors are recorded a little below the reached figure, so noise
does not fail the build but a real regression does. Re-record after a deliberate change:

    .venv/bin/python tests/analyser/test_evaluation_floor.py --record
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # allow running this file as a script
    sys.path.insert(0, str(ROOT))

from lont.analyser.corpora import DEFAULT_EVAL_ROOT, converters  # noqa: E402
from lont.analyser.evaluate import Result, evaluate  # noqa: E402

FLOORS = Path(__file__).with_name("eval_floors.json")
OURS = sorted((ROOT / "tests" / "data" / "analyser").glob("*.jsonl"))
CORPORA = (
    "duckling",
    "duckling_old",
    "duckling_duration",
    "chrono",
    "dateparser",
    "deduce",
    "deduce_dates",
    "mhc",
    "recognizers",
)
TIME_CORPORA = {"ours", "duckling", "duckling_old", "chrono", "dateparser", "deduce_dates"}
MARGIN = 0.02


def analyser_available() -> bool:
    try:
        from lont.analyser import analyse  # noqa: F401
    except ImportError:
        return False
    return True


def figures(result: Result) -> dict[str, dict[str, float]]:
    """``{"analyser": {"time.f1": …, "time.value_accuracy": …}, "baseline": {…}}``."""
    out: dict[str, dict[str, float]] = {}
    for side, board in (("analyser", result.analyser), ("baseline", result.baseline)):
        if board is None:
            continue
        values: dict[str, float] = {}
        for kind, score in board.kinds.items():
            if not score.gold:
                continue
            for metric in ("f1", "value_accuracy"):
                value = getattr(score, metric)
                if value is not None:
                    values[f"{kind}.{metric}"] = value
        out[side] = values
    return out


def run(name: str, files: list[Path], *, with_analyser: bool) -> Result:
    if with_analyser:
        return evaluate(files, baseline=name in TIME_CORPORA, keep_errors=0)
    # Baseline only: score an empty prediction set so the analyser is not needed.
    empty = files[0].parent / "_no_predictions.jsonl"
    empty.write_text("", encoding="utf-8")
    return evaluate(files, baseline=True, predictions=empty, keep_errors=0)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not DEFAULT_EVAL_ROOT.is_dir():
        pytest.skip(f"shared eval corpora not found at {DEFAULT_EVAL_ROOT}")
    out = tmp_path_factory.mktemp("corpora")
    for convert in converters().values():
        convert(DEFAULT_EVAL_ROOT).write(out)
    return out


def _files(name: str, corpus_dir: Path | None) -> list[Path]:
    if name == "ours":
        return OURS
    assert corpus_dir is not None
    return [corpus_dir / f"{name}.jsonl"]


def _check(name: str, files: list[Path]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get(name, {})
    sides = ["baseline"] if name in TIME_CORPORA else []
    if analyser_available():
        sides.append("analyser")
    elif not floors.get("baseline"):
        pytest.skip("lont.analyser.analyse does not exist yet")
    if not sides:
        pytest.skip("lont.analyser.analyse does not exist yet")
    reached = figures(run(name, files, with_analyser=analyser_available()))
    below = []
    for side in sides:
        for metric, floor in floors.get(side, {}).items():
            value = reached.get(side, {}).get(metric)
            if value is None or value < floor:
                below.append(f"{side} {metric}: {value} < floor {floor}")
    assert not below, f"{name}: " + "; ".join(below)


def test_floor_on_our_set() -> None:
    _check("ours", OURS)


@pytest.mark.parametrize("name", CORPORA)
def test_floor_on_shared_corpus(name: str, corpus_dir: Path) -> None:
    _check(name, _files(name, corpus_dir))


def record() -> None:
    """Write floors = reached − MARGIN (rounded down to 0.01) for every data set."""
    floors: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        names = ["ours"]
        if DEFAULT_EVAL_ROOT.is_dir():
            for convert in converters().values():
                convert(DEFAULT_EVAL_ROOT).write(out)
            names += list(CORPORA)
        for name in names:
            files = OURS if name == "ours" else [out / f"{name}.jsonl"]
            reached = figures(run(name, files, with_analyser=analyser_available()))
            if name not in TIME_CORPORA:
                reached.pop("baseline", None)
            if not analyser_available():  # the "analyser" figures scored empty predictions
                reached.pop("analyser", None)
            floors[name] = {
                side: {
                    m: max(0.0, math.floor((v - MARGIN) * 100) / 100)
                    for m, v in sorted(values.items())
                }
                for side, values in reached.items()
            }
            print(name, json.dumps(reached, indent=None), file=sys.stderr)
    FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if "--record" in sys.argv:
        record()
