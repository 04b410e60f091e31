"""Given a member writing the network's message, when the draft repeats the time or place of the
planned confrontation, then the live check warns with the offending fragment."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lont.audit.models import ChangeLogEntry

pytestmark = pytest.mark.django_db

CONTEXT = "Pull up zaterdag om 21:00 bij de Kreekpoort, wie durft"


@pytest.fixture
def writer(professional, client_for, network, place_in):
    place_in(network, "Kreekpoort", aliases=["de poort"], kind="school", area="Oost")
    return client_for(professional)


def test_page_renders_with_live_check_attributes(writer):
    html = writer.get(reverse("analyser:message")).content.decode()
    assert 'hx-trigger="input changed delay:400ms from:#id_draft' in html
    assert 'hx-post="/analyse/bericht/controle/"' in html
    assert 'type="submit"' in html  # works without JavaScript too


def test_live_check_warns_on_repeated_time_and_place(writer):
    draft = "Zaterdag 21:00 is er niets bij de Kreekpoort, blijf thuis."
    response = writer.post(
        reverse("analyser:message_check"),
        {"draft": draft, "context": CONTEXT},
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert "<html" not in html
    assert "Herhaalt het tijdstip" in html and "Herhaalt de plaats" in html
    assert "Zaterdag 21:00" in html and "Kreekpoort" in html


def test_without_javascript_the_full_page_shows_the_warnings(writer):
    response = writer.post(
        reverse("analyser:message"),
        {"draft": "We zien je niet bij de Kreekpoort.", "context": CONTEXT},
    )
    html = response.content.decode()
    assert "<html" in html and "Herhaalt de plaats" in html
    assert "We zien je niet bij de Kreekpoort." in html  # the draft is kept


def test_a_clean_draft_gets_no_warnings(writer):
    response = writer.post(
        reverse("analyser:message_check"),
        {"draft": "Praat erover met iemand die je vertrouwt.", "context": CONTEXT},
        HTTP_HX_REQUEST="true",
    )
    assert "Geen aandachtspunten" in response.content.decode()


def test_checking_stores_nothing(writer):
    before = ChangeLogEntry.objects.count()
    writer.post(
        reverse("analyser:message_check"), {"draft": "x bij de Kreekpoort", "context": CONTEXT}
    )
    assert ChangeLogEntry.objects.count() == before


def test_too_long_draft_is_reported_in_the_partial(writer):
    response = writer.post(
        reverse("analyser:message_check"),
        {"draft": "x" * 5001, "context": CONTEXT},
        HTTP_HX_REQUEST="true",
    )
    assert "niet meer dan 5000 tekens" in response.content.decode()
