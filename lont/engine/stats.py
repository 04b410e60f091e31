"""Small, exact-where-possible statistical tests in pure Python (no numpy or scipy needed).

- :func:`binomial_sf`: upper tail of a binomial distribution — the conditional test for comparing
  two Poisson rates (given the total count, the recent count is binomial under "same rate").
- :func:`hypergeom_sf`: upper tail of the hypergeometric distribution — Fisher's exact test,
  one-sided.
- :func:`mann_kendall`: the Mann-Kendall trend test with tie correction and continuity correction,
  one-sided for a rising trend, plus Sen's slope as the size of the trend.

Tails are summed in log space (``math.lgamma``), so they stay accurate for counts in the thousands.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median


def normal_sf(z: float) -> float:
    """P(Z >= z) for a standard normal Z."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


# ``math.lgamma(n + 1)`` for n = 0, 1, …: the tails below read the same few hundred values for
# every subject tested (a recompute tests a situation and each of its groups), so each is computed
# once per process; the table grows to the largest count met. A longer table replaces the
# shorter one whole (never extended in place), so threads never see a half-grown one.
_LOG_FACTORIALS: list[float] = []


def _log_factorials(n: int) -> list[float]:
    """The table, up to at least ``n``."""
    global _LOG_FACTORIALS
    table = _LOG_FACTORIALS
    if n >= len(table):
        table = table + [math.lgamma(i + 1) for i in range(len(table), n + 1)]
        _LOG_FACTORIALS = table
    return table


def _log_comb(n: int, k: int) -> float:
    # The same values, subtracted in the same order, as ``lgamma`` computed each time.
    f = _log_factorials(n)
    return f[n] - f[k] - f[n - k]


def binomial_sf(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    log_p, log_q = math.log(p), math.log1p(-p)
    # ``_log_comb(n, i)`` written out over the table (the same values in the same order): a
    # situation's baseline count of terms at every recompute.
    f = _log_factorials(n)
    terms = [f[n] - f[i] - f[n - i] + i * log_p + (n - i) * log_q for i in range(k, n + 1)]
    top = max(terms)
    return min(1.0, math.exp(top) * math.fsum(math.exp(t - top) for t in terms))


def hypergeom_sf(k: int, population: int, successes: int, draws: int) -> float:
    """P(X >= k) for X ~ Hypergeometric(population, successes, draws)."""
    low = max(0, draws - (population - successes))
    high = min(draws, successes)
    if k <= low:
        return 1.0
    if k > high:
        return 0.0
    total = _log_comb(population, draws)
    terms = [
        _log_comb(successes, i) + _log_comb(population - successes, draws - i) - total
        for i in range(k, high + 1)
    ]
    top = max(terms)
    return min(1.0, math.exp(top) * math.fsum(math.exp(t - top) for t in terms))


@dataclass(frozen=True)
class MannKendall:
    n: int
    s: int
    var_s: float
    z: float
    p_value: float  # one-sided, for a rising trend
    tau: float
    sen_slope: float


def mann_kendall(series: Sequence[float]) -> MannKendall:
    """Mann-Kendall test for a monotonic rising trend in ``series`` (equally spaced in time).

    S counts rising minus falling pairs; its variance is corrected for ties; Z uses a continuity
    correction of 1; the p-value is the one-sided upper tail of the normal approximation.
    """
    n = len(series)
    s = 0
    slopes: list[float] = []
    for i in range(n - 1):
        for j in range(i + 1, n):
            diff = series[j] - series[i]
            s += (diff > 0) - (diff < 0)
            slopes.append(diff / (j - i))
    ties = Counter(series).values()
    var_s = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18.0
    z = 0.0 if var_s <= 0 or s == 0 else (s - 1 if s > 0 else s + 1) / math.sqrt(var_s)
    pairs = n * (n - 1) / 2
    return MannKendall(
        n=n,
        s=s,
        var_s=var_s,
        z=z,
        p_value=normal_sf(z),
        tau=s / pairs if pairs else 0.0,
        sen_slope=float(median(slopes)) if slopes else 0.0,
    )


def fmt_num(value: float, decimals: int = 1) -> str:
    """A number the Dutch way: decimal comma."""
    return ("%.*f" % (decimals, value)).replace(".", ",")  # noqa: UP031 - the fastest form


def fmt_p(p: float) -> str:
    """A p-value for an explanation: ``p = 0,012`` or ``p < 0,001``."""
    if p < 0.001:
        return "p < 0,001"
    return f"p = {fmt_num(p, 3)}"


def count_nl(n: int, singular: str, plural: str) -> str:
    """ "1 signaal", "2 signalen": a Dutch count with the right form (never "1 signalen")."""
    return f"{n} {singular if n == 1 else plural}"
