"""Pagination that stays flat in the size of the data: the count stops at a cap.

A list of 200,000 signals does not need its exact size, and counting it costs as much as reading
it; ``CappedPaginator`` counts at most ``cap + 1`` rows and says whether there were more
(``capped``). Pages past the cap are reached with the filters.

It reads the keys of those rows in order once (``SELECT id … LIMIT cap + 1``) and then the page's
rows by key: a selective filter (a busy group, a date, a status) costs its work once, not once for
the count and again for the page. With ``by_key`` (a queryset of the same rows without the
filters: a search's three ways, say) the page's rows are read from it by key alone, in the keys'
order, instead of through the filters again.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property


def capped_count(rows: Any, cap: int) -> tuple[int, bool]:
    """How many rows, counting at most ``cap + 1`` of them: (the count up to ``cap``, whether
    there were more)."""
    counted = int(rows.order_by()[: cap + 1].count())
    return min(counted, cap), counted > cap


def capped_count_expression(rows: Any, cap: int) -> RawSQL:
    """What ``capped_count`` counts (up to ``cap + 1`` rows), as a subquery another query of the
    page can carry (``.annotate(n=capped_count_expression(rows, cap))``): the rows and their
    count in one round trip. Not correlated: the database counts once, whatever the rows."""
    sql, params = rows.order_by().values("pk")[: cap + 1].query.sql_with_params()
    # Django's own SQL of the rows, their values as parameters: nothing from a request in the text.
    counted = f"SELECT COUNT(*) FROM ({sql}) AS capped"  # noqa: S608
    return RawSQL(counted, params, output_field=IntegerField())  # noqa: S611


class CappedPaginator(Paginator):
    cap = 1000

    def __init__(self, *args: Any, by_key: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.capped = False
        self.by_key = by_key

    @cached_property
    def _keys(self) -> list[Any]:
        """The keys of the first ``cap + 1`` rows, in the list's order."""
        rows: Any = self.object_list
        return list(rows.prefetch_related(None).values_list("pk", flat=True)[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        if not hasattr(
            self.object_list, "order_by"
        ):  # pragma: no cover - lists are counted as ever
            return len(self.object_list)
        self.capped = len(self._keys) > self.cap
        return min(len(self._keys), self.cap)

    def page(self, number: Any) -> Page:
        if not hasattr(self.object_list, "order_by"):  # pragma: no cover
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows: Any = self.object_list
        if self.by_key is None:
            return Page(list(rows.filter(pk__in=self._keys[bottom:top])), number, self)
        keys = self._keys[bottom:top]
        found = {row.pk: row for row in self.by_key.filter(pk__in=keys)}
        return Page([found[key] for key in keys if key in found], number, self)
