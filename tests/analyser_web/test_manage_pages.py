"""Given a network's gazetteer and lexicon, when directors, coordinators and professionals use the
management pages, then only managers may change them and other networks' rows stay invisible."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lont.analyser.web.models import GazetteerPlace, LexiconEntry
from lont.audit.models import ChangeLogEntry

pytestmark = pytest.mark.django_db

MANAGE_URLS = [
    ("analyser:places", None),
    ("analyser:places_create", None),
    ("analyser:places_import", None),
    ("analyser:places_export", None),
    ("analyser:lexicon", None),
    ("analyser:lexicon_create", None),
    ("analyser:lexicon_import", None),
    ("analyser:lexicon_export", None),
]


@pytest.mark.parametrize(("url_name", "args"), MANAGE_URLS)
def test_professional_cannot_manage(professional, client_for, url_name, args):
    response = client_for(professional).get(reverse(url_name))
    assert response.status_code == 403


@pytest.mark.parametrize(("url_name", "args"), MANAGE_URLS)
def test_coordinator_can_manage(coordinator, client_for, url_name, args):
    assert client_for(coordinator).get(reverse(url_name)).status_code == 200


def test_professional_cannot_post_a_place(professional, client_for):
    response = client_for(professional).post(
        reverse("analyser:places_create"), {"name": "Nieuw", "kind": "plein"}
    )
    assert response.status_code == 403
    assert not GazetteerPlace.objects.exists()


def test_director_creates_edits_and_deletes_a_place(director, client_for, network):
    client = client_for(director)

    response = client.post(
        reverse("analyser:places_create"),
        {
            "name": "Marktplein",
            "aliases": "de markt\nMplein | het plein",
            "kind": "plein",
            "area": "Centrum",
        },
    )
    assert response.status_code == 302
    place = GazetteerPlace.objects.get(network=network)
    assert place.aliases == ["de markt", "Mplein", "het plein"]
    assert ChangeLogEntry.objects.filter(event="analyser.place_created").exists()

    client.post(
        reverse("analyser:places_edit", args=[place.pk]),
        {"name": "Marktplein", "aliases": "de markt", "kind": "plein", "area": "Noord"},
    )
    place.refresh_from_db()
    assert (place.area, place.aliases) == ("Noord", ["de markt"])

    client.post(reverse("analyser:places_delete", args=[place.pk]))
    assert not GazetteerPlace.objects.exists()
    assert ChangeLogEntry.objects.filter(event="analyser.place_deleted").exists()


def test_duplicate_name_gives_a_dutch_error_and_keeps_input(
    director, client_for, network, place_in
):
    place_in(network, "Marktplein")
    response = client_for(director).post(
        reverse("analyser:places_create"),
        {"name": "marktplein", "aliases": "mijn alias", "kind": "plein", "area": ""},
    )
    html = response.content.decode()
    assert response.status_code == 400  # the generic form view: refused input is a 400
    assert "Er staat al een plaats met deze naam" in html
    assert "mijn alias" in html
    assert GazetteerPlace.objects.count() == 1


def test_unknown_kind_is_refused(director, client_for):
    response = client_for(director).post(
        reverse("analyser:places_create"), {"name": "X-plein", "kind": "vulkaan"}
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not GazetteerPlace.objects.exists()


def test_list_searches_names_and_aliases_and_filters_kind(director, client_for, network, place_in):
    place_in(network, "Marktplein", aliases=["de markt"], kind="plein")
    place_in(network, "Zuiderpark", aliases=["ZP"], kind="park")
    client = client_for(director)

    by_alias = client.get(reverse("analyser:places"), {"q": "markt"}).content.decode()
    assert "Marktplein" in by_alias and "Zuiderpark" not in by_alias
    by_kind = client.get(reverse("analyser:places"), {"kind": "park"}).content.decode()
    assert "Zuiderpark" in by_kind and "Marktplein" not in by_kind


def test_other_networks_places_are_invisible_and_404(
    director, client_for, other_network, place_in, entry_in
):
    theirs = place_in(other_network, "Geheim Plein")
    their_entry = entry_in(other_network, "hun woord")
    client = client_for(director)

    assert "Geheim Plein" not in client.get(reverse("analyser:places")).content.decode()
    assert client.get(reverse("analyser:places_edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("analyser:places_delete", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("analyser:lexicon_edit", args=[their_entry.pk])).status_code == 404
    assert GazetteerPlace.objects.filter(pk=theirs.pk).exists()
    assert LexiconEntry.objects.filter(pk=their_entry.pk).exists()


def test_lexicon_entry_create_and_edit(coordinator, client_for, network):
    client = client_for(coordinator)
    client.post(
        reverse("analyser:lexicon_create"),
        {"kind": "drill_slang", "phrase": "blok  zeven", "note": "groepsnaam"},
    )
    entry = LexiconEntry.objects.get(network=network)
    assert entry.phrase == "blok zeven"
    client.post(
        reverse("analyser:lexicon_edit", args=[entry.pk]),
        {"kind": "drill_slang", "phrase": "blok zeven", "note": "andere toelichting"},
    )
    entry.refresh_from_db()
    assert entry.note == "andere toelichting"


@pytest.mark.parametrize("url_name", ["analyser:places", "analyser:lexicon"])
def test_list_query_count_is_constant(
    director, client_for, network, place_in, entry_in, url_name, django_assert_max_num_queries
):
    client = client_for(director)
    for n in range(3):
        place_in(network, f"Plein {n}")
        entry_in(network, f"woord {n}")
    client.get(reverse(url_name))
    for n in range(3, 40):
        place_in(network, f"Plein {n}")
        entry_in(network, f"woord {n}")
    with django_assert_max_num_queries(9):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
