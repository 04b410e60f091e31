"""The statistical tests, against values worked out by hand or with exact fractions."""

from __future__ import annotations

import math
from fractions import Fraction
from math import comb

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lont.engine.stats import (
    binomial_sf,
    fmt_num,
    fmt_p,
    hypergeom_sf,
    mann_kendall,
    normal_sf,
)


def exact_binomial_sf(k: int, n: int, p: Fraction) -> float:
    return float(sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1)))


@pytest.mark.parametrize(
    ("k", "n", "p", "expected"),
    [
        (3, 3, 0.5, 0.125),
        (2, 4, 0.5, 11 / 16),
        (0, 5, 0.3, 1.0),
        (6, 5, 0.3, 0.0),
        (1, 10, 0.0, 0.0),
        (1, 10, 1.0, 1.0),
    ],
)
def test_binomial_tail(k: int, n: int, p: float, expected: float) -> None:
    assert binomial_sf(k, n, p) == pytest.approx(expected)


@pytest.mark.parametrize(("k", "n"), [(6, 8), (3, 3), (20, 120), (40, 400)])
def test_binomial_tail_matches_exact_fractions(k: int, n: int) -> None:
    share = Fraction(14, 104)
    assert binomial_sf(k, n, float(share)) == pytest.approx(
        exact_binomial_sf(k, n, share), rel=1e-9
    )


@pytest.mark.parametrize(
    ("k", "expected"),
    # Fisher's tea-tasting table: 8 cups, 4 with milk first, 4 chosen.
    [(4, 1 / 70), (3, 17 / 70), (0, 1.0), (5, 0.0)],
)
def test_hypergeometric_tail(k: int, expected: float) -> None:
    assert hypergeom_sf(k, 8, 4, 4) == pytest.approx(expected)


def test_normal_tail() -> None:
    assert normal_sf(0) == pytest.approx(0.5)
    assert normal_sf(1.959964) == pytest.approx(0.025, rel=1e-5)


@pytest.mark.parametrize(
    ("series", "s", "var_s", "z", "p", "slope"),
    [
        # Strictly rising: S = n(n-1)/2 = 15; Var = 6·5·17/18; Z = (15-1)/√Var.
        ([1, 2, 3, 4, 5, 6], 15, 510 / 18, 14 / (510 / 18) ** 0.5, 0.004268, 1.0),
        # Three tied pairs: S = 12; Var = (510 - 3·2·1·9)/18 = 456/18; Z = 11/√Var.
        ([0, 0, 1, 1, 2, 2], 12, 456 / 18, 11 / (456 / 18) ** 0.5, 0.014427, 0.5),
        # Falling: S = -15, one-sided p for a rise is close to 1.
        ([6, 5, 4, 3, 2, 1], -15, 510 / 18, -14 / (510 / 18) ** 0.5, 0.995732, -1.0),
        # All equal: no variance, no trend.
        ([2, 2, 2, 2], 0, 0.0, 0.0, 0.5, 0.0),
    ],
)
def test_mann_kendall(
    series: list[int], s: int, var_s: float, z: float, p: float, slope: float
) -> None:
    result = mann_kendall(series)
    assert result.s == s
    assert result.var_s == pytest.approx(var_s)
    assert result.z == pytest.approx(z)
    assert result.p_value == pytest.approx(p, abs=1e-6)
    assert result.sen_slope == pytest.approx(slope)


def test_dutch_number_formatting() -> None:
    assert fmt_num(2.5) == "2,5"
    assert fmt_num(0.125, 2) == "0,12"
    assert fmt_p(0.0123) == "p = 0,012"
    assert fmt_p(0.0004) == "p < 0,001"


def _lgamma_tail(terms: list[float]) -> float:
    top = max(terms)
    return min(1.0, math.exp(top) * math.fsum(math.exp(t - top) for t in terms))


def _log_comb_lgamma(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


@given(st.integers(0, 3000), st.data())
def test_tails_over_the_log_factorial_table_are_the_lgamma_sums_bit_for_bit(n, data):
    # given a binomial and a hypergeometric tail of any size (the table grows as they need)
    k = data.draw(st.integers(1, n)) if n else 0
    p = data.draw(st.floats(0.001, 0.999))
    successes, draws = data.draw(st.integers(0, n)), data.draw(st.integers(0, n))
    x = data.draw(st.integers(0, n))
    # then each is the sum of lgamma terms computed each time, to the last bit
    if 0 < k <= n:
        log_p, log_q = math.log(p), math.log1p(-p)
        terms = [_log_comb_lgamma(n, i) + i * log_p + (n - i) * log_q for i in range(k, n + 1)]
        assert binomial_sf(k, n, p) == _lgamma_tail(terms)
    low, high = max(0, draws - (n - successes)), min(draws, successes)
    if low < x <= high:
        total = _log_comb_lgamma(n, draws)
        terms = [
            _log_comb_lgamma(successes, i) + _log_comb_lgamma(n - successes, draws - i) - total
            for i in range(x, high + 1)
        ]
        assert hypergeom_sf(x, n, successes, draws) == _lgamma_tail(terms)
