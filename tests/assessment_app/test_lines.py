"""Which lines of a situation are shown (``lines``): pure, no database."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lont import engine as e
from lont.assessment import lines
from lont.engine.levels import _sort_key

KINDS = ("acute_rule", "acute_rule_defused", "signal", "structure", "drill", "drill_signal")
# Amounts that tie, and tie once rounded to four decimals as they are stored.
AMOUNTS = st.one_of(
    st.sampled_from([0.0, 1.0, 0.5, 0.12344, 0.12341, 0.00004, 0.00001]),
    st.floats(min_value=0, max_value=5, allow_nan=False),
)


@given(
    st.lists(st.tuples(st.sampled_from(KINDS), AMOUNTS, st.integers(0, 50)), max_size=80),
    st.integers(1, 12),
)
def test_the_strongest_of_lines_in_engine_order_are_found_from_each_kinds_first_lines(drawn, limit):
    # given lines in the engine's order (by kind, then amount from the strongest, then ref)
    found = sorted(
        (e.Contribution.plain(kind, str(ref), amount) for kind, amount, ref in drawn),
        key=_sort_key,
    )
    # when the strongest are picked from each kind's first lines
    picked = lines.strongest_sorted_positions(found, limit, e.line_rank)
    # then they are the ones a comparison of every line picks, with the same count left out
    assert picked == lines.strongest_positions(((c.kind, round(c.amount, 4)) for c in found), limit)
