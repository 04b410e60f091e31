"""check_message: the network's own drafts must not spread the time and place (C2) and must not
open with the myth they debunk (A4)."""

from __future__ import annotations

from datetime import datetime

import pytest

from lont.analyser import Gazetteer, Place, check_message

POSTED = datetime(2026, 3, 14, 16, 20)
GAZETTEER = Gazetteer([Place("Marktplein", ("Markt", "het plein"), "plein", "Centrum")])
CALL = "zaterdag om 21:00 iedereen naar het plein, pull up"


def codes(draft: str, context: list[str]) -> list[str]:
    warnings = check_message(draft, context_texts=context, posted_at=POSTED, gazetteer=GAZETTEER)
    return [w.code for w in warnings]


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        ("Ga zaterdag om 21:00 niet naar het plein.", ["repeats_time", "repeats_place"]),
        # Another spelling of the same moment and place still counts: values are compared.
        ("Blijf vanavond om 9 uur weg van de Markt.", ["repeats_time", "repeats_place"]),
        ("Vanavond is er extra toezicht in de stad.", ["repeats_time"]),  # the evening overlaps
        ("Blijf thuis en praat met je ouders.", []),
        ("Zondag is er een buurtfeest.", []),  # another day
        ("Volgende week is er voorlichting.", []),  # too vague to spread anything
    ],
)
def test_time_and_place_repeats(draft: str, expected: list[str]) -> None:
    assert codes(draft, [CALL]) == expected


def test_warning_marks_the_repeated_words() -> None:
    draft = "Ga niet naar het plein."
    (warning,) = check_message(draft, context_texts=[CALL], posted_at=POSTED, gazetteer=GAZETTEER)
    assert draft[warning.start : warning.end] == "het plein"
    assert "Herhaal tijd en plaats niet" in warning.message


def test_opens_with_myth() -> None:
    rumour = "De politie heeft gisteren een jongen uit Noorderhaven opgepakt voor de steekpartij"
    draft = "De politie heeft gisteren een jongen uit Noorderhaven opgepakt? Dat klopt niet."
    warnings = check_message(draft, context_texts=[rumour], posted_at=POSTED)
    (warning,) = [w for w in warnings if w.code == "opens_with_myth"]
    assert draft[warning.start : warning.end].endswith("opgepakt?")
    assert "Begin met de feiten" in warning.message


def test_facts_first_is_fine() -> None:
    rumour = "De politie heeft gisteren een jongen uit Noorderhaven opgepakt voor de steekpartij"
    draft = "Niemand is opgepakt. Het verhaal over een arrestatie in Noorderhaven klopt niet."
    assert codes(draft, [rumour]) == []


def test_no_context_no_warnings_and_posted_at_optional() -> None:
    assert check_message("Ga zaterdag om 21:00 niet naar het plein.", context_texts=[]) == []
