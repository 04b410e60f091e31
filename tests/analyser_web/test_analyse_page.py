"""Given a member of a network with its own gazetteer, when they analyse a pasted post on the
"Analyseer tekst" page, then the spans and suggested indicators are shown, and nothing of the
text is stored or logged."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lont.audit.models import AccessLogEntry, ChangeLogEntry

pytestmark = pytest.mark.django_db

POST = "Pull up zaterdag om 21:00 bij de Kreekpoort, je moeder. RIP Jay 🕊️"
FORM = {"text": POST, "posted_at": "2026-03-14T16:20", "platform": "tiktok"}


@pytest.fixture
def page(professional, client_for, network, place_in):
    place_in(network, "Kreekpoort", aliases=["de poort"], kind="school", area="Oost")
    return client_for(professional)


def test_get_shows_the_form_and_the_guide(page):
    response = page.get(reverse("analyser:analyse"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="text"' in html and 'name="posted_at"' in html
    assert 'hx-post="/analyse/"' in html
    assert "lont-guide" in html and "(P5)" in html


def test_post_marks_time_place_and_suggests_indicators(page):
    response = page.post(reverse("analyser:analyse"), FORM)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html  # without htmx: the whole page
    assert '<mark class="lont-mark lont-mark--time"' in html
    assert "2026-03-14T21:00" in html  # resolved against the posted-at time
    assert "Kreekpoort" in html
    assert 'aria-describedby="span-' in html and 'id="span-1-uitleg"' in html
    # The suggestion carries the catalogue's label and a link to the guide point.
    assert "Concreet tijdstip en/of locatie voor een confrontatie" in html
    assert reverse("knowledge:detail", args=["V5"]) + "#punt-7" in html
    assert "Verwijzing naar een emotionele voorgeschiedenis" in html


def test_labels_are_visible_not_colour_only(page):
    html = page.post(reverse("analyser:analyse"), FORM).content.decode()
    assert '<sup class="lont-mark__label">' in html
    assert "TIJD" in html and "PLAATS" in html and "OPROEP" in html


def test_htmx_post_returns_only_the_results_partial(page):
    response = page.post(reverse("analyser:analyse"), FORM, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="result-heading"' in html
    assert "lont-mark--time" in html


def test_text_is_not_stored_nor_logged(page):
    changes, reads = ChangeLogEntry.objects.count(), AccessLogEntry.objects.count()
    secret = "Geheimzinnig-woord-7421 pull up om 21:00"

    response = page.post(reverse("analyser:analyse"), {**FORM, "text": secret})

    assert response.status_code == 200
    assert ChangeLogEntry.objects.count() == changes
    assert AccessLogEntry.objects.count() == reads
    assert "no-store" in response["Cache-Control"]
    session = page.session
    assert all("Geheimzinnig" not in str(value) for value in session.values())
    for entry in ChangeLogEntry.objects.all():
        assert "Geheimzinnig" not in f"{entry.before}{entry.after}{entry.object_repr}"


def test_bad_input_gives_a_dutch_error_and_keeps_the_text(page):
    too_long = "a" * 5001
    response = page.post(reverse("analyser:analyse"), {**FORM, "text": too_long, "views": "-3"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Controleer uw invoer" in html
    assert "5000" in html or "5.000" in html
    assert too_long in html  # the form keeps what was typed


def test_empty_text_is_refused_in_the_htmx_partial(page):
    response = page.post(reverse("analyser:analyse"), {**FORM, "text": ""}, HTTP_HX_REQUEST="true")
    assert "Dit veld is vereist" in response.content.decode()


def test_engagement_fields_suggest_pressure_to_act(page):
    response = page.post(
        reverse("analyser:analyse"),
        {**FORM, "text": "kijk dit filmpje", "views": "250000", "reposts": "4000"},
    )
    html = response.content.decode()
    assert "Grote aantallen views, likes en reposts" in html
    assert "ingevulde aantallen" in html


def test_overlapping_spans_of_different_kinds_are_both_labelled(page):
    # "rambo" is both a weapon and drill slang in the built-in lexicon.
    response = page.post(reverse("analyser:analyse"), {**FORM, "text": "hij heeft een rambo"})
    html = response.content.decode()
    assert "lont-mark--overlap" in html
    assert "WAPEN" in html and "DRILL" in html


def test_analysis_query_count_is_constant_as_the_gazetteer_grows(
    page, network, place_in, django_assert_max_num_queries
):
    page.post(reverse("analyser:analyse"), FORM)
    for n in range(60):
        place_in(network, f"Plein nummer {n}")
    # Rebuilding the gazetteer is one query however many places it holds.
    with django_assert_max_num_queries(13):
        response = page.post(reverse("analyser:analyse"), FORM)
    assert response.status_code == 200


def test_posted_at_defaults_to_now_in_amsterdam(page):
    import time_machine

    with time_machine.travel("2026-03-14T15:20:00Z", tick=False):
        html = page.get(reverse("analyser:analyse")).content.decode()
    assert 'value="2026-03-14T16:20"' in html


def test_management_links_only_for_managers(page, coordinator, client_for):
    assert reverse("analyser:places") not in page.get(reverse("analyser:analyse")).content.decode()
    html = client_for(coordinator).get(reverse("analyser:analyse")).content.decode()
    assert reverse("analyser:places") in html and reverse("analyser:lexicon") in html
