"""Issue 15, item 2: normative, wished, conditional, family, masked and emoji threats, and
reputation attacks — with the hard negatives that must stay quiet. Fictional (Voorbeeldstad)."""

from __future__ import annotations

from datetime import datetime

import pytest

from lont.analyser import analyse

POSTED = datetime(2026, 3, 14, 16, 20)


def kinds(text: str, kind: str) -> list[str]:
    return [text[s.start : s.end] for s in analyse(text, posted_at=POSTED).by_kind(kind)]


@pytest.mark.parametrize(
    "text",
    [
        "die gast van de Kreek zou dood moeten",
        "die jongens van Spoorzicht moeten allemaal worden neergestoken",
        "hij verdient de dood",
        "ik hoop dat je doodgaat",
        "als ik je zie...",
        "als ik je zie bij de Graanmarkt, ben je dood",
        "ik steek je broertje neer",
        "ik weet waar je zusje woont",
        "ik st3k je",
        "ik ga je v3rm00rden",
        "@tiny_t_vbs 🔪🩸",
        "Sem 🔪",
    ],
)
def test_threat_forms_are_found(text: str) -> None:
    assert kinds(text, "threat"), text


@pytest.mark.parametrize(
    "text",
    [
        "ik moet dood van het lachen om die video",
        "niemand verdient de dood",
        "geen enkele jongen zou moeten worden neergestoken",
        "we mogen niemand laten lijden",
        'hij zei "ik hoop dat je doodgaat" en dat is echt fout, melden',
        "als je blijft volhouden dat zij het verdienen om te sterven praat ik niet met je",
        "als ik je zie op school zeg ik hoi",
        "ik hoop dat je wint vanavond",
        "lol 💀💀💀",
        "Vanavond 🔪 snijden we de taart aan",
        "de 🔪 ligt in de keuken",
    ],
)
def test_hard_negatives_stay_quiet(text: str) -> None:
    assert kinds(text, "threat") == [], text


def test_weapon_emoji_after_a_worded_threat_is_one_threat() -> None:
    assert kinds("je bent de volgende @kreek_boy 🔪", "threat") == ["je bent de volgende"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jij bent een vieze snitch", "jij bent een vieze snitch"),
        ("die is een opp", "die is een opp"),
        ("kkr moeder", "kkr moeder"),
        ("je moeder is een grap", "je moeder is een"),
    ],
)
def test_reputation_attacks(text: str, expected: str) -> None:
    assert expected in kinds(text, "reputation")


def test_drill_word_alone_is_not_a_reputation_attack() -> None:
    assert kinds("snitches krijgen geen respect in deze buurt", "reputation") == []
    assert kinds("ik ben geen snitch", "reputation") == []
