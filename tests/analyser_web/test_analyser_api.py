"""Given the API, when a member analyses a text, checks a draft or manages places and lexicon
entries, then the same permissions and network boundaries hold as on the pages."""

from __future__ import annotations

import pytest
import yaml
from django.core.management import call_command

from lont.analyser.web.models import GazetteerPlace, LexiconEntry
from lont.audit.models import AccessLogEntry, ChangeLogEntry

pytestmark = pytest.mark.django_db

API = "/api/v1/analyse/"


def test_analyse_returns_spans_and_suggestions(professional, client_for, network, place_in):
    place_in(network, "Kreekpoort", kind="school")
    client = client_for(professional)
    changes, reads = ChangeLogEntry.objects.count(), AccessLogEntry.objects.count()

    response = client.post(
        API,
        {
            "text": "Pull up zaterdag om 21:00 bij de Kreekpoort",
            "posted_at": "2026-03-14T16:20:00+01:00",
            "platform": "tiktok",
            "engagement": {"views": 50000, "reposts": 300},
        },
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    data = response.json()
    kinds = {s["kind"] for s in data["spans"]}
    assert {"time", "place", "call_to_action"} <= kinds
    time = next(s for s in data["spans"] if s["kind"] == "time")
    assert time["value"] == "2026-03-14T21:00" and time["text"] == "zaterdag om 21:00"
    codes = {s["code"] for s in data["suggestions"]}
    assert {"online.time_place", "online.engagement"} <= codes
    assert ChangeLogEntry.objects.count() == changes  # not stored
    assert AccessLogEntry.objects.count() == reads  # not logged


def test_analyse_returns_periods_with_grain_and_recurrence(professional, client_for):
    response = client_for(professional).post(
        API,
        {"text": "deze week, elke vrijdag om 20:00", "posted_at": "2026-03-11T16:20:00+01:00"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    times = [s for s in response.json()["spans"] if s["kind"] == "time"]
    assert [(s["value"], s["grain"], s["recurrence"]) for s in times] == [
        ("2026-03-09T00:00/2026-03-15T23:59", "week", ""),
        ("2026-03-13T20:00", "minute", "FREQ=WEEKLY;BYDAY=FR"),
    ]


def test_analyse_resolves_a_shared_place_name_by_the_given_area(
    professional, client_for, network, place_in
):
    place_in(network, "Kooi Noorderhaven", aliases=["de kooi"], kind="sportveld", area="Noord")
    place_in(network, "Kooi Kreekwijk", aliases=["de kooi"], kind="sportveld", area="Oost")
    client = client_for(professional)

    def places(**extra):
        response = client.post(
            API, {"text": "pull up bij de kooi", **extra}, content_type="application/json"
        )
        assert response.status_code == 200, response.content
        return [s for s in response.json()["spans"] if s["kind"] == "place"]

    [chosen] = places(area="Oost")
    assert chosen["value"] == "Kooi Kreekwijk" and not chosen["ambiguous"]
    assert chosen["alternatives"] == ["Kooi Noorderhaven"]
    [unsure] = places()  # no area: ambiguous, both offered
    assert unsure["ambiguous"]
    assert {unsure["value"], *unsure["alternatives"]} == {"Kooi Noorderhaven", "Kooi Kreekwijk"}


def test_analyse_refuses_too_long_text(professional, client_for):
    response = client_for(professional).post(
        API, {"text": "x" * 5001}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "text" in response.json()


def test_check_warns_on_repeated_place(professional, client_for, network, place_in):
    place_in(network, "Kreekpoort", kind="school")
    response = client_for(professional).post(
        API + "check/",
        {"draft": "Kom niet naar de Kreekpoort", "context_texts": ["pull up bij de Kreekpoort"]},
        content_type="application/json",
    )
    assert response.status_code == 200
    warnings = response.json()["warnings"]
    assert [w["code"] for w in warnings] == ["repeats_place"]
    assert warnings[0]["fragment"] == "Kreekpoort"


def test_anonymous_is_refused(client):
    assert client.post(API, {"text": "x"}).status_code in (401, 403)


def test_place_crud_for_a_manager(director, client_for, network):
    client = client_for(director)
    created = client.post(
        API + "places/",
        {"name": "Marktplein", "aliases": ["de markt"], "kind": "plein", "area": "Centrum"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert GazetteerPlace.objects.get(pk=pk).network == network

    duplicate = client.post(
        API + "places/", {"name": "MARKTPLEIN", "kind": "plein"}, content_type="application/json"
    )
    assert duplicate.status_code == 400

    patched = client.patch(f"{API}places/{pk}/", {"area": "Noord"}, content_type="application/json")
    assert patched.status_code == 200 and patched.json()["area"] == "Noord"
    assert GazetteerPlace.objects.get(pk=pk).aliases == ["de markt"]

    assert client.get(API + "places/").json()["count"] == 1
    assert client.delete(f"{API}places/{pk}/").status_code == 204
    assert not GazetteerPlace.objects.exists()


def test_professional_reads_but_cannot_write(professional, client_for, network, place_in):
    place = place_in(network, "Marktplein")
    client = client_for(professional)
    assert client.get(f"{API}places/{place.pk}/").status_code == 200
    refused = client.post(
        API + "places/", {"name": "Nieuw", "kind": "plein"}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert client.delete(f"{API}places/{place.pk}/").status_code == 403
    assert GazetteerPlace.objects.count() == 1


def test_other_network_is_404(director, client_for, other_network, place_in, entry_in):
    theirs = place_in(other_network, "Geheim Plein")
    their_entry = entry_in(other_network, "hun woord")
    client = client_for(director)
    assert client.get(f"{API}places/{theirs.pk}/").status_code == 404
    assert client.delete(f"{API}places/{theirs.pk}/").status_code == 404
    assert client.get(f"{API}lexicon/{their_entry.pk}/").status_code == 404
    assert client.get(API + "places/").json()["count"] == 0
    assert GazetteerPlace.objects.filter(pk=theirs.pk).exists()


def test_lexicon_crud(coordinator, client_for, network):
    client = client_for(coordinator)
    created = client.post(
        API + "lexicon/",
        {"kind": "call_to_action", "phrase": "kom naar de kooi", "note": "demo"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    bad = client.post(
        API + "lexicon/", {"kind": "onzin", "phrase": "x"}, content_type="application/json"
    )
    assert bad.status_code == 400
    put = client.put(
        f"{API}lexicon/{pk}/",
        {"kind": "threat", "phrase": "kom naar de kooi", "note": ""},
        content_type="application/json",
    )
    assert put.status_code == 200
    assert LexiconEntry.objects.get(pk=pk).kind == "threat"


def test_schema_documents_the_endpoints(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(out), "--validate")
    schema = yaml.safe_load(out.read_text())
    paths = schema["paths"]
    assert "/api/v1/analyse/" in paths and "post" in paths["/api/v1/analyse/"]
    assert "/api/v1/analyse/check/" in paths
    assert "/api/v1/analyse/places/{id}/" in paths
    assert "/api/v1/analyse/lexicon/" in paths
    request = paths["/api/v1/analyse/"]["post"]["requestBody"]["content"]["application/json"]
    assert request["schema"]["$ref"].endswith("AnalyseRequestRequest")
