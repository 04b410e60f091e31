"""Issue 15, item 3: a place name several places share is resolved by context (fictional)."""

from __future__ import annotations

from datetime import datetime

from lont.analyser import Gazetteer, Place, analyse

POSTED = datetime(2026, 3, 14, 16, 20)
GAZETTEER = Gazetteer(
    [
        Place("Kooi Noorderhaven", ("de kooi", "kooi"), "trapveld", "Noord"),
        Place("Kooi Kreekwijk", ("de kooi", "kooi"), "trapveld", "Oost"),
        Place("Vlasplein", ("vlas",), "plein", "Noord"),
        Place("Lindehof", (), "wijk", "Oost"),
    ]
)


def place(text: str, **kwargs: object) -> list[tuple[str, bool, tuple[str, ...], str]]:
    result = analyse(text, posted_at=POSTED, gazetteer=GAZETTEER, **kwargs)  # type: ignore[arg-type]
    return [
        (s.value, s.ambiguous, s.alternatives, s.explanation)
        for s in result.by_kind("place")
        if "Kooi" in s.value
    ]


def test_area_of_the_group_decides() -> None:
    [(value, ambiguous, alternatives, explanation)] = place("pull up bij de kooi", area="Oost")
    assert value == "Kooi Kreekwijk" and not ambiguous
    assert alternatives == ("Kooi Noorderhaven",)
    assert "gebied van de groep" in explanation and "Ook mogelijk" in explanation


def test_other_places_in_the_post_decide() -> None:
    [(value, ambiguous, _alts, explanation)] = place("vanavond de kooi achter het Vlasplein")
    assert value == "Kooi Noorderhaven" and not ambiguous
    assert "Vlasplein" in explanation


def test_without_context_the_name_stays_ambiguous_with_alternatives() -> None:
    [(value, ambiguous, alternatives, explanation)] = place("pull up bij de kooi")
    assert ambiguous
    assert {value, *alternatives} == {"Kooi Noorderhaven", "Kooi Kreekwijk"}
    assert "controleer" in explanation


def test_several_areas_of_a_network_are_accepted() -> None:
    [(value, _a, _b, _c)] = place("de kooi", area=["Centrum", "Noord"])
    assert value == "Kooi Noorderhaven"


def test_unshared_names_are_untouched_by_area() -> None:
    result = analyse("bij Lindehof", posted_at=POSTED, gazetteer=GAZETTEER, area="Noord")
    [span] = result.by_kind("place")
    assert span.value == "Lindehof" and not span.ambiguous and not span.alternatives
