"""Request patterns (P7): the three influence techniques recognised from request records."""

from __future__ import annotations

import pytest
from engine_factories import ago

from lont.engine import (
    RequestOutcome,
    RequestRecord,
    RequestSize,
    Technique,
    request_patterns,
)

S, L, X = RequestSize.SMALL, RequestSize.LARGE, RequestSize.EXTREME
ASKED, AGREED, DONE, REFUSED = (
    RequestOutcome.ASKED,
    RequestOutcome.AGREED,
    RequestOutcome.COMPLIED,
    RequestOutcome.REFUSED,
)


def req(
    ref: str,
    days_ago: float,
    size: RequestSize,
    outcome: RequestOutcome,
    *,
    requester: str = "a1",
    target: str = "t1",
    group: str = "",
    replaces: str = "",
) -> RequestRecord:
    return RequestRecord(ref, ago(days_ago), requester, target, size, outcome, group, replaces)


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        pytest.param(
            [req("r1", 10, S, DONE), req("r2", 5, L, ASKED)],
            [("foot_in_door", "r1", "r2", False)],
            id="foot in the door, second still open",
        ),
        pytest.param(
            [req("r1", 10, S, DONE), req("r2", 5, X, DONE)],
            [("foot_in_door", "r1", "r2", True)],
            id="foot in the door, went along",
        ),
        pytest.param(
            [req("r1", 10, S, DONE), req("r2", 5, L, ASKED, target="t2")],
            [],
            id="another target",
        ),
        pytest.param([req("r1", 70, S, DONE), req("r2", 5, L, ASKED)], [], id="too far apart"),
        pytest.param([req("r1", 10, S, DONE), req("r2", 5, S, DONE)], [], id="not larger"),
        pytest.param(
            [
                req("r1", 10, S, DONE, requester="a1", group="g"),
                req("r2", 5, L, ASKED, requester="a2", group="g"),
            ],
            [("foot_in_door", "r1", "r2", False)],
            id="another member of the same group asks",
        ),
        pytest.param(
            [
                req("r1", 10, S, DONE, requester="a1", group="g"),
                req("r2", 5, L, ASKED, requester="a2", group="h"),
            ],
            [],
            id="someone of another group asks",
        ),
        pytest.param(
            [req("r1", 10, X, REFUSED), req("r2", 8, L, DONE)],
            [("door_in_face", "r1", "r2", True)],
            id="door in the face",
        ),
        pytest.param(
            [req("r1", 10, L, REFUSED), req("r2", 8, S, AGREED)],
            [("door_in_face", "r1", "r2", True)],
            id="door in the face from large to small",
        ),
        pytest.param(
            [req("r1", 10, X, REFUSED), req("r2", 8, S, REFUSED)],
            [("door_in_face", "r1", "r2", False)],
            id="door in the face, refused again",
        ),
        pytest.param(
            [req("r1", 10, S, REFUSED), req("r2", 8, S, DONE)], [], id="small refused is no door"
        ),
        pytest.param(
            [req("r1", 10, S, AGREED), req("r2", 3, L, DONE)],
            [("low_ball", "r1", "r2", True)],
            id="low ball within the gap",
        ),
        pytest.param(
            [req("r1", 40, S, AGREED), req("r2", 3, L, ASKED, replaces="r1")],
            [("low_ball", "r1", "r2", False)],
            id="low ball linked explicitly",
        ),
        pytest.param(
            [req("r1", 40, S, AGREED), req("r2", 3, L, DONE)], [], id="low ball too far apart"
        ),
        pytest.param(
            [req("r1", 30, S, DONE), req("r2", 20, L, DONE), req("r3", 10, X, ASKED)],
            [("foot_in_door", "r1", "r2", True), ("foot_in_door", "r2", "r3", False)],
            id="a staircase",
        ),
    ],
)
def test_request_patterns(
    records: list[RequestRecord], expected: list[tuple[str, str, str, bool]]
) -> None:
    found = request_patterns(records)
    assert [(p.technique.value, p.first_ref, p.second_ref, p.succeeded) for p in found] == expected


def test_order_of_records_is_irrelevant() -> None:
    records = [
        req("r1", 30, S, DONE),
        req("r2", 20, L, DONE),
        req("r3", 10, X, REFUSED),
        req("r4", 5, L, ASKED),
    ]
    assert request_patterns(records) == request_patterns(records[::-1])


def test_patterns_carry_the_guides_risk_reading() -> None:
    [pattern] = request_patterns([req("r1", 10, X, REFUSED), req("r2", 8, L, DONE)])
    assert pattern.technique is Technique.DOOR_IN_FACE
    assert pattern.indicator == "request.door_in_face"
    assert pattern.guide.label_nl == "Deur-in-het-gezicht-techniek"
    assert pattern.guide.risk_reading_nl.startswith("Voor de risico-inschatting betekent dit")
    assert pattern.explanation_nl.startswith(
        "Deur-in-het-gezicht-techniek bij doelwit t1: eerst een extreem verzoek dat is geweigerd, "
        "daarna een kleiner (groot) verzoek (2 dagen later; verzoeken r1 en r2). Tweede verzoek: "
        "uitgevoerd. Voor de risico-inschatting"
    )


def test_an_explicit_link_wins_over_a_closer_request() -> None:
    records = [
        req("r1", 30, S, AGREED),
        req("r2", 5, S, AGREED),
        req("r3", 3, L, ASKED, replaces="r1"),
    ]
    low_balls = [p for p in request_patterns(records) if p.technique is Technique.LOW_BALL]
    assert [(p.first_ref, p.second_ref) for p in low_balls] == [("r1", "r3")]
