"""Places: the network's gazetteer (fictional Voorbeeldstad) and general Dutch patterns."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from lont.analyser import Gazetteer, GazetteerError, Place, analyse

POSTED = datetime(2026, 3, 14, 16, 20)

GAZETTEER = Gazetteer(
    [
        Place("Noorderhaven", ("Noordhaven", "N-haven"), "wijk", "Noord"),
        Place("De Kreek", ("Kreek", "Kreekwijk"), "wijk", "Oost"),
        Place("Zuiderpark-wijk", ("Zuiderparkwijk", "ZPW"), "wijk", "Zuid"),
        Place("Marktplein", ("Markt",), "plein", "Centrum"),
        Place("Vlasplein", (), "plein", "Noord"),
        Place("Station Voorbeeldstad Centraal", ("CS", "Centraal Station"), "station", "Centrum"),
        Place("Het Baken College", ("Bakencollege", "Het Baken"), "school", "Noord"),
        Place("Cafetaria Frituur Smulhoek", ("Smulhoek", "de Smulhoek"), "snackbar", "Oost"),
        Place("Winkelcentrum Kreekpoort", ("Kreekpoort",), "winkelcentrum", "Oost"),
        Place("de kooi bij de Lindelaan", ("de kooi", "kooitje"), "sportveld", "Oost"),
    ]
)


def places(text: str, gazetteer: Gazetteer | None = GAZETTEER) -> list[tuple[str, str]]:
    result = analyse(text, posted_at=POSTED, gazetteer=gazetteer)
    return [(text[s.start : s.end], s.value) for s in result.by_kind("place")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("iemand bij Noorderhaven gezien?", [("Noorderhaven", "Noorderhaven")]),
        ("NOORDERHAVEN vol", [("NOORDERHAVEN", "Noorderhaven")]),
        ("noordhaven is saai", [("noordhaven", "Noorderhaven")]),
        ("Noordrhaven is saai", [("Noordrhaven", "Noorderhaven")]),  # one typo
        ("Vlásplein nieuwe bankjes", [("Vlásplein", "Vlasplein")]),  # accent
        ("kreek poort heeft schoenen", [("kreek poort", "Winkelcentrum Kreekpoort")]),  # spacing
        ("op Bakencolege geschorst", [("Bakencolege", "Het Baken College")]),
        ("bij CS gestolen", [("CS", "Station Voorbeeldstad Centraal")]),
        ("we zitten bij de kooi, kom", [("de kooi", "de kooi bij de Lindelaan")]),
        ("Zuiderpark-wijk represent", [("Zuiderpark-wijk", "Zuiderpark-wijk")]),
        ("zuiderpark wijk", [("zuiderpark wijk", "Zuiderpark-wijk")]),
        (
            "Station Voorbeeldstad Centraal stond vol",
            [("Station Voorbeeldstad Centraal", "Station Voorbeeldstad Centraal")],
        ),
        ("Smulhoeck heeft friet", [("Smulhoeck", "Cafetaria Frituur Smulhoek")]),
    ],
)
def test_gazetteer_matches(text: str, expected: list[tuple[str, str]]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hij maakt de lekkerste soep",  # "maakt" is one letter from the alias "Markt"
        "cs is een vak op school",  # short aliases only count written as listed
        "@tiny_t_kreek hidet al een week",  # a handle, not running text
        "#noorderhaven represent",
        "Noorderhavens jongens",  # an adjective, not the place
    ],
)
def test_gazetteer_does_not_match(text: str) -> None:
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik woon aan de Kastanjestraat 8", [("Kastanjestraat", "Kastanjestraat")]),
        ("verhuisd naar Meidoornlaan 14", [("Meidoornlaan", "Meidoornlaan")]),
        ("op de reigerkade staat een auto", [("reigerkade", "reigerkade")]),
        ("Bremweg is afgesloten", [("Bremweg", "Bremweg")]),
        ("Jan van Galenstraat", [("Jan van Galenstraat", "Jan van Galenstraat")]),
        ("bij station Heuvelrand uitstappen", [("station Heuvelrand", "station Heuvelrand")]),
        ("metro Graanmarkt", [("metro Graanmarkt", "metro Graanmarkt")]),
        ("3099 ZK is mijn postcode", [("3099 ZK", "3099 ZK")]),
        ("adres 3098AB", [("3098AB", "3098AB")]),
        ("chillen bij de Jumbo", [("Jumbo", "Jumbo")]),
        ("we gaan naar 3075 vanavond", [("3075", "3075")]),
        ("3075 gang tegen de rest", [("3075", "3075")]),
    ],
)
def test_pattern_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert places(text, gazetteer=None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ik ben onderweg naar huis",
        "op straat is het koud",
        "ik ben weg",
        "bij de supermarkt",
        "in 2026 wordt alles beter",
        "rijd 1000 km",
        "ik ben op de terugweg",
        "fietspad is glad",
    ],
)
def test_not_a_pattern_place(text: str) -> None:
    assert places(text, gazetteer=None) == []


def test_gazetteer_beats_pattern_for_the_same_words() -> None:
    gazetteer = Gazetteer([Place("Havenkade Voorbeeldstad", ("Havenkade",), "kade", "Noord")])
    assert places("Havenkade vissen", gazetteer) == [("Havenkade", "Havenkade Voorbeeldstad")]


def test_explanation_names_kind_and_area() -> None:
    (span,) = analyse("bij Noorderhaven", posted_at=POSTED, gazetteer=GAZETTEER).by_kind("place")
    assert "wijk" in span.explanation and "Noord" in span.explanation


def test_from_csv_reads_aliases(tmp_path: Path) -> None:
    path = tmp_path / "voorbeeldstad.csv"
    path.write_text(
        "name,aliases,kind,area\nMolenkamp,Molenkampwijk|Mollenkamp,wijk,Noord\n"
        "Lindehof,,wijk,Oost\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.from_csv(path)
    assert gazetteer.places == [
        Place("Molenkamp", ("Molenkampwijk", "Mollenkamp"), "wijk", "Noord"),
        Place("Lindehof", (), "wijk", "Oost"),
    ]
    assert places("Mollenkamp is mijn hood", gazetteer) == [("Mollenkamp", "Molenkamp")]


def test_from_csv_accepts_bytes_and_bom() -> None:
    data = "\ufeffname,aliases,kind,area\nLindehof,Linde,wijk,Oost\n".encode()
    assert len(Gazetteer.from_csv(io.BytesIO(data))) == 1


def test_from_csv_lists_every_bad_row_and_loads_nothing() -> None:
    data = io.StringIO(
        "name,aliases,kind,area\n"
        "Lindehof,,wijk,Oost\n"
        ",alias,wijk,Oost\n"  # row 3: no name
        "Molenkamp,,,Noord\n"  # row 4: no kind
        "Lindehof,,wijk,Oost\n"  # row 5: duplicate
        "Vlasplein,a||b,plein\n"  # row 6: three columns
        "Kreek,a||b,wijk,Oost\n"  # row 7: empty alias
    )
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.from_csv(data)
    rows = [row for row, _message in caught.value.errors]
    assert rows == [3, 4, 5, 6, 7]
    assert "Rij 3: De naam ontbreekt." in str(caught.value)
    assert "rij 2" in dict(caught.value.errors)[5]


def test_from_csv_rejects_a_wrong_header() -> None:
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.from_csv(io.StringIO("naam,alias\nLindehof,\n"))
    assert caught.value.errors[0][0] == 1
    assert isinstance(caught.value, ValueError)


def test_large_gazetteer_stays_fast() -> None:
    # 5,000 invented names: fuzzy matching must use the index, not compare with every place.
    many = Gazetteer([Place(f"Voorbeeldwijk{n:04d}", (), "wijk", "Noord") for n in range(5000)])
    text = "iemand bij Voorbeeldwijk0042 gezien of bij Voorbeeldwjk0043? " * 4
    assert places(text, many)[0] == ("Voorbeeldwijk0042", "Voorbeeldwijk0042")
    assert ("Voorbeeldwjk0043", "Voorbeeldwijk0043") in places(text, many)
