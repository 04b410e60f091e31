"""Permission matrix: the owner sees everything, a summary partner only summaries, others nothing
(pages, API, dashboard, notifications)."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.urls import reverse

from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db
SECRET = "Geheime inhoud van een testsignaal"


@pytest.fixture
def world(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    school = make_member(PartnerType.EDUCATION)  # default covenant: summaries only
    housing = make_member(PartnerType.HOUSING)  # default covenant: nothing
    fg = make_member(PartnerType.MUNICIPALITY, role=Role.PRIVACY_OFFICER)
    signal = signal_factory(youth, days_ago=0.5)
    situation = situation_factory(
        youth, signal, title="Spanning Noord", description="Omschrijving alleen voor eigenaar"
    )
    return {
        "youth": youth,
        "school": school,
        "housing": housing,
        "fg": fg,
        "signal": signal,
        "situation": situation,
    }


def test_situation_page_full_for_the_owner(world, client_for):
    # when the owner opens the situation
    page = client_for(world["youth"]).get(world["situation"].get_absolute_url())
    # then the full reason (with the source type) and the signal's content are shown
    body = page.content.decode()
    assert page.status_code == 200
    assert "brontype open online bron" in body
    assert SECRET in body
    assert "Omschrijving alleen voor eigenaar" in body


def test_situation_page_summary_for_a_summary_partner(world, client_for):
    # when a school (summary access) opens it
    page = client_for(world["school"]).get(world["situation"].get_absolute_url())
    body = page.content.decode()
    # then every contribution is listed with its number, but only as the covenant's summary
    assert page.status_code == 200
    assert "brontype" not in body
    assert SECRET not in body
    assert "Omschrijving alleen voor eigenaar" not in body
    assert "als samenvatting" in body
    assert "(samenvatting)" in body
    amount = world["situation"].explanation["contributions"][0]["amount"]
    assert f"{amount:.2f}".replace(".", ",") in body


@pytest.mark.parametrize("who", ["housing", "fg"])
def test_situation_hidden_without_access(world, client_for, who):
    page = client_for(world[who]).get(world["situation"].get_absolute_url())
    assert page.status_code == 404


def test_api_explanation_at_access_level(world, client_for):
    url = reverse("api:situation-detail", args=[world["situation"].pk])
    full = client_for(world["youth"]).get(url).json()
    summary = client_for(world["school"]).get(url).json()
    assert "brontype" in full["contributions"][0]["text"]
    assert full["contributions"][0]["access"] == "full"
    assert "brontype" not in summary["contributions"][0]["text"]
    assert summary["contributions"][0]["access"] == "summary"
    assert summary["description"] == ""
    assert client_for(world["housing"]).get(url).status_code == 404


def test_dashboard_at_access_level(world, client_for):
    url = reverse("assessment:dashboard")
    owner = client_for(world["youth"]).get(url).content.decode()
    school = client_for(world["school"]).get(url).content.decode()
    housing = client_for(world["housing"]).get(url).content.decode()
    assert SECRET in owner
    assert SECRET not in school and "(samenvatting)" in school
    assert world["situation"].get_absolute_url() not in housing


def test_dashboard_remembers_the_last_visit(world, client_for):
    client = client_for(world["youth"])
    client.get(reverse("assessment:dashboard"))
    second = client.get(reverse("assessment:dashboard")).content.decode()
    assert "sinds uw vorige bezoek" in second
    assert SECRET not in second.split("sinds uw vorige bezoek")[1]


def test_fairness_only_for_director_and_fg(world, make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    url = reverse("assessment:fairness")
    assert client_for(director).get(url).status_code == 200
    assert client_for(world["fg"]).get(url).status_code == 200
    assert client_for(world["youth"]).get(url).status_code == 403


def test_rise_notifies_only_followers_with_access(world, django_capture_on_commit_callbacks):
    from lont.notifications.models import Notification

    situation = world["situation"]
    situation.followers.add(world["school"].user, world["housing"].user)
    second = signal_factory(world["youth"], days_ago=0.1, weights=("strong", "fairly_strong"))
    with django_capture_on_commit_callbacks(execute=True):
        situation.signals.add(second)
    notified = set(Notification.objects.values_list("user_id", flat=True))
    assert world["school"].user.pk in notified
    assert world["housing"].user.pk not in notified


def test_situation_page_logs_the_signals_it_shows(world, client_for):
    from lont.audit.models import AccessLogEntry

    client_for(world["school"]).get(world["situation"].get_absolute_url())
    logged = set(AccessLogEntry.objects.values_list("object_type", "object_id"))
    assert ("signalregister.signal", str(world["signal"].pk)) in logged
    assert ("assessment.situation", str(world["situation"].pk)) in logged
