"""The fast constructors give the very objects the dataclass constructors give."""

import copy
import dataclasses
import inspect
import pickle

import pytest

from lont.analyser.construct import new_span, new_suggestion
from lont.analyser.model import Span, Suggestion


@pytest.mark.parametrize(
    ("fast", "slow"),
    [
        (new_span, Span),
        (new_suggestion, Suggestion),
    ],
)
def test_the_parameters_are_the_fields_with_their_defaults(fast, slow):
    fields = dataclasses.fields(slow)
    parameters = list(inspect.signature(fast).parameters.values())
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        expected = (
            inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        )
        assert parameter.default == expected


SPANS = [
    (3, 9, "time", "2026-03-07T21:00", 0.9, "Tijdstip."),
    (0, 4, "place", "Marktplein", 1, "Plaats."),  # an int confidence stays an int
    (5, 20, "time", "2026-03-02/2026-03-08", 0.6, "Week.", True, ("a", "b"), "week", "FREQ=WEEKLY"),
]


@pytest.mark.parametrize("arguments", SPANS)
def test_a_span_is_the_same_object_as_the_constructors(arguments):
    fast, slow = new_span(*arguments), Span(*arguments)
    assert type(fast) is Span
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert pickle.dumps(fast) == pickle.dumps(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow  # noqa: S301  (our own bytes)
    assert copy.deepcopy(fast) == slow
    assert dataclasses.replace(fast, end=30) == dataclasses.replace(slow, end=30)
    assert [type(getattr(fast, f.name)) for f in dataclasses.fields(Span)] == [
        type(getattr(slow, f.name)) for f in dataclasses.fields(Span)
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 1  # type: ignore[misc]


def test_keyword_arguments_and_a_suggestion():
    assert new_span(
        start=1, end=2, kind="duration", value="PT3H", confidence=0.7, explanation="Duur.", grain=""
    ) == Span(1, 2, "duration", "PT3H", 0.7, "Duur.")
    fast = new_suggestion("online.time_place", "reden", "punt 7", "somewhat", (0, 2))
    slow = Suggestion("online.time_place", "reden", "punt 7", "somewhat", (0, 2))
    assert (fast, hash(fast), repr(fast)) == (slow, hash(slow), repr(slow))
    assert pickle.dumps(fast) == pickle.dumps(slow)
