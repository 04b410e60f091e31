"""Pagination that stays flat in the size of the data: the count stops at a cap.

A list of 200,000 signals does not need its exact size, and counting it costs as much as reading
it; ``CappedPaginator`` counts at most ``cap + 1`` rows (``SELECT COUNT(*) FROM (… LIMIT cap + 1)``)
and says whether there were more (``capped``). Pages past the cap are reached with the filters.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.utils.functional import cached_property


def capped_count(rows: Any, cap: int) -> tuple[int, bool]:
    """How many rows, counting at most ``cap + 1`` of them: (the count up to ``cap``, whether
    there were more)."""
    counted = int(rows.order_by()[: cap + 1].count())
    return min(counted, cap), counted > cap


class CappedPaginator(Paginator):
    cap = 1000

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.capped = False

    @cached_property
    def count(self) -> int:
        object_list: Any = self.object_list
        if not hasattr(object_list, "order_by"):  # pragma: no cover - lists are counted as ever
            return len(object_list)
        count, self.capped = capped_count(object_list, self.cap)
        return count
