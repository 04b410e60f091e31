"""Pages of the vision and of online presence: warnings, refusals, what was typed is kept."""

from __future__ import annotations

import pytest

from lont.networks.choices import PartnerType, Role
from lont.peacetime.models import VisionVersion
from lont.presence.models import PositiveActivity

pytestmark = pytest.mark.django_db

VISION = {
    "target_group": "Jongeren uit Noord.",
    "terms": "bende van Noord",
    "goal_focus": "prevention",
    "online_offline": "Online en op straat.",
    "staff_time": "Twee uur per week.",
}


def test_a_vision_with_a_stigmatising_term_is_saved_with_a_warning(make_member, client_for):
    client = client_for(make_member(PartnerType.EDUCATION))
    response = client.post("/vredestijd/visie/nieuw/", VISION, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "&#x27;bende&#x27; kan de groep stigmatiseren" in text
    assert VisionVersion.objects.get().terms == ["bende van Noord"]


def test_a_vision_without_answers_keeps_what_was_typed(make_member, client_for):
    client = client_for(make_member(PartnerType.EDUCATION))
    response = client.post("/vredestijd/visie/nieuw/", {**VISION, "staff_time": ""})
    assert response.status_code == 400
    assert "Jongeren uit Noord." in response.content.decode()
    assert not VisionVersion.objects.exists()


def test_only_the_director_drafts_or_approves_the_network_vision(make_member, client_for):
    professional = client_for(make_member(PartnerType.YOUTH_WORK))
    assert professional.get("/vredestijd/visie/netwerk/nieuw/").status_code == 403
    director = client_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    director.post("/vredestijd/visie/netwerk/nieuw/", VISION)
    version = VisionVersion.objects.get(organisation=None)
    url = f"/vredestijd/visie/{version.pk}/vaststellen/"
    assert professional.post(url, {"reason": "ok"}).status_code == 403
    assert director.post(url, {"reason": ""}).status_code == 400
    assert director.post(url, {"reason": "Netwerkoverleg"}).status_code == 302
    version.refresh_from_db()
    assert version.status == "approved"


def test_an_online_plan_on_a_loaded_topic_warns_and_keeps_the_form(make_member, client_for):
    client = client_for(make_member(PartnerType.YOUTH_WORK))
    data = {
        "title": "Gesprek na de uitspraak",
        "kind": "meeting",
        "planned_on": "2026-05-01",
        "channel": "online",
        "topic": "Slecht nieuws bespreken",
    }
    response = client.post("/online-aanwezigheid/activiteiten/nieuw/", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "fysieke bijeenkomst op een vertrouwde plek" in text
    assert "Gesprek na de uitspraak" in text
    assert not PositiveActivity.objects.exists()
    response = client.post(
        "/online-aanwezigheid/activiteiten/nieuw/", {**data, "confirm_online": "on"}
    )
    assert response.status_code == 302
    assert PositiveActivity.objects.count() == 1
