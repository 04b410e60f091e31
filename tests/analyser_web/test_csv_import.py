"""Given a CSV file of places or lexicon entries, when a manager imports it, then either every row
is imported or, with any bad row, nothing is — and each problem is reported with its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lont.analyser.web import csv_io
from lont.analyser.web.models import GazetteerPlace, LexiconEntry

pytestmark = pytest.mark.django_db

GOOD = (
    "name,aliases,kind,area\n"
    "Marktplein,de markt|Mplein,plein,Centrum\n"
    "Kreekpoort,de poort,school,Oost\n"
)
DEMO_CSV = Path(__file__).resolve().parents[1] / "data" / "analyser" / "voorbeeldstad_gazetteer.csv"


def upload(content: bytes | str, name: str = "plaatsen.csv", content_type: str = "text/csv"):
    raw = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, raw, content_type=content_type)


@pytest.fixture
def manager(director, client_for):
    return client_for(director)


def test_import_with_bom_creates_places(manager, network):
    response = manager.post(
        reverse("analyser:places_import"), {"file": upload("\ufeff" + GOOD)}, follow=True
    )
    assert "Import geslaagd: 2 nieuw" in response.content.decode()
    place = GazetteerPlace.objects.get(network=network, name="Marktplein")
    assert place.aliases == ["de markt", "Mplein"]


def test_reimport_updates_by_name_and_leaves_the_rest(manager, network, place_in):
    place_in(network, "Marktplein", aliases=["oud"], kind="plein", area="Centrum")
    response = manager.post(reverse("analyser:places_import"), {"file": upload(GOOD)}, follow=True)
    assert "1 nieuw, 1 bijgewerkt" in response.content.decode()
    assert GazetteerPlace.objects.get(name="Marktplein").aliases == ["de markt", "Mplein"]


def test_bad_rows_are_each_reported_and_nothing_is_imported(manager, network):
    bad = (
        "name,aliases,kind,area\n"
        "Marktplein,de markt,plein,Centrum\n"
        ",zonder naam,plein,Centrum\n"
        "Vulkaanplein,,vulkaan,Noord\n"
        "marktplein,dubbel,plein,Centrum\n"
        "Te weinig,kolommen\n"
    )
    response = manager.post(reverse("analyser:places_import"), {"file": upload(bad)})

    html = response.content.decode()
    assert "Er is niets geïmporteerd: 4 fouten" in html
    assert "Rij 3: de naam ontbreekt." in html
    assert "Rij 4: onbekende soort &#x27;vulkaan&#x27;" in html
    assert "Rij 5: de naam &#x27;marktplein&#x27; staat ook al in rij 2." in html
    assert "Rij 6: verwacht 4 kolommen" in html
    assert not GazetteerPlace.objects.filter(network=network).exists()


def test_wrong_header_is_reported(manager):
    response = manager.post(
        reverse("analyser:places_import"), {"file": upload("naam,soort\nX,plein\n")}
    )
    assert "Rij 1: de kopregel moet precies" in response.content.decode()
    assert not GazetteerPlace.objects.exists()


def test_wrong_type_is_refused(manager):
    response = manager.post(
        reverse("analyser:places_import"),
        {"file": upload(GOOD, name="plaatsen.xlsx", content_type="application/vnd.ms-excel")},
    )
    assert "Kies een CSV-bestand (.csv)." in response.content.decode()
    assert not GazetteerPlace.objects.exists()


def test_oversize_file_is_refused(manager):
    big = GOOD + ("# opvulling\n" * 100_000)
    response = manager.post(reverse("analyser:places_import"), {"file": upload(big)})
    assert "Het bestand is groter dan 1 MB." in response.content.decode()
    assert not GazetteerPlace.objects.exists()


def test_non_utf8_file_is_refused(manager):
    latin1 = "name,aliases,kind,area\nCafé Plein,,plein,Centrum\n".encode("latin-1")
    response = manager.post(reverse("analyser:places_import"), {"file": upload(latin1)})
    assert "Het bestand is geen UTF-8-tekst" in response.content.decode()
    assert not GazetteerPlace.objects.exists()


def test_empty_file_is_refused(manager):
    response = manager.post(
        reverse("analyser:places_import"), {"file": upload("name,aliases,kind,area\n")}
    )
    assert "geen rijen" in response.content.decode()


def test_the_fictional_voorbeeldstad_gazetteer_imports_whole(manager, network):
    response = manager.post(
        reverse("analyser:places_import"), {"file": upload(DEMO_CSV.read_bytes())}, follow=True
    )
    assert "Import geslaagd" in response.content.decode()
    assert GazetteerPlace.objects.filter(network=network).count() == 42


def test_export_round_trips(manager, network, place_in):
    place_in(network, "Marktplein", aliases=["de markt", "Mplein"], kind="plein", area="Centrum")
    response = manager.get(reverse("analyser:places_export"))
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert text.splitlines()[0] == "name,aliases,kind,area"
    parsed = csv_io.parse_gazetteer(text)
    assert parsed.errors == [] and parsed.rows[0].aliases == ("de markt", "Mplein")


def test_lexicon_import_and_bad_row(manager, network):
    good = "kind,phrase,note\ncall_to_action,kom naar het plein,oproep\ndrill_slang,blok zeven,\n"
    response = manager.post(
        reverse("analyser:lexicon_import"), {"file": upload(good, "woorden.csv")}, follow=True
    )
    assert "2 nieuw" in response.content.decode()
    assert LexiconEntry.objects.filter(network=network).count() == 2

    bad = "kind,phrase,note\ncall_to_action,nieuw woord,\nsoort_x,iets,\nthreat,,\n"
    response = manager.post(reverse("analyser:lexicon_import"), {"file": upload(bad, "w.csv")})
    html = response.content.decode()
    assert "Rij 3: onbekende soort" in html and "Rij 4: de uitdrukking ontbreekt." in html
    assert LexiconEntry.objects.filter(network=network).count() == 2


def test_a_clash_found_only_by_the_database_rolls_back_everything(network, monkeypatch):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError

    from lont.analyser.web import services

    calls = {"n": 0}
    real_save = GazetteerPlace.save

    def save_then_clash(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise IntegrityError("duplicate key")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(GazetteerPlace, "save", save_then_clash)
    rows = csv_io.parse_gazetteer(GOOD).rows

    with pytest.raises(ValidationError, match="er is niets geïmporteerd"):
        services.gazetteer_rows_apply(network=network, rows=rows)
    assert not GazetteerPlace.objects.exists()
