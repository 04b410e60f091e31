"""A2: a staff exposure report is read by the reporter and their own coordinator only; the
stressor inventory is anonymous and shown only over at least five respondents per cell."""

from __future__ import annotations

import datetime as dt

import pytest
from aftercare.aftercare_factories import report_factory
from django.contrib.auth import get_user_model
from django.urls import reverse

from lont.aftercare import selectors, services
from lont.aftercare.guide import STRESSORS
from lont.aftercare.models import ExposureCheckIn, StressorSurvey, StressorTally
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role
from lont.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(make_member):
    return make_member(PartnerType.POLICE)


@pytest.fixture
def world(make_member, police):
    lead = make_member(PartnerType.POLICE, role=Role.COORDINATOR, organisation=police.organisation)
    colleague = make_member(PartnerType.POLICE, organisation=police.organisation)
    own_director = make_member(
        PartnerType.POLICE, role=Role.DIRECTOR, organisation=police.organisation
    )
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    other_lead = make_member(PartnerType.YOUTH_WORK, role=Role.COORDINATOR)
    fg = make_member(PartnerType.MUNICIPALITY, role=Role.PRIVACY_OFFICER)
    report = report_factory(police, description="Ik ben gefilmd bij de kooi")
    return {
        "reporter": police,
        "lead": lead,
        "colleague": colleague,
        "own_director": own_director,
        "director": director,
        "other_lead": other_lead,
        "fg": fg,
        "report": report,
    }


@pytest.mark.parametrize("who", ["reporter", "lead"])
def test_reporter_and_own_lead_read_the_report(world, client_for, who):
    page = client_for(world[who]).get(world["report"].get_absolute_url())
    assert page.status_code == 200
    assert "Ik ben gefilmd bij de kooi" in page.content.decode()


@pytest.mark.parametrize("who", ["director", "own_director", "other_lead", "colleague", "fg"])
def test_nobody_else_opens_the_report(world, client_for, who):
    page = client_for(world[who]).get(world["report"].get_absolute_url())
    assert page.status_code == 403
    assert "Ik ben gefilmd" not in page.content.decode()
    listing = client_for(world[who]).get(reverse("aftercare:staff")).content.decode()
    assert "Ik ben gefilmd" not in listing


def test_lead_is_notified_without_content_and_a_check_in_is_planned(world):
    note = Notification.objects.get(user=world["lead"].user)
    assert "gefilmd" not in note.text
    assert not Notification.objects.filter(user=world["director"].user).exists()
    assert ExposureCheckIn.objects.filter(report=world["report"]).count() == 1


def test_check_in_reminds_reporter_and_lead(world):
    later = dt.date.today() + dt.timedelta(days=30)
    assert services.checkins_remind(today=later) == 1
    users = set(
        Notification.objects.filter(text__contains="nagesprek").values_list("user", flat=True)
    )
    assert users == {world["reporter"].user.pk, world["lead"].user.pk}


def test_lead_records_a_check_in(world, client_for):
    checkin = ExposureCheckIn.objects.get(report=world["report"])
    url = reverse("aftercare:checkin_record", args=[checkin.pk])
    assert client_for(world["director"]).get(url).status_code == 404
    assert (
        client_for(world["lead"])
        .post(url, {"note": "Gaat beter, praat met psycholoog"})
        .status_code
        == 302
    )
    checkin.refresh_from_db()
    assert checkin.done_on is not None


def test_stressor_answers_hold_no_link_to_a_person():
    """On the schema: the tallies have no user foreign key and no time."""
    user_model = get_user_model()
    for field in StressorTally._meta.get_fields():
        assert getattr(field, "related_model", None) is not user_model, field.name
        assert not field.get_internal_type().startswith("Date"), field.name
    assert {f.name for f in StressorTally._meta.concrete_fields} == {
        "id",
        "survey",
        "stressor",
        "score",
        "count",
    }


def _survey(member):
    today = dt.date.today()
    return services.survey_create(
        viewer=Viewer(member),
        data={"title": "Peiling najaar", "opens_on": today, "closes_on": today},
    )


def _answer(member, survey, score=3):
    answers = {code: 0 for code, _label in STRESSORS}
    answers["threat"] = score
    answers["workload"] = 2 if member.pk % 2 else 0
    services.survey_answer(viewer=Viewer(member), survey=survey, answers=answers)


def test_four_respondents_show_nothing_five_show_the_aggregate(make_member, police):
    lead = make_member(PartnerType.POLICE, role=Role.COORDINATOR, organisation=police.organisation)
    survey = _survey(lead)
    members = [make_member(PartnerType.POLICE, organisation=police.organisation) for _ in range(5)]
    for member in members[:4]:
        _answer(member, survey)
    after = dt.date.today() + dt.timedelta(days=1)
    assert selectors.survey_result(survey, after).cells == []
    _answer(members[4], survey)
    cells = {c.code: c for c in selectors.survey_result(survey, after).cells}
    assert cells["threat"].state == "shown" and cells["threat"].burdened == 5
    # "none" (nobody burdened) and "fewer than five" are told apart
    assert cells["emotional"].state == "none"
    assert cells["workload"].state == "fewer" and cells["workload"].burdened is None
    # nothing before the closing date
    assert selectors.survey_result(survey, dt.date.today()).cells == []


def test_answering_twice_is_refused_and_counts_stay(make_member, police):
    from django.core.exceptions import ValidationError

    survey = _survey(make_member(PartnerType.POLICE, role=Role.COORDINATOR))
    _answer(police, survey)
    with pytest.raises(ValidationError):
        _answer(police, survey)
    assert (
        sum(
            StressorTally.objects.filter(survey=survey, stressor="threat").values_list(
                "count", flat=True
            )
        )
        == 1
    )


def test_survey_page_shows_suppression(make_member, police, client_for):
    lead = make_member(PartnerType.POLICE, role=Role.COORDINATOR, organisation=police.organisation)
    survey = _survey(lead)
    for _ in range(5):
        _answer(make_member(PartnerType.POLICE, organisation=police.organisation), survey)
    StressorSurvey.objects.filter(pk=survey.pk).update(
        opens_on=dt.date.today() - dt.timedelta(days=9),
        closes_on=dt.date.today() - dt.timedelta(days=1),
    )
    body = client_for(police).get(survey.get_absolute_url()).content.decode()
    assert "minder dan 5" in body and "geen" in body and "Visualisatie vooraf" in body
