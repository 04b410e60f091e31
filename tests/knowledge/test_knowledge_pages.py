"""Given the guide in the database, a member browses it by phase, searches it (Dutch stemming),
sees "what the guide says here" on a page, and the director tunes indicator weights."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from lont.audit.models import ChangeLogEntry
from lont.knowledge.models import GuidePoint, Indicator, Recommendation
from lont.knowledge.search import search
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


def test_all_21_recommendations_are_loaded_by_phase(db):
    counts = {
        phase: Recommendation.objects.filter(phase=phase).count()
        for phase in ("peacetime", "crisis", "aftercare")
    }
    assert counts == {"peacetime": 12, "crisis": 5, "aftercare": 4}
    assert GuidePoint.objects.count() > 80


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("credible messengers", "C2"),
        ("drillrap", "V9"),
        ("misinformatie", "N4"),
        ("jubileumdata", "V6"),
        ("signaal", "V5"),  # singular finds "signalen"
    ],
)
def test_search_finds_the_right_recommendation(db, query, expected):
    codes = [hit.recommendation.code for hit in search(query)]
    assert expected in codes[:3], codes


def test_search_by_phase_and_nonsense(db):
    assert all(
        h.recommendation.phase == "crisis" for h in search("netwerkpartners", phase="crisis")
    )
    assert search("qwxzyv") == []


def test_search_page_and_htmx_partial(network, make_member, client_for):
    client = client_for(make_member())
    page = client.get(reverse("knowledge:index"), {"q": "credible messengers"})
    assert "C2" in page.content.decode() and "<html" in page.content.decode()
    partial = client.get(
        reverse("knowledge:index"), {"q": "credible messengers"}, HTTP_HX_REQUEST="true"
    )
    assert "C2" in partial.content.decode() and "<html" not in partial.content.decode()


def test_recommendation_page_shows_points_and_references(network, make_member, client_for):
    page = client_for(make_member()).get(reverse("knowledge:detail", args=["V5"])).content.decode()
    assert "Deel relevante signalen" in page and "Praktijkonderzoek" in page


def test_guide_for_tag_embeds_the_capabilitys_recommendations(db):
    html = Template('{% load guide_tags %}{% guide_for "P6" %}').render(Context({}))
    assert "kalender" in html and "V6" in html


def test_api_search(network, make_member, client_for):
    data = (
        client_for(make_member())
        .get("/api/v1/recommendations/", {"q": "credible messengers"})
        .json()
    )
    assert "C2" in [r["code"] for r in data["results"]]


def test_each_network_gets_the_catalogue(network):
    codes = set(Indicator.objects.filter(network=network).values_list("code", flat=True))
    assert {"online.time_place", "drill.personal_attacks", "nonverbal.23", "provocation.5"} <= codes


def test_director_changes_a_weight_with_a_reason(network, make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    indicator = Indicator.objects.get(network=network, code="online.engagement")
    response = client_for(director).post(
        reverse("knowledge:indicator_edit", args=[indicator.pk]),
        {
            "weight_class": "strong",
            "is_active": "on",
            "reason": "Veel reposts gingen aan vechtpartijen vooraf",
        },
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.weight_class == "strong"
    assert ChangeLogEntry.objects.filter(
        event="indicator.changed", object_id=str(indicator.pk)
    ).exists()


def test_professional_cannot_change_indicators(network, make_member, client_for):
    indicator = Indicator.objects.filter(network=network).first()
    client = client_for(make_member())
    assert (
        client.post(reverse("knowledge:indicator_edit", args=[indicator.pk]), {}).status_code == 403
    )
    response = client.patch(
        f"/api/v1/indicators/{indicator.pk}/",
        {"weight_class": "weak", "reason": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_director_changes_a_weight_through_the_api(network, make_member, client_for):
    indicator = Indicator.objects.get(network=network, code="online.engagement")
    client = client_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    response = client.patch(
        f"/api/v1/indicators/{indicator.pk}/",
        {"weight_class": "weak", "reason": "test"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["weight_class"] == "weak"
