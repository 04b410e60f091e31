"""Demo data for Voorbeeldstad Noord (all fictional): one incident at *actief* — a planned
confrontation at the football cage on the Lindelaan, with the checklist, the a–f choices, positions
per partner, messages checked by the analyser, and two posts reported jointly of which one was
removed after 3 h 20 min — and one incident closed 14 months ago (for the risk calendar's
anniversary window). Idempotent: nothing happens when the demo incidents exist."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from lont.core import context
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.choices import Access
from lont.networks.models import Membership
from lont.subjects.models import Group

from . import services
from .choices import IncidentState, LogKind
from .models import Incident, IncidentLogEntry

NETWORK = "voorbeeldstad-noord"
POLICE = "wijkagent@politie.voorbeeldstad.test"
YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
DIRECTOR = "regisseur@gemeente.voorbeeldstad.test"
ACTIVE_TITLE = "Geplande confrontatie bij de kooi aan de Lindelaan"
CLOSED_TITLE = "Vechtpartij na drillclip bij station Noord"
RIVALRY_TITLE = "Rivaliteit 3031 Collective – Kreekside"


def _member(email: str) -> Membership | None:
    return (
        Membership.objects.select_related("network", "organisation", "user")
        .filter(user__email=email, network__slug=NETWORK)
        .first()
    )


def load_demo(networks: dict[str, Any]) -> None:
    network = networks.get(NETWORK)
    if network is None:
        return
    police, youth, director = _member(POLICE), _member(YOUTH), _member(DIRECTOR)
    if police is None or youth is None or director is None:
        return
    with system_context("demo loader"):
        if Incident.objects.filter(network=network, title=ACTIVE_TITLE).exists():
            return
        groups = list(
            Group.objects.filter(network=network, name__in=("3031 Collective", "Kreekside"))
        )
        from lont.assessment.models import Situation

        rivalry = Situation.objects.filter(network=network, title=RIVALRY_TITLE).first()
        with context.acting(user=director.user, network=network, via="demo"), transaction.atomic():
            _active(director, police, youth, groups, rivalry)
            _closed(director, police, groups)


def _active(
    director: Membership, police: Membership, youth: Membership, groups: list[Group], rivalry: Any
) -> Incident:
    boss, agent, worker = Viewer(director), Viewer(police), Viewer(youth)
    now = timezone.now()
    planned = timezone.localtime(now + dt.timedelta(days=2)).replace(
        hour=20, minute=0, second=0, microsecond=0
    )
    data = {
        "title": ACTIVE_TITLE,
        "reason": "Oproep tot een vechtpartij met tijd en plaats, gedeeld in twee groepen.",
        "level": "acuut",
        "occurred_at": planned,
        "location": "de kooi bij de Lindelaan",
        "call_text": f"{planned:%A} {planned:%H:%M} kooi Lindelaan. 3031 vs Kreekside, kom allemaal.",
        "description": "Oproep op TikTok en Instagram; beide groepen tagden elkaar.",
        "groups": groups,
    }
    situation = rivalry if rivalry is not None and rivalry.level in ("hoog", "acuut") else None
    incident = services.incident_open(viewer=boss, data=data, situation=situation)
    services.incident_update(
        viewer=boss,
        incident=incident,
        data={
            "weapons": "onbekend",
            "weapons_note": "Eén post noemt een mes; niet bevestigd.",
            "cause": "ja",
            "cause_note": "Disstrack van vorige week.",
            "people": "ja",
            "people_note": "Kernleden van beide groepen, zie de groepen.",
            "substances": "onbekend",
            "earlier_calls": "ja",
            "earlier_calls_note": "Twee eerdere oproepen dit jaar, beide bij het station.",
            "immediate": "ja",
            "immediate_note": "Extra jongerenwerkers en wijkagenten zaterdagavond.",
            "legal_check": "Gebiedsverbod niet mogelijk; wel aanwezigheid en aanspreken.",
        },
    )
    services.incident_plan(
        viewer=boss,
        incident=incident,
        data={
            "safety_first": True,
            "act": "ingrijpen",
            "act_reason": "Tijd en plaats zijn concreet; niets doen laat de confrontatie gebeuren.",
            "repression": "tolerantie",
            "repression_reason": "Geen massale aanhoudingen; aanspreken en waarschuwen.",
            "target": "gericht",
            "target_reason": "Alleen de bekende kernleden benaderen, geen algemeen optreden.",
            "force": "zacht",
            "force_reason": "Eerst gesprek; politie handhaaft alleen op de plek zelf.",
            "timing": "preventief",
            "timing_reason": "Vooraf bemiddeling aangeboden via het jongerenwerk.",
            "mediation_offered": True,
            "revenge": "verhoogd",
            "revenge_reason": "Na de disstrack ligt wraak voor de hand.",
            "line": "beide",
            "line_reason": "Online berichten en aanwezigheid rondom de kooi.",
        },
    )
    services.incident_transition(
        viewer=boss, incident=incident, to_state=IncidentState.ACTIVE, reason="Oproep bevestigd."
    )
    for member, kind, text in (
        (youth, "rondom", "Twee jongerenwerkers en een credible messenger rondom de kooi."),
        (police, "op", "Wijkagenten op de plek zelf, vanaf 19:30."),
    ):
        task = services.task_add(
            viewer=boss,
            incident=incident,
            data={"organisation": member.organisation, "kind": kind, "description": text},
        )
        if member is police:
            services.task_confirm(viewer=agent, task=task)
    draft = services.message_save(
        viewer=worker,
        incident=incident,
        data={
            "channel": "Instagram jongerenwerk",
            "text": f"Kom {planned:%A} om 20:00 niet naar de kooi.",
        },
    )
    services.message_save(
        viewer=worker,
        incident=incident,
        message=draft,
        data={
            "channel": "Instagram jongerenwerk",
            "text": "Doe niet mee aan de oproep die rondgaat. Wij zijn in de buurt: praat met ons.",
        },
    )
    services.message_mark_ready(viewer=worker, message=draft)
    first = now - dt.timedelta(hours=6)
    removed = services.post_add(
        viewer=worker,
        incident=incident,
        data={
            "url": "https://tiktok.example/@demo/video/1",
            "platform": "tiktok",
            "reported_at": first,
            "preserved_copy": "Oproep (fictief): kom allemaal naar de kooi.",
        },
    )
    services.post_report(viewer=agent, post=removed, reported_at=first + dt.timedelta(minutes=10))
    services.post_outcome(
        viewer=agent,
        post=removed,
        data={
            "outcome": "verwijderd",
            "removed_at": first + dt.timedelta(hours=3, minutes=20),
            "platform_reference": "TT-DEMO-0001",
        },
    )
    services.post_add(
        viewer=agent,
        incident=incident,
        data={"url": "https://instagram.example/p/demo2", "platform": "instagram"},
    )
    _outreach(worker, incident, groups, now)
    _watch(agent, incident, groups)
    return incident


def _watch(agent: Viewer, incident: Incident, groups: list[Group]) -> None:
    """C3 and C4 on the active incident: the leader of 3031 Collective named with his role, and
    a first reading of the conflict stage."""
    from lont.subjects.models import GroupMembership

    leader = (
        GroupMembership.objects.filter(group__in=groups, role="leader")
        .select_related("person")
        .order_by("pk")
        .first()
    )
    if leader is not None:
        services.person_add(
            viewer=agent,
            incident=incident,
            data={
                "person": leader.person,
                "role_type": "leader",
                "motive": "Voelt zich persoonlijk geraakt door de disstrack.",
            },
        )
    services.reading_add(
        viewer=agent,
        incident=incident,
        data={
            "stage": 1,
            "reading": "Over en weer getag en uitdagende stories: gespannen, emotionele fase.",
        },
    )


def _outreach(worker: Viewer, incident: Incident, groups: list[Group], now: Any) -> None:
    """The youth worker asks the credible messenger the social map ranks first for 3031
    Collective (C2: "wie kan groep X bereiken"); he agrees to help."""
    from lont.socialmap.selectors import who_can_reach

    group = next((g for g in groups if g.name == "3031 Collective"), None)
    if group is None:
        return
    rows = who_can_reach(worker, group)
    messenger = next(
        (
            row.contact
            for row in rows
            if row.contact.kind == "credible_messenger" and row.access == Access.FULL
        ),
        None,
    )
    if messenger is None:
        return
    services.outreach_add(
        viewer=worker,
        incident=incident,
        data={
            "contact": messenger,
            "group": group,
            "at": now - dt.timedelta(hours=2),
            "channel": "telefoon",
            "ask": "Wil je zaterdagavond bij de kooi zijn en de jongens van 3031 aanspreken?",
            "outcome": "helpt",
            "outcome_note": "Hij is er vanaf 19:30 en belt de jongerenwerker bij onrust.",
        },
    )


def _closed(director: Membership, police: Membership, groups: list[Group]) -> Incident:
    """Closed 14 months ago: its times are set in the past (the log lines written with them)."""
    boss = Viewer(director)
    occurred = timezone.now() - dt.timedelta(days=426)
    incident = services.incident_open(
        viewer=boss,
        data={
            "title": CLOSED_TITLE,
            "reason": "Vechtpartij na een drillclip.",
            "occurred_at": occurred,
            "location": "station Noord",
            "groups": groups,
        },
    )
    Incident.objects.filter(pk=incident.pk).update(  # lint: audited-bulk demo sets past times
        state=IncidentState.CLOSED,
        opened_at=occurred - dt.timedelta(hours=2),
        closed_at=occurred + dt.timedelta(days=30),
        spot_evaluation="Snel ter plaatse; de groepen waren met jongerenwerk te scheiden.",
    )
    for at, before, after, text in (
        (occurred, "gemeld", "actief", "Melding van omstanders."),
        (occurred + dt.timedelta(hours=3), "actief", "afgeschaald", "Rustig na scheiden."),
        (occurred + dt.timedelta(days=1), "afgeschaald", "nazorg", "Nazorg gestart."),
        (occurred + dt.timedelta(days=30), "nazorg", "gesloten", "Nazorg afgerond."),
    ):
        IncidentLogEntry.objects.create(
            network=incident.network,
            organisation=director.organisation,
            incident=incident,
            author=director.user,
            at=at,
            kind=LogKind.STATE,
            text=text,
            from_state=before,
            to_state=after,
        )
    return incident
