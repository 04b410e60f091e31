"""``__in`` with a list of values, on PostgreSQL: one array parameter instead of one per value.

Django writes ``id IN (%s, %s, …)``, a placeholder per value. The driver (psycopg) converts a
statement's placeholders in pure Python and keeps the result only for statements of at most 50
parameters and 4 KB; the page of a list (50 keys) and the reads beside it missed that cache on
every request and paid about a millisecond each to be converted again. ``col = ANY(%s::type[])``
with the values as one array is the same condition to PostgreSQL (it plans ``IN (…)`` as
``= ANY(ARRAY[…])``; the driver writes the array as a literal, so the planner sees its values as
before), and the statement's text no longer depends on how many values there are, so it is
converted once.

Registered for every field (``In``) and every relation (``RelatedIn``) in ``CoreConfig.ready``.
Only where nothing can differ: PostgreSQL; a list of at least ``ARRAY_FROM`` plain values (no
subquery, no expression among them, no transform applied to the values) for a column of an
integer, UUID or text type. Everything else — SQLite, short lists, dates, JSON, composite keys,
values out of the column's integer range — is compiled by Django's lookup unchanged (a list
that is empty once ``None`` is dropped is short, and matches nothing there as ever). ``None`` is
dropped from the array as Django drops it from the list (``NULL`` is never equal to anything),
so ``filter`` and ``exclude`` keep their rows.
Django's ``max_in_list_size`` (a limit of Oracle's) does not apply: PostgreSQL has none and the
array is a single parameter.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Field, ForeignObject, lookups
from django.db.models.expressions import ColPairs
from django.db.models.fields.related_lookups import RelatedIn

# Shorter lists keep Django's ``IN (…)``: their statements are small enough for the driver's
# cache, and the SQL of the many short filters (statuses, a few groups) stays as it was.
ARRAY_FROM = 10

# The column types (``db_type`` without its length) sent as an array, with the Python type every
# value must have after Django prepared it and, for integers, the column's range (a value outside
# it must not make the cast fail where ``IN`` found nothing).
_INTEGERS = {
    "smallint": (-(2**15), 2**15 - 1),
    "integer": (-(2**31), 2**31 - 1),
    "bigint": (-(2**63), 2**63 - 1),
}
_VALUE_TYPES: dict[str, type] = {
    **dict.fromkeys(_INTEGERS, int),
    "uuid": uuid.UUID,
    "varchar": str,
    "text": str,
}


def array_element_type(field: Field, connection: Any) -> str:
    """The type of ``field``'s column without its length, as an array of its values is cast
    (``varchar(200)`` → ``varchar``): a cast to ``varchar(n)`` would cut a longer value where
    the column refuses it."""
    return (field.db_type(connection) or "").split("(")[0].strip()


class _ArrayInMixin:
    """``as_postgresql`` for ``In`` and its subclasses; see the module's docstring."""

    lhs: Any
    rhs: Any
    bilateral_transforms: list[Any]

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, Any]:
        array = self._array_of(connection)
        if array is None:
            return self.as_sql(compiler, connection)  # type: ignore[attr-defined]
        column_type, values = array
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)  # type: ignore[attr-defined]
        return f"{lhs_sql} = ANY(%s::{column_type}[])", (*lhs_params, values)

    def _array_of(self, connection: Any) -> tuple[str, list[Any]] | None:
        """The column's type and the prepared values, or None where Django's ``IN`` is kept."""
        if (
            not self.rhs_is_direct_value()  # type: ignore[attr-defined]
            or self.bilateral_transforms
            or isinstance(self.lhs, ColPairs)
            or len(self.rhs) < ARRAY_FROM
        ):
            return None
        column_type = array_element_type(self.lhs.output_field, connection)
        value_type = _VALUE_TYPES.get(column_type)
        if value_type is None:
            return None
        try:
            distinct = list(dict.fromkeys(value for value in self.rhs if value is not None))
        except TypeError:  # an unhashable value: Django's lookup says what it makes of it
            return None
        if len(distinct) < ARRAY_FROM:
            return None
        _, values = self.get_db_prep_lookup(distinct, connection)  # type: ignore[attr-defined]
        if not all(isinstance(value, value_type) for value in values):
            return None
        if column_type in _INTEGERS:
            low, high = _INTEGERS[column_type]
            if min(values) < low or max(values) > high:
                return None
        return column_type, list(values)


class ArrayIn(_ArrayInMixin, lookups.In):
    pass


class RelatedArrayIn(_ArrayInMixin, RelatedIn):
    pass


def register() -> None:
    """Make ``__in`` of every field and relation the lookups above (``CoreConfig.ready``)."""
    Field.register_lookup(ArrayIn)
    ForeignObject.register_lookup(RelatedArrayIn)
