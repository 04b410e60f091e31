"""The window-generation rules (guide: "Maak als gemeente … een kalender"), table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from lont.riskcalendar.rules import add_months, is_open, windows_for

D = date


@pytest.mark.parametrize(
    ("kind", "occurred", "lower", "expected"),
    [
        (
            "incident",
            D(2026, 1, 15),
            False,
            [
                ("anniversary_1", D(2026, 11, 15), D(2027, 4, 15), D(2027, 1, 15), False),
                ("anniversary_2", D(2027, 11, 15), D(2028, 4, 15), D(2028, 1, 15), False),
            ],
        ),
        (  # a leap day: the anniversary falls on the 28th
            "incident",
            D(2024, 2, 29),
            False,
            [
                ("anniversary_1", D(2024, 12, 28), D(2025, 5, 28), D(2025, 2, 28), False),
                ("anniversary_2", D(2025, 12, 28), D(2026, 5, 28), D(2026, 2, 28), False),
            ],
        ),
        (
            "verdict",
            D(2027, 3, 1),
            True,
            [("court", D(2027, 2, 22), D(2027, 4, 12), D(2027, 3, 1), True)],
        ),
        (
            "sentence_demand",
            D(2027, 3, 1),
            False,
            [("court", D(2027, 2, 22), D(2027, 4, 12), D(2027, 3, 1), False)],
        ),
        (
            "release",
            D(2027, 8, 31),
            False,
            [("release", D(2027, 8, 31), D(2028, 2, 29), D(2027, 8, 31), False)],
        ),
    ],
)
def test_windows_for(kind, occurred, lower, expected):
    got = [
        (w.kind, w.starts_on, w.ends_on, w.peak_on, w.flagged)
        for w in windows_for(kind, occurred, lower_than_expected=lower)
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 1, 15), -14, D(2024, 11, 15)),
        (D(2026, 12, 5), 2, D(2027, 2, 5)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("months_ago", [10, 11, 12, 13, 14])
def test_an_incident_10_to_14_months_ago_has_its_first_anniversary_window_open(months_ago):
    today = D(2027, 3, 15)
    first = windows_for("incident", add_months(today, -months_ago))[0]
    assert is_open(first.starts_on, first.ends_on, today)


@pytest.mark.parametrize("months_ago", [2, 9, 16, 21])
def test_between_the_windows_nothing_is_open(months_ago):
    today = D(2027, 3, 15)
    specs = windows_for("incident", add_months(today, -months_ago))
    assert not any(is_open(w.starts_on, w.ends_on, today) for w in specs)


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        windows_for("birthday", D(2027, 1, 1))
