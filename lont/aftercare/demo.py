"""Demo data of aftercare for Voorbeeldstad Noord (all fictional): the rivalry's aftercare plan
half done with care for a tipster and a young person's perspective; two staff exposure reports
(a police officer's and the director's own) with check-ins; support pointers; a closed stressor
inventory; an evaluation whose lesson became the next covenant version and another an action;
the advisory board; a rumour with its reach and a debunk; two prebunks. Idempotent: nothing
happens when the demo evaluation exists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from lont.assessment.models import Situation
from lont.core import context
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.choices import InformationCategory
from lont.networks.models import Membership
from lont.signalregister.models import Signal
from lont.socialmap.choices import ContactKind
from lont.socialmap.models import Contact
from lont.subjects.models import Person

from . import services
from .choices import LessonKind
from .guide import STRESSORS
from .models import AftercarePlan, Evaluation, Lesson, PlanTask

NETWORK = "voorbeeldstad-noord"
RIVALRY_TITLE = "Rivaliteit 3031 Collective – Kreekside"
EVALUATION_TITLE = "Evaluatie rivaliteit 3031 Collective – Kreekside"
DIRECTOR = "regisseur@gemeente.voorbeeldstad.test"
POLICE = "wijkagent@politie.voorbeeldstad.test"
POLICE_LEAD = "coordinator@politie.voorbeeldstad.test"
YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
COACH = "straatcoach@jongerenwerk.voorbeeldstad.test"
CLAIM = (
    "Bij de kooi in Noord is gisteravond een jongen van Kreekside neergestoken door 3031 en de "
    "politie houdt het stil."
)


def _member(email: str) -> Membership | None:
    return (
        Membership.objects.select_related("network", "organisation", "user")
        .filter(user__email=email, network__slug=NETWORK, is_active=True)
        .first()
    )


def load_demo(networks: dict[str, Any]) -> None:
    network = networks.get(NETWORK)
    if network is None:
        return
    members = {e: _member(e) for e in (DIRECTOR, POLICE, POLICE_LEAD, YOUTH, COACH)}
    if any(m is None for m in members.values()):
        return
    with system_context("demo loader"):
        situation = Situation.objects.filter(network=network, title=RIVALRY_TITLE).first()
        if situation is None or Evaluation.objects.filter(network=network).exists():
            return
    director = members[DIRECTOR]
    assert director is not None
    with context.acting(user=director.user, network=network, via="demo"), transaction.atomic():
        _load(network, situation, members)  # type: ignore[arg-type]


def _load(network: Any, situation: Situation, m: dict[str, Membership]) -> None:
    today = timezone.localdate()
    director, police, lead, youth = (Viewer(m[e]) for e in (DIRECTOR, POLICE, POLICE_LEAD, YOUTH))
    plan = _plan(situation, youth, today)
    _staff(director, police, lead, m, today)
    _evaluation(director, police, youth, situation, m, today)
    _rumour(youth, situation, today)
    del plan


def _closed_incident(network: Any) -> Any:
    """The crisis demo's incident that went through *nazorg*, when the crisis app is loaded."""
    from lont.crisis.choices import IncidentState
    from lont.crisis.models import Incident

    with system_context("demo loader: the crisis demo's closed incident"):
        return (
            Incident.objects.filter(
                network=network, state__in=[IncidentState.AFTERCARE, IncidentState.CLOSED]
            )
            .order_by("pk")
            .first()
        )


