"""A3: the director starts an evaluation; partners answer the three questions; lessons become
work with the link kept (an action, a covenant version, engine parameters, an indicator)."""

from __future__ import annotations

import datetime as dt

import pytest
from assessment_app.assessment_factories import indicator
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lont.aftercare import services
from lont.aftercare.models import Evaluation, Lesson
from lont.assessment.models import Action
from lont.core.reauth import SESSION_REAUTH_KEY
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db

ANSWER = {"went_well": "Snel geschakeld", "went_badly": "Laat gedeeld", "improve": "Avonddienst"}


@pytest.fixture
def people(make_member):
    return {
        "director": make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR),
        "youth": make_member(PartnerType.YOUTH_WORK),
        "police": make_member(PartnerType.POLICE),
    }


def _evaluation(people):
    return services.evaluation_start(viewer=Viewer(people["director"]), title="Evaluatie Noord")


def test_only_the_director_starts_an_evaluation(people):
    with pytest.raises(PermissionDenied):
        services.evaluation_start(viewer=Viewer(people["youth"]), title="Zelf")
    assert _evaluation(people).started_by == people["director"].user


def test_partners_answer_and_the_director_merges(people, client_for):
    evaluation = _evaluation(people)
    for who in ("youth", "police"):
        page = client_for(people[who]).post(
            reverse("aftercare:answer", args=[evaluation.pk]), ANSWER
        )
        assert page.status_code == 302
    # answering again updates the organisation's one answer
    services.answer_save(viewer=Viewer(people["youth"]), evaluation=evaluation, data=ANSWER)
    assert evaluation.answers.for_viewer(Viewer(people["director"])).count() == 2
    services.evaluation_merge(viewer=Viewer(people["director"]), evaluation=evaluation)
    evaluation.refresh_from_db()
    assert evaluation.status == "merged"
    assert "Wat is goed gegaan?" in evaluation.merged
    assert people["police"].organisation.name in evaluation.merged


def test_missing_question_keeps_the_form(people, client_for):
    evaluation = _evaluation(people)
    page = client_for(people["youth"]).post(
        reverse("aftercare:answer", args=[evaluation.pk]), {"went_well": "Goed overleg"}
    )
    assert page.status_code == 400 and "Goed overleg" in page.content.decode()
    assert not evaluation.answers.for_viewer(Viewer(people["youth"])).exists()


def test_covenant_lesson_becomes_a_version_that_names_the_evaluation(people, client_for):
    director = people["director"]
    evaluation = _evaluation(people)
    before = director.network.active_covenant().number
    lesson = services.lesson_add(
        viewer=Viewer(director),
        evaluation=evaluation,
        data={"text": "Oproepen kwamen te laat", "kind": "covenant", "proposal": "Avonddienst"},
    )
    client = client_for(director)
    url = reverse("aftercare:lesson_adopt", args=[lesson.pk])
    assert client.get(url).status_code == 302  # re-authentication first
    session = client.session
    session[SESSION_REAUTH_KEY] = __import__("time").time()
    session.save()
    assert client.post(url, {}).status_code == 302
    lesson.refresh_from_db()
    version = director.network.active_covenant()
    assert version.number == before + 1 and lesson.covenant_version == version
    assert (
        "Les uit de evaluatie van " in version.reason
        and "Oproepen kwamen te laat" in version.reason
    )
    assert "Avonddienst" in version.working_method["agreements"]
    # the version answers "which evaluation led to this?"
    assert (
        Lesson.objects.for_viewer(Viewer(director)).get(covenant_version=version).evaluation
        == evaluation
    )
    origin = client.get(reverse("aftercare:covenant_origin")).content.decode()
    assert "Evaluatie Noord" in origin


def test_action_lesson_lands_on_the_actions_board(people, client_for):
    director, youth = people["director"], people["youth"]
    lesson = services.lesson_add(
        viewer=Viewer(director),
        evaluation=_evaluation(people),
        data={"text": "Samen de volgorde oefenen", "kind": "action"},
    )
    services.lesson_adopt(
        viewer=Viewer(director),
        lesson=lesson,
        data={
            "organisation": youth.organisation,
            "owner": youth.user,
            "due_date": dt.date(2030, 1, 1),
        },
    )
    lesson.refresh_from_db()
    action = Action.objects.for_viewer(Viewer(youth)).get(pk=lesson.action_id)
    assert action.item is None and action.description == "Samen de volgorde oefenen"
    assert (
        "Samen de volgorde oefenen"
        in client_for(youth).get(reverse("assessment:actions")).content.decode()
    )


def test_engine_and_indicator_lessons_keep_their_link(people):
    director = people["director"]
    viewer = Viewer(director)
    evaluation = _evaluation(people)
    from lont.assessment.selectors import parameter_versions

    engine = services.lesson_add(
        viewer=viewer, evaluation=evaluation, data={"text": "x", "kind": "engine", "proposal": "y"}
    )
    current = parameter_versions(viewer)
    data = current[0].data if current else {}
    services.lesson_adopt(viewer=viewer, lesson=engine, data={"parameters": data})
    engine.refresh_from_db()
    assert engine.parameters is not None
    assert "Les uit de evaluatie van " in engine.parameters.reason
    ind = indicator(director.network, "weak")
    lesson = services.lesson_add(
        viewer=viewer,
        evaluation=evaluation,
        data={"text": "z", "kind": "indicator", "proposal": "w"},
    )
    services.lesson_adopt(
        viewer=viewer, lesson=lesson, data={"indicator": ind, "weight_class": "strong"}
    )
    ind.refresh_from_db()
    assert ind.weight_class == "strong"
    assert Lesson.objects.for_viewer(viewer).get(pk=lesson.pk).indicator == ind


def test_non_director_cannot_adopt(people):
    lesson = services.lesson_add(
        viewer=Viewer(people["director"]),
        evaluation=_evaluation(people),
        data={"text": "a", "kind": "covenant", "proposal": "b"},
    )
    with pytest.raises(PermissionDenied):
        services.lesson_adopt(viewer=Viewer(people["youth"]), lesson=lesson)
    assert Evaluation.objects.for_viewer(Viewer(people["youth"])).exists()
