"""The drill reading: monthly series, the trend test per series, and the guide's red flag."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from engine_factories import NOW, drill_video, month_start, rising_drill

from lont.engine import ChartPoint, EngineParameters, Signal, drill_reading
from lont.engine.parameters import DrillParameters


def test_series_cover_the_last_twelve_complete_months() -> None:
    # Given drill videos in the running month, the last complete month and 13 months ago
    videos = [
        drill_video("now", NOW, attacks=9, weapons=9, members=9),
        drill_video("last", month_start(1), attacks=2, weapons=1, members=3),
        drill_video("last-b", month_start(1), attacks=1, weapons=0, members=0),
        drill_video("old", month_start(13), attacks=5, weapons=5, members=5),
    ]
    reading = drill_reading(videos, conflict_history_months=24, now=NOW, rivalry_ref="r1")
    # Then only complete months within the window count, oldest first
    assert reading.months[0] == "2025-06"
    assert reading.months[-1] == "2026-05"
    assert reading.attacks == (0,) * 11 + (3,)
    assert reading.shows == (0,) * 11 + (4,)
    assert reading.videos == 2
    assert reading.chart[-1] == ChartPoint(month="2026-05", attacks=3, shows=4)
    assert len(reading.chart) == 12


def test_months_follow_the_network_time_zone() -> None:
    # 31 May 23:30 UTC is already 1 June in Amsterdam: the running month, so it is left out.
    late = datetime(2026, 5, 31, 23, 30, tzinfo=UTC)
    reading = drill_reading([drill_video("v", late, 1, 1, 1)], conflict_history_months=0, now=NOW)
    assert reading.videos == 0


def _series(attacks: list[int], shows: list[int]) -> list[Signal]:
    """Videos with these monthly counts, oldest month first (12 months back to last month)."""
    count = len(attacks)
    return [
        drill_video(f"v{i}", month_start(count - i), attacks=a, weapons=s, members=0)
        for i, (a, s) in enumerate(zip(attacks, shows, strict=True))
    ]


FLAT = [2, 1, 2, 2, 1, 2, 1, 2, 2, 1, 2, 1]
RISING = [0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 7]


@pytest.mark.parametrize(
    ("attacks", "shows", "history", "red_flag"),
    [
        pytest.param(RISING, RISING, 18, True, id="long history, both rising"),
        pytest.param(RISING, RISING, 11, False, id="history too short"),
        pytest.param(RISING, FLAT, 18, False, id="only attacks rise"),
        pytest.param(FLAT, RISING, 18, False, id="only shows rise"),
        pytest.param(FLAT, FLAT, 36, False, id="neither rises"),
        pytest.param(RISING[::-1], RISING[::-1], 36, False, id="both fall"),
    ],
)
def test_red_flag_needs_long_history_and_both_rising(
    attacks: list[int], shows: list[int], history: float, red_flag: bool
) -> None:
    reading = drill_reading(_series(attacks, shows), conflict_history_months=history, now=NOW)
    assert reading.red_flag is red_flag
    assert reading.long_history is (history >= 12)


def test_the_rising_series_has_its_test_statistics() -> None:
    reading = drill_reading(_series(RISING, RISING), conflict_history_months=18, now=NOW)
    test = reading.attacks_test
    # 66 pairs; the 4 tied pairs (1,1), (2,2), (3,3), (5,5) count zero: S = 62.
    assert test.statistic == 62
    assert test.n == 12
    assert test.p_value < 0.001
    assert test.rising
    assert test.sen_slope == pytest.approx(0.6, abs=0.1)


def test_explanation_in_dutch_names_both_tests_and_the_causality_question() -> None:
    reading = drill_reading(rising_drill(), conflict_history_months=18, now=NOW)
    text = reading.explanation_nl
    assert text.startswith("Rode vlag uit de drilllezing: lange conflictgeschiedenis én")
    assert "12 drillsignalen in de laatste 12 volledige maanden" in text
    assert "persoonlijke aanvallen stijgen duidelijk (Mann-Kendall S = 66, p < 0,001" in text
    assert "Causaliteitsvraag" in text
    flat = drill_reading(_series(FLAT, RISING), conflict_history_months=6, now=NOW).explanation_nl
    assert flat.startswith(
        "Geen rode vlag uit de drilllezing: geen lange conflictgeschiedenis; geen duidelijk "
        "stijgende trend in persoonlijke aanvallen."
    )


def test_window_and_alpha_are_parameters() -> None:
    params = EngineParameters(drill=DrillParameters(window_months=6, alpha=0.001))
    reading = drill_reading(
        _series(RISING, RISING), conflict_history_months=18, now=NOW, params=params
    )
    assert len(reading.months) == 6
    # Six rising months (2,3,3,4,5,5 → ties): not significant at 0.001.
    assert not reading.red_flag


def test_a_start_is_not_a_trend() -> None:
    # Given ten quiet months and then two drill videos: the series "rise" but from almost nothing
    videos = [drill_video("a", month_start(2), 3, 2, 2), drill_video("b", month_start(1), 5, 3, 3)]
    reading = drill_reading(videos, conflict_history_months=24, now=NOW)
    # Then the tests alone would call it rising, but the minimum of three drill signals is not met
    assert reading.attacks_test.rising and reading.shows_test.rising
    assert not reading.red_flag
    assert "te weinig drillsignalen (minstens 3)" in reading.explanation_nl