def _plan(situation: Situation, youth: Viewer, today: dt.date) -> AftercarePlan:
    incident = _closed_incident(situation.network)
    if incident is not None:  # the incident's plan, as the incident room opens it
        plan = services.plan_open_for_incident(
            incident=incident, today=today - dt.timedelta(days=6)
        )
    else:
        plan = services.plan_open(
            viewer=youth, situation=situation, today=today - dt.timedelta(days=6)
        )
    with system_context("demo loader: the plan's seeded tasks"):
        tasks = {t.step: t for t in PlanTask.objects.filter(plan=plan)}
    for step, result in (
        ("dm", "Persoonlijk bericht via Instagram aan vijf betrokken jongeren; drie reageerden."),
        ("perceptions", "Gesprek in de Kreekhal: de jongeren vonden de inzet bij de kooi hard."),
        ("positive", "Benadrukt dat het rustig bleef en dat zij zelf afkoelden."),
    ):
        if tasks.get(step) and tasks[step].organisation_id == youth.organisation.pk:
            services.task_update(viewer=youth, task=tasks[step], status="done", result=result)
    with system_context("demo loader: a tip and a young person of the youth work"):
        tip = (
            Signal.objects.filter(
                network=plan.network,
                organisation=youth.organisation,
                category=InformationCategory.TIP,
            )
            .order_by("pk")
            .first()
        )
        person = (
            Person.objects.filter(
                network=plan.network,
                organisation=youth.organisation,
                category=InformationCategory.GROUP_ANALYSIS,
            )
            .order_by("pk")
            .first()
        )
    if tip is not None:
        services.tipster_care_open(
            viewer=youth,
            plan=plan,
            signal=tip,
            data={
                "feedback_given": True,
                "feedback_note": "Teruggekoppeld dat de tip heeft geholpen.",
                "thanks_via": "Bedankt via de buurtvader (tussenpersoon).",
                "wellbeing_note": "Slaapt slechter sinds het incident; over twee weken weer bellen.",
                "next_check": today + dt.timedelta(days=14),
            },
        )
    if person is not None:
        services.perspective_add(
            viewer=youth,
            plan=plan,
            person=person,
            data={
                "kind": "internship",
                "perspective": "Stage bij een fietsenmaker in Noord; wil daarna de mbo-opleiding.",
                "step_note": "Kennismaking met de stagebegeleider plannen.",
                "due_date": today + dt.timedelta(days=21),
            },
        )
    return plan


def _staff(
    director: Viewer, police: Viewer, lead: Viewer, m: dict[str, Membership], today: dt.date
) -> None:
    report = services.report_create(
        viewer=police,
        data={
            "kind": "doxxing",
            "occurred_on": today - dt.timedelta(days=5),
            "description": "Mijn naam en woonplaats staan in een drillclip-commentaar.",
            "impact": "Ik kijk vaker over mijn schouder als ik naar huis fiets.",
            "support_wanted": "Een gesprek met de bedrijfsarts.",
        },
        today=today - dt.timedelta(days=5),
    )
    services.report_create(
        viewer=director,
        data={
            "kind": "filmed",
            "occurred_on": today - dt.timedelta(days=3),
            "description": "Tijdens de buurtbijeenkomst gefilmd; het filmpje gaat rond met spotternij.",
        },
    )
    with system_context("demo loader: the report's first check-in"):
        checkin = report.checkins.order_by("pk").first()
    if checkin is not None:
        services.checkin_record(
            viewer=lead,
            checkin=checkin,
            note="Rustig gesprek; afspraak met de bedrijfsarts gemaakt.",
            today=today - dt.timedelta(days=1),
        )
    for kind, title, how in (
        ("psychologist", "Bedrijfsarts en psycholoog", "Via uw leidinggevende of de arbodienst."),
        (
            "peer",
            "Intervisie online incidenten",
            "Elke eerste dinsdag, 15.00 uur, in het stadhuis.",
        ),
        ("confidant", "Vertrouwenspersoon", "Bereikbaar via het intranet van uw organisatie."),
    ):
        services.support_create(viewer=director, data={"kind": kind, "title": title, "how": how})
    survey = services.survey_create(
        viewer=director,
        data={
            "title": "Stressoren na de zomer",
            "opens_on": today - dt.timedelta(days=30),
            "closes_on": today - dt.timedelta(days=10),
        },
    )
    with system_context("demo loader: respondents from the demo members"):
        respondents = list(
            Membership.objects.filter(network=director.network, is_active=True)
            .exclude(role__in=["privacy_officer", "administrator"])
            .order_by("pk")[:7]
        )
    for index, member in enumerate(respondents):
        answers = {code: 0 for code, _label in STRESSORS}
        answers.update(threat=3, workload=2, emotional=2 if index % 3 == 0 else 1)
        services.survey_answer(
            viewer=Viewer(member),
            survey=survey,
            answers=answers,
            today=today - dt.timedelta(days=20),
        )


