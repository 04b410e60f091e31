"""Threats against Multilingual HateCheck's Dutch cases (Röttger et al., WOAH 2022, CC-BY-4.0).

The corpus is read from ``../shared/eval/mhc-dutch`` at test time and never copied into the
repository. Explicit threats should be found; negated, quoted and reported threats, profanity and
neutral mentions of groups must not be flagged. Floors are what the analyser reached, minus a
small margin, so a drop fails the test.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import datetime

import pytest

from lont.analyser import analyse
from lont.analyser.corpora import DEFAULT_EVAL_ROOT

CORPUS = DEFAULT_EVAL_ROOT / "mhc-dutch" / "hatecheck_cases_final_dutch.csv"
POSTED = datetime(2026, 3, 14, 16, 20)
HARD_NEGATIVES = (
    "negate_neg_nh",
    "negate_pos_h",
    "profanity_h",
    "counter_quote_nh",
    "counter_ref_nh",
    "profanity_nh",
    "ident_neutral_nh",
    "ident_pos_nh",
)

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared MHC corpus not available")


@pytest.fixture(scope="module")
def flagged() -> tuple[Counter[str], Counter[str]]:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            functionality = row["functionality"]
            totals[functionality] += 1
            if analyse(row["test_case"], posted_at=POSTED).by_kind("threat"):
                hits[functionality] += 1
    return hits, totals


@pytest.mark.slow
@pytest.mark.parametrize("functionality", HARD_NEGATIVES)
def test_hard_negatives_are_not_threats(
    flagged: tuple[Counter[str], Counter[str]], functionality: str
) -> None:
    hits, totals = flagged
    assert totals[functionality] > 0
    assert hits[functionality] / totals[functionality] <= 0.02


@pytest.mark.slow
def test_direct_threats_are_found(flagged: tuple[Counter[str], Counter[str]]) -> None:
    hits, totals = flagged
    # Reached 105/140 (0.75) before issue 15, 126/140 (0.90) after.
    assert hits["threat_dir_h"] / totals["threat_dir_h"] >= 0.85


@pytest.mark.slow
def test_normative_threats_are_found(flagged: tuple[Counter[str], Counter[str]]) -> None:
    hits, totals = flagged
    # "X zouden dood moeten", "… moeten worden gedood": 20/140 before issue 15, 103/140 after.
    assert hits["threat_norm_h"] / totals["threat_norm_h"] >= 0.70


@pytest.mark.slow
def test_threats_at_objects_stay_rare(flagged: tuple[Counter[str], Counter[str]]) -> None:
    hits, totals = flagged
    # "de tijd doden", "onkruid uitroeien": 4/65 before issue 15, 7/65 after (violent verbs
    # aimed at things; the only hard negatives that rose, see docs/analyser.md).
    assert hits["target_obj_nh"] / totals["target_obj_nh"] <= 0.12
