"""The ranking of "wie kan groep X bereiken?" as a table: given candidates and a group's area,
then the order and the Dutch reasons are exactly these. Pure Python, no database."""

from __future__ import annotations

import pytest

from lont.socialmap.ranking import Candidate, rank, score

AREA = ("Noorderhaven",)
CM, KEY, PARENT, PRO = "credible_messenger", "key_figure", "parent", "partner_professional"


@pytest.mark.parametrize(
    ("candidate", "expected_score", "expected_reasons"),
    [
        (
            Candidate(1, PRO, reach_strength="sterk", areas=("Molenkamp",)),
            60,
            ("Bereikt de groep rechtstreeks (sterk).",),
        ),
        (
            Candidate(1, PRO, reach_strength="redelijk", areas=("Molenkamp",)),
            35,
            ("Bereikt de groep rechtstreeks (redelijk).",),
        ),
        (
            Candidate(1, PRO, reach_strength="zwak", areas=("Molenkamp",)),
            15,
            ("Bereikt de groep rechtstreeks (zwak).",),
        ),
        (
            Candidate(1, PARENT, known_member_roles=("leader",), areas=("Molenkamp",)),
            20,
            ("Kent 1 lid van de groep, onder wie 1 leider/sleutelfiguur.",),
        ),
        (
            Candidate(1, PARENT, known_member_roles=("follower", "follower"), areas=()),
            12,
            ("Kent 2 leden van de groep.",),
        ),
        (
            Candidate(1, PARENT, known_member_roles=("leader",) * 5, areas=()),
            60,
            ("Kent 5 leden van de groep, onder wie 5 leiders/sleutelfiguren.",),
        ),
        (
            Candidate(1, CM, areas=("noorderhaven",)),
            45,
            ("Credible messenger in het gebied van de groep (Noorderhaven).",),
        ),
        (
            Candidate(1, KEY, areas=("Noorderhaven",)),
            15,
            ("Sleutelfiguur in het gebied van de groep (Noorderhaven).",),
        ),
        (
            Candidate(1, PARENT, areas=("Noorderhaven",), out_of_hours=True),
            13,
            (
                "Actief in het gebied van de groep (Noorderhaven).",
                "Ook buiten kantoortijd bereikbaar.",
            ),
        ),
        (Candidate(1, PARENT, areas=("Molenkamp",), out_of_hours=True), 0, ()),
        (Candidate(1, CM, areas=("Molenkamp",)), 0, ()),
    ],
)
def test_score_table(candidate, expected_score, expected_reasons):
    result = score(candidate, AREA)
    assert (result.score, result.reasons) == (expected_score, expected_reasons)


@pytest.mark.parametrize(
    ("candidates", "expected_order"),
    [
        # Direct strong reach beats a weak one.
        (
            [
                Candidate(1, PRO, "A", reach_strength="zwak"),
                Candidate(2, PRO, "B", reach_strength="sterk"),
            ],
            [2, 1],
        ),
        # A credible messenger of the group's own area comes before a parent who knows a follower.
        (
            [
                Candidate(1, PARENT, "A", known_member_roles=("follower",)),
                Candidate(2, CM, "B", areas=AREA),
            ],
            [2, 1],
        ),
        # Knowing the leader counts more than knowing two followers.
        (
            [
                Candidate(1, PARENT, "A", known_member_roles=("follower", "follower")),
                Candidate(2, PARENT, "B", known_member_roles=("leader",)),
            ],
            [2, 1],
        ),
        # Equal score: the area's credible messenger first, then out-of-hours, then name.
        (
            [
                Candidate(1, PRO, "A", reach_strength="redelijk", areas=AREA),  # 35 + 8 = 43
                Candidate(2, CM, "Z", areas=AREA),
            ],
            [2, 1],
        ),  # 45
        (
            [
                Candidate(1, PRO, "B", reach_strength="zwak"),
                Candidate(2, PRO, "A", reach_strength="zwak"),
            ],
            [2, 1],
        ),
        # No relation to the group or its area: left out.
        (
            [
                Candidate(1, PARENT, "A", areas=("Molenkamp",)),
                Candidate(2, PRO, "B", reach_strength="zwak"),
            ],
            [2],
        ),
        ([], []),
    ],
)
def test_rank_order_table(candidates, expected_order):
    assert [r.contact_id for r in rank(candidates, AREA)] == expected_order


def test_equal_scores_put_the_areas_credible_messenger_first():
    # Given a parent and a credible messenger of the area who both score 45
    parent = Candidate(
        1, PARENT, "Anna", reach_strength="zwak", known_member_roles=("follower",) * 5
    )
    messenger = Candidate(2, CM, "Zora", areas=AREA)
    assert score(parent, AREA).score == score(messenger, AREA).score == 45
    # When ranked, then the messenger comes first even though her name sorts last
    ranked = rank([parent, messenger], AREA)
    assert [r.contact_id for r in ranked] == [2, 1]
    assert ranked[0].area_messenger is True


def test_mixed_scores_rank_best_first():
    candidates = [
        Candidate(1, PRO, "A", reach_strength="sterk"),  # 60
        Candidate(2, PRO, "B", reach_strength="redelijk", areas=("X",), out_of_hours=True),  # 40
        Candidate(3, CM, "C", areas=AREA),  # 45
        Candidate(4, PRO, "D", reach_strength="redelijk", areas=AREA),  # 43
    ]
    assert [(r.contact_id, r.score) for r in rank(candidates, AREA)] == [
        (1, 60),
        (3, 45),
        (4, 43),
        (2, 40),
    ]