def _evaluation(
    director: Viewer,
    police: Viewer,
    youth: Viewer,
    situation: Situation,
    m: dict[str, Membership],
    today: dt.date,
) -> None:
    incident = _closed_incident(situation.network)
    evaluation = services.evaluation_start(
        viewer=director,
        title=EVALUATION_TITLE,
        situation=situation,
        spot_evaluation=""
        if incident is not None and incident.spot_evaluation
        else "Ter plaatse: snel geschakeld; de oproep werd laat gedeeld met de school.",
        incident=incident,
    )
    for viewer, answers in (
        (
            youth,
            (
                "Vaste jongerenwerkers kenden de groep en konden direct in gesprek.",
                "We hoorden pas 's avonds van de oproep.",
                "Een vaste avondbereikbaarheid bij de regisseur.",
            ),
        ),
        (
            police,
            (
                "De wijkagent was zichtbaar aanwezig zonder te escaleren.",
                "Onze inzet werd door de jongeren als hard ervaren.",
                "Eerst het jongerenwerk laten praten, dan pas optreden.",
            ),
        ),
    ):
        services.answer_save(
            viewer=viewer,
            evaluation=evaluation,
            data=dict(
                zip(("went_well", "went_badly", "improve"), answers, strict=True),
                tasks_and_powers="Taken en bevoegdheden volgens het convenant ingevuld.",
            ),
        )
    services.evaluation_merge(viewer=director, evaluation=evaluation)
    covenant = services.lesson_add(
        viewer=director,
        evaluation=evaluation,
        data={
            "text": "Oproepen in de avond kwamen te laat bij de partners.",
            "kind": LessonKind.COVENANT,
            "proposal": "Eén partner per avond en weekend is bereikbaar en deelt oproepen binnen 30 minuten.",
        },
    )
    services.lesson_adopt(viewer=director, lesson=covenant)
    action = services.lesson_add(
        viewer=director,
        evaluation=evaluation,
        data={
            "text": "Jongerenwerk en politie oefenen de volgorde: eerst praten.",
            "kind": LessonKind.ACTION,
        },
    )
    services.lesson_adopt(
        viewer=director,
        lesson=action,
        data={
            "organisation": m[YOUTH].organisation,
            "owner": m[YOUTH].user,
            "due_date": today + dt.timedelta(days=30),
        },
    )
    services.lesson_add(
        viewer=director,
        evaluation=evaluation,
        data={
            "text": "Het samen live gaan van rivalen woog te licht.",
            "kind": LessonKind.INDICATOR,
            "proposal": "Indicator 'rivalen werken samen' een zwaardere gewichtsklasse geven.",
        },
    )
    with system_context("demo loader: is there a lesson yet"):
        assert Lesson.objects.filter(evaluation=evaluation).count() == 3
    for name, represents in (
        ("Samira El Amrani", "ouders uit Noord"),
        ("Jordy Kwakman", "jongeren (ervaringsdeskundige)"),
        ("Ds. Hanna Verwey", "levensbeschouwelijke gemeenschappen"),
    ):
        services.advisory_add(
            viewer=director, data={"name": name, "represents": represents, "since": today}
        )


def _rumour(youth: Viewer, situation: Situation, today: dt.date) -> None:
    rumour = services.rumour_create(
        viewer=youth,
        data={
            "claim": CLAIM,
            "where": "Snapchat-groepen en TikTok-reacties",
            "situation": situation,
        },
    )
    for days, reach in ((3, 1200), (2, 5400), (1, 3100)):
        services.reach_add(
            viewer=youth,
            rumour=rumour,
            data={"observed_on": today - dt.timedelta(days=days), "reach": reach},
        )
    with system_context("demo loader: a credible messenger from the social map"):
        messenger = (
            Contact.objects.filter(network=rumour.network, kind=ContactKind.CREDIBLE_MESSENGER)
            .order_by("pk")
            .first()
        )
    services.debunk_save(
        viewer=youth,
        rumour=rumour,
        data={
            "facts": "Niemand is gewond. Er was een ruzie. Die is gestopt.",
            "text": (
                "Niemand is gisteravond gewond geraakt bij de kooi. Er was een ruzie, en die "
                "is gestopt voordat iemand iets overkwam. Wat rondgaat over een steekpartij "
                "klopt niet. Vragen? Spreek ons gerust aan in de Kreekhal."
            ),
            "audience": "Jongeren uit Noord en Kreekside en hun ouders",
            "messenger": messenger,
            "status": "ready" if messenger is not None else "draft",
        },
    )
    for title, technique, text in (
        (
            "Een oud filmpje als nieuw",
            "Oude beelden die als nieuw worden gedeeld",
            "Zie je een heftig filmpje? Check eerst of het nieuw is: kijk naar het weer, de "
            "kleding en wie het als eerste plaatste.",
        ),
        (
            "‘De politie houdt het stil’",
            "Het verhaal dat er iets verzwegen wordt",
            "Als iemand zegt dat iets wordt stilgehouden, vraag: hoe weet jij dat dan? Wie heeft "
            "er belang bij dat jij dit gelooft?",
        ),
    ):
        services.prebunk_save(
            viewer=youth,
            data={"title": title, "technique": technique, "text": text, "audience": "jongeren"},
        )
