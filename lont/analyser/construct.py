"""Fast constructors for the public result types, for the rule families' hot path.

``Span`` and ``Suggestion`` stay plain frozen dataclasses in :mod:`.model` (compiled, they could
not be pickled or copied). Calling one runs the ``__init__`` that :mod:`dataclasses` generates,
as Python, with one ``object.__setattr__`` per field: about a tenth of the analyser's work per
post once the rest is compiled (docs/analyser.md, "Issue 15, sixth session"). These functions,
compiled with the rest (tools/build_analyser.py), create the object and fill its slots through
the slots' own descriptors, which is what ``object.__setattr__`` ends in. The object is the same
as the constructor's: same class, same field values, so equality, hashing, ``repr``, pickling
and ``dataclasses.replace`` are unchanged (tests/analyser/test_construct.py).

Keep the parameters in step with the fields of :class:`.model.Span` and
:class:`.model.Suggestion`; the test checks that they are.
"""

from __future__ import annotations

from typing import Any, Final

from .model import Span, Suggestion

_new: Final[Any] = object.__new__


def _setter(cls: type, name: str) -> Any:
    """The ``__set__`` of a slot's member descriptor: sets it on a frozen instance too."""
    return cls.__dict__[name].__set__


_SPAN_START: Final = _setter(Span, "start")
_SPAN_END: Final = _setter(Span, "end")
_SPAN_KIND: Final = _setter(Span, "kind")
_SPAN_VALUE: Final = _setter(Span, "value")
_SPAN_CONFIDENCE: Final = _setter(Span, "confidence")
_SPAN_EXPLANATION: Final = _setter(Span, "explanation")
_SPAN_AMBIGUOUS: Final = _setter(Span, "ambiguous")
_SPAN_ALTERNATIVES: Final = _setter(Span, "alternatives")
_SPAN_GRAIN: Final = _setter(Span, "grain")
_SPAN_RECURRENCE: Final = _setter(Span, "recurrence")

_SUGGESTION_INDICATOR: Final = _setter(Suggestion, "indicator")
_SUGGESTION_REASON: Final = _setter(Suggestion, "reason")
_SUGGESTION_GUIDE_POINT: Final = _setter(Suggestion, "guide_point")
_SUGGESTION_STRENGTH: Final = _setter(Suggestion, "strength")
_SUGGESTION_SPAN_INDEXES: Final = _setter(Suggestion, "span_indexes")


def new_span(
    start: int,
    end: int,
    kind: str,
    value: str,
    # Not ``float``: compiled, a float parameter would turn an int into a float, and the
    # constructor keeps what it is given.
    confidence: float | int,
    explanation: str,
    ambiguous: bool = False,
    alternatives: tuple[str, ...] = (),
    grain: str = "",
    recurrence: str = "",
) -> Span:
    """The same as ``Span(…)`` with the same arguments."""
    span: Span = _new(Span)
    _SPAN_START(span, start)
    _SPAN_END(span, end)
    _SPAN_KIND(span, kind)
    _SPAN_VALUE(span, value)
    _SPAN_CONFIDENCE(span, confidence)
    _SPAN_EXPLANATION(span, explanation)
    _SPAN_AMBIGUOUS(span, ambiguous)
    _SPAN_ALTERNATIVES(span, alternatives)
    _SPAN_GRAIN(span, grain)
    _SPAN_RECURRENCE(span, recurrence)
    return span


def new_suggestion(
    indicator: str, reason: str, guide_point: str, strength: str, span_indexes: tuple[int, ...]
) -> Suggestion:
    """The same as ``Suggestion(…)`` with the same arguments."""
    suggestion: Suggestion = _new(Suggestion)
    _SUGGESTION_INDICATOR(suggestion, indicator)
    _SUGGESTION_REASON(suggestion, reason)
    _SUGGESTION_GUIDE_POINT(suggestion, guide_point)
    _SUGGESTION_STRENGTH(suggestion, strength)
    _SUGGESTION_SPAN_INDEXES(suggestion, span_indexes)
    return suggestion
