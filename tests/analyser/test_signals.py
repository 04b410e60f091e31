"""Calls to action, threats, weapons, drill slang, the dead, reputation, mentions, hashtags and
engagement: table-driven, with the hard negatives next to the positives."""

from __future__ import annotations

from datetime import datetime

import pytest

from lont.analyser import analyse

POSTED = datetime(2026, 3, 14, 16, 20)


def found(text: str, kind: str) -> list[str]:
    return [text[s.start : s.end] for s in analyse(text, posted_at=POSTED).by_kind(kind)]


def values(text: str, kind: str) -> list[str]:
    return [s.value for s in analyse(text, posted_at=POSTED).by_kind(kind)]


POSITIVES = [
    ("call_to_action", "pull up naar de kooi", ["pull up"]),
    ("call_to_action", "kom dan als je durft", ["kom dan"]),
    ("call_to_action", "wie durft?", ["wie durft"]),
    ("call_to_action", "we zien elkaar bij de snackbar", ["we zien elkaar"]),
    ("call_to_action", "ik wacht op je bij het plein", ["ik wacht op je"]),
    ("call_to_action", "tag @kleineb_vbs", ["tag @kleineb_vbs"]),
    ("call_to_action", "tag je mannen", ["tag je mannen"]),
    ("call_to_action", "iedereen naar het plein", ["iedereen naar"]),
    ("call_to_action", "wie is er bij vanavond", ["wie is er bij"]),
    ("call_to_action", "kom maar op", ["kom maar op"]),
    ("threat", "ik steek je", ["ik steek je"]),
    ("threat", "ik steek je neer met een mes", ["ik steek je neer"]),
    ("threat", "je bent dood broer", ["je bent dood"]),
    ("threat", "we pakken jullie vanavond", ["we pakken jullie"]),
    ("threat", "ik maak je af", ["ik maak je af"]),
    ("threat", "je gaat eraan", ["je gaat eraan"]),
    ("threat", "ik sla je kapot", ["ik sla je kapot"]),
    ("threat", "ik ga je neerschieten", ["ik ga je neerschieten"]),
    ("threat", "dan steken we je", ["steken we je"]),
    ("threat", "ik breek je benen", ["ik breek je benen"]),
    ("threat", "ik prik je in je rug", ["ik prik je in je rug"]),
    ("threat", "je leeft niet lang meer", ["je leeft niet lang meer"]),
    ("threat", "ik schiet als jullie komen", ["ik schiet"]),
    (
        "threat",
        "Ik ga die jongens echt gewoon vermoorden.",
        ["Ik ga die jongens echt gewoon vermoorden"],
    ),
    ("weapon", "ik heb een mes bij me", ["mes"]),
    ("weapon", "rambo in de jas", ["rambo"]),
    ("weapon", "altijd wat op heup", ["wat op heup"]),
    ("weapon", "hij heeft een pistool", ["pistool"]),
    ("weapon", "met een machete", ["machete"]),
    ("drill_slang", "de opps zijn bang", ["opps"]),
    ("drill_slang", "0pps overal", ["0pps"]),
    ("drill_slang", "scotoe rijdt rond", ["scotoe"]),
    ("drill_slang", "die gast is een snitch", ["snitch"]),
    ("drill_slang", "punten op het scorebord", ["scorebord"]),
    ("deceased", "RIP Jay", ["RIP"]),
    ("deceased", "R.I.P. broer", ["R.I.P."]),
    ("deceased", "rust zacht Mo", ["rust zacht"]),
    ("deceased", "long live Kleine B", ["long live"]),
    ("deceased", "LLL Jay", ["LLL"]),
    ("deceased", "🕊️ Jay", ["🕊️"]),
    ("deceased", "moge hij rusten in vrede", ["moge hij rusten in vrede"]),
    ("deceased", "gone too soon", ["gone too soon"]),
    ("reputation", "je moeder is nep", ["je moeder"]),
    ("reputation", "je ma", ["je ma"]),
    ("reputation", "ze hiden weer", ["hiden"]),
    ("reputation", "hij ging een L pakken", ["een L pakken"]),
    ("reputation", "wannabe driller", ["wannabe"]),
    ("mention", "kom dan @kleineb_vbs", ["@kleineb_vbs"]),
    ("mention", "@moneymo.vbs.", ["@moneymo.vbs"]),
    ("hashtag", "#noorderhavengang", ["#noorderhavengang"]),
    ("hashtag", "#rustzachtmo #3075", ["#rustzachtmo", "#3075"]),
    ("hashtag", "#zuidérpark", ["#zuidérpark"]),
]


@pytest.mark.parametrize(("kind", "text", "expected"), POSITIVES)
def test_finds(kind: str, text: str, expected: list[str]) -> None:
    assert found(text, kind) == expected


NEGATIVES = [
    ("threat", "ik zou nooit iemand steken"),
    ("threat", "ik ga je niet slaan hoor"),
    ("threat", "hij zei 'ik steek je' en dat is fout"),
    ("threat", 'Als je zegt "ik maak je af", dan ben je te ver gegaan.'),
    ("threat", "ik maak je af in FIFA, let maar op 🎮"),
    ("threat", "je bent dood in Fortnite haha noob"),
    ("threat", "ik steek de straat over"),
    ("threat", "ik pak je tas wel even"),
    ("threat", "ik maak je huiswerk"),
    ("deceased", "RIP mijn telefoon 📱"),
    ("deceased", "rip de wifi"),
    ("weapon", "mes en vork vergeten"),
    ("weapon", "er zijn geen wapens gevonden"),
    ("weapon", "ik gun je het beste"),
    ("reputation", "groetjes aan je moeder"),
    ("call_to_action", "we zien elkaar morgen op school, slaap lekker"),
    ("mention", "mail naar info@voorbeeldstad.nl"),
    ("hashtag", "ik programmeer in C# en dat is #1"),
    ("hashtag", "zie pagina#sectie"),
]


@pytest.mark.parametrize(("kind", "text"), NEGATIVES)
def test_does_not_find(kind: str, text: str) -> None:
    assert found(text, kind) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,3K views", ["views:12300"]),
        ("1.2M weergaven", ["views:1200000"]),
        ("345 likes", ["likes:345"]),
        ("89 reposts", ["reposts:89"]),
        ("2k shares", ["shares:2000"]),
        ("40 reacties", ["comments:40"]),
        ("1.234 views", ["views:1234"]),
        ("12 comments en 3 keer gedeeld", ["comments:12", "shares:3"]),
        ("500 retweets", ["reposts:500"]),
    ],
)
def test_engagement_values(text: str, expected: list[str]) -> None:
    assert values(text, "engagement") == expected


def test_drill_slang_explanation_says_context_only() -> None:
    (span,) = analyse("de opps", posted_at=POSTED).by_kind("drill_slang")
    assert "nooit op zichzelf" in span.explanation


def test_weapon_and_drill_slang_may_overlap() -> None:
    result = analyse("rambo op zak", posted_at=POSTED)
    assert [s.kind for s in result.spans if s.start == 0] == ["drill_slang", "weapon"]


def test_same_kind_spans_never_overlap() -> None:
    text = "ik steek je neer, ik steek je, je bent dood, je bent dood broer"
    spans = analyse(text, posted_at=POSTED).spans
    for a in spans:
        for b in spans:
            if a is not b and a.kind == b.kind:
                assert a.end <= b.start or b.end <= a.start
