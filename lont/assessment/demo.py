"""Demo data for Voorbeeldstad Noord (all fictional): situations over signals that show, when the
demo loads, one rivalry at *hoog* with a rising drill reading and a network change (members of
the two rival groups suddenly collaborating, tagging each other and going live together), a trend
break in one group, a false alarm defused by a youth worker's context note, and two past case
meetings with decisions and open actions.

The situations need signals of a known shape, so this loader adds its own small set (``demo_key``
``assess-…``) next to the signal register's demo signals. Idempotent: it does nothing when the
demo situations exist, except adding the network-change signals to a demo loaded before they
were part of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from lont.core import context
from lont.core.viewer import Viewer
from lont.knowledge.models import Indicator
from lont.networks.models import Membership
from lont.signalregister.choices import PersonRole
from lont.signalregister.models import (
    ContextNote,
    Signal,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
)
from lont.subjects.choices import GroupRelationKind
from lont.subjects.models import Group, GroupRelation, Person

from . import services
from .choices import ActionMode, ActionStatus, DecisionKind, LevelCode
from .models import Action, Situation

NETWORK = "voorbeeldstad-noord"
POLICE = "wijkagent@politie.voorbeeldstad.test"
YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
DIRECTOR = "regisseur@gemeente.voorbeeldstad.test"
RIVALRY_TITLE = "Rivaliteit 3031 Collective – Kreekside"
# Members of the two rival groups who appear together online (aliases from the subjects demo;
# not the guard person, whose signal count the signal register's demo sets on purpose).
NETWORK_SIGNALS = (
    (
        "assess-net-collab",
        3,
        "online.rival_collaboration",
        "Nieuwe collab: een rapper van 3031 en een van Kreekside brengen samen een track uit.",
        ("Rico Kade", "Dex KS"),
        False,
    ),
    (
        "assess-net-tag",
        2,
        "online.network_visible",
        "Leden van 3031 en Kreekside taggen elkaar onder elkaars posts, zonder disses.",
        ("Lil Haven", "Young Vonk"),
        False,
    ),
    (
        "assess-net-live",
        1,
        "online.rival_collaboration",
        "Kernleden van beide groepen samen live op Instagram.",
        ("Kay-Dertig", "Big Kreek"),
        True,
    ),
)


def _member(email: str) -> Membership:
    return Membership.objects.select_related("network", "organisation", "user").get(
        user__email=email, network__slug=NETWORK
    )


def _indicator(network: Any, weight_class: str, drill: bool = False) -> Indicator:
    qs = Indicator.objects.filter(network=network, weight_class=weight_class)
    qs = qs.filter(category="drill") if drill else qs.exclude(category="drill")
    found = qs.order_by("code").first()
    if found is not None:
        return found
    code = f"demo.{'drill' if drill else 'online'}.{weight_class}"
    return Indicator.objects.get_or_create(
        network=network,
        code=code,
        defaults={
            "label_nl": f"Demo-indicator ({weight_class})",
            "label_en": f"Demo indicator ({weight_class})",
            "phase": "peacetime",
            "category": "drill" if drill else "online",
            "weight_class": weight_class,
            "default_weight_class": weight_class,
        },
    )[0]


def _signal(
    member: Membership,
    key: str,
    at: dt.datetime,
    text: str,
    *,
    weight: str = "strong",
    groups: tuple[Group, ...] = (),
    source_type: str = "open_online",
    indicator: Indicator | None = None,
    **fields: Any,
) -> Signal:
    signal = Signal.objects.create(
        network=member.network,
        organisation=member.organisation,
        reported_by=member,
        observed_at=at,
        registered_at=at,
        source_type=source_type,
        description=text,
        demo_key=key,
        **fields,
    )
    SignalIndicator.objects.create(
        network=member.network,
        signal=signal,
        indicator=indicator
        or _indicator(member.network, weight, drill=bool(fields.get("is_drill"))),
    )
    for group in groups:
        SignalGroup.objects.create(network=member.network, signal=signal, group=group)
    return signal


def load_demo(networks: dict[str, Any]) -> None:
    network = networks.get(NETWORK)
    if network is None:
        return
    groups = {g.name: g for g in Group.objects.filter(network=network)}
    if "3031 Collective" not in groups:
        return  # the subjects demo did not run
    police, youth, director = _member(POLICE), _member(YOUTH), _member(DIRECTOR)
    rivalry = Situation.objects.filter(network=network, title=RIVALRY_TITLE).first()
    with context.acting(user=director.user, network=network, via="demo"), transaction.atomic():
        if rivalry is None:
            _load(network, groups, police, youth, director)
        else:
            _network_change(network, groups, police, rivalry, timezone.now())


def _network_change(
    network: Any,
    groups: dict[str, Group],
    police: Membership,
    rivalry: Situation,
    now: dt.datetime,
) -> None:
    """Members of the rival groups suddenly together online: a network change (trendbreuk).
    Adds only the signals that are missing, so loading twice changes nothing."""
    existing = set(
        Signal.objects.filter(network=network, demo_key__startswith="assess-net-").values_list(
            "demo_key", flat=True
        )
    )
    a, b = groups["3031 Collective"], groups["Kreekside"]
    people = {p.alias: p for p in Person.objects.filter(network=network)}
    added = []
    for key, days, code, text, aliases, both_groups in NETWORK_SIGNALS:
        if key in existing or not all(alias in people for alias in aliases):
            continue
        indicator = Indicator.objects.filter(network=network, code=code).first()
        if indicator is None:
            continue
        signal = _signal(
            police,
            key,
            now - dt.timedelta(days=days),
            text,
            groups=(a, b) if both_groups else (),
            indicator=indicator,
            platform="Instagram",
        )
        for alias in aliases:
            SignalPerson.objects.create(
                network=network, signal=signal, person=people[alias], role=PersonRole.INVOLVED
            )
        added.append(signal)
    if added:
        services.situation_link_signals(viewer=Viewer(police), situation=rivalry, signals=added)


def _load(
    network: Any,
    groups: dict[str, Group],
    police: Membership,
    youth: Membership,
    director: Membership,
) -> None:
    now = timezone.now()
    a, b = groups["3031 Collective"], groups["Kreekside"]
    rivalry = GroupRelation.objects.filter(
        network=network, kind=GroupRelationKind.RIVALRY, group_a=a, group_b=b
    ).first()
    # 1. The rivalry: twelve monthly drill videos with rising attacks and shows, and two recent
    # strong signals beside them (drill alone never raises a level).
    signals = []
    for month in range(12, 0, -1):
        # The 15th of each of the last twelve complete months (the drill reading's window).
        year, index = divmod(now.year * 12 + now.month - 1 - month, 12)
        at = now.replace(year=year, month=index + 1, day=15, hour=12, minute=0)
        signals.append(
            _signal(
                police,
                f"assess-drill-{month}",
                at,
                "Drillvideo met disses over en weer.",
                groups=(a, b),
                is_drill=True,
                drill_personal_attacks=12 - month,
                drill_weapons_shown=(12 - month) // 2,
                drill_members_shown=13 - month,
                weight="somewhat",
            )
        )
    signals.append(
        _signal(
            police,
            "assess-rival-1",
            now - dt.timedelta(days=2),
            "Oproep in een groepschat om 'de Kreek te laten voelen wie de baas is'.",
            groups=(a,),
            threat=True,
        )
    )
    signals.append(
        _signal(
            youth,
            "assess-rival-2",
            now - dt.timedelta(days=4),
            "Jongere deelt screenshot van dreigende story gericht aan Kreekside.",
            groups=(b,),
            source_type="shared_by_young_person",
        )
    )
    police_viewer, youth_viewer = Viewer(police), Viewer(youth)
    rivalry_situation = services.situation_create(
        viewer=police_viewer,
        data={
            "kind": "rivalry",
            "title": RIVALRY_TITLE,
            "rivalry": rivalry,
            "groups": [a, b],
            "description": "Langlopende vete; de drill-diss-tracks nemen toe.",
        },
    )
    services.situation_link_signals(
        viewer=police_viewer, situation=rivalry_situation, signals=signals
    )
    _network_change(network, groups, police, rivalry_situation, now)
    # 2. A trend break in one group: many signals in the last fortnight against a quiet quarter.
    kooi = groups["De Kooi Noorderhaven"]
    kooi_signals = [
        _signal(
            youth,
            f"assess-kooi-old-{i}",
            now - dt.timedelta(days=40 + 30 * i),
            "Plagerij bij de voetbalkooi.",
            groups=(kooi,),
            weight="weak",
            source_type="own_offline",
        )
        for i in range(2)
    ] + [
        _signal(
            youth,
            f"assess-kooi-new-{i}",
            now - dt.timedelta(days=1 + i),
            "Opruiende berichten over de voetbalkooi.",
            groups=(kooi,),
            weight="weak",
        )
        for i in range(9)
    ]
    kooi_situation = services.situation_create(
        viewer=youth_viewer,
        data={"kind": "group_dynamics", "title": "Groepsdynamiek De Kooi", "groups": [kooi]},
    )
    services.situation_link_signals(
        viewer=youth_viewer, situation=kooi_situation, signals=kooi_signals
    )
    # Issue 9: a new signal naming the group finds the situation by itself, with its reason (the
    # situation page shows it, the owner can undo it); the director reads trend breaks in a digest.
    from lont.notifications.services import preferences_set

    from .autolink import link_signal
    from .notify import TREND_BREAK

    preferences_set(user=director.user, choices={TREND_BREAK: "digest"})
    newest = _signal(
        youth,
        "assess-kooi-auto",
        now - dt.timedelta(hours=12),
        "Nieuwe opruiende berichten over de voetbalkooi.",
        groups=(kooi,),
        weight="weak",
    )
    link_signal(signal=newest, viewer=youth_viewer, created=True)
    services.situation_recompute(kooi_situation)
    # 3. A false alarm: a strong-looking post defused by the youth worker's context.
    station = groups["Stationspleingroep"]
    alarm = _signal(
        police,
        "assess-alarm",
        now - dt.timedelta(days=1),
        "Filmpje met 'we komen eraan' bij het station.",
        groups=(station,),
    )
    ContextNote.objects.create(
        network=network,
        signal=alarm,
        organisation=youth.organisation,
        author=youth,
        adjustment=-2,
        reason="Dit is een running gag in deze groep over een voetbaltoernooi.",
    )
    ContextNote.objects.create(
        network=network,
        signal=alarm,
        organisation=youth.organisation,
        author=youth,
        adjustment=-1,
        reason="De jongeren hebben het zelf uitgelegd in het buurthuis.",
    )
    alarm_situation = services.situation_create(
        viewer=police_viewer,
        data={
            "kind": "confrontation",
            "title": "Mogelijke confrontatie station",
            "groups": [station],
        },
    )
    services.situation_link_signals(
        viewer=police_viewer, situation=alarm_situation, signals=[alarm]
    )
    _meetings(director, police, youth, rivalry_situation, alarm_situation, now)


def _meetings(
    director: Membership,
    police: Membership,
    youth: Membership,
    rivalry: Situation,
    alarm: Situation,
    now: dt.datetime,
) -> None:
    viewer = Viewer(director)
    today = now.date()
    orgs = [director.organisation, police.organisation, youth.organisation]
    for days_ago, open_actions in ((42, False), (14, True)):
        meeting = services.meeting_create(
            viewer=viewer,
            data={
                "date": today - dt.timedelta(days=days_ago),
                "participants": orgs,
                "situations": [rivalry, alarm],
            },
        )
        first, second = list(meeting.items.order_by("order"))
        for item in (first, second):
            services.item_picture(
                viewer=viewer,
                item=item,
                data={
                    "unknowns": "Wie maakt de video's, en speelt er iets offline? Jongerenwerk vraagt na.",
                    "causality_answer": "De drill laat vooral zien wat er al speelt."
                    if item == first
                    else "",
                },
            )
        services.item_judge(
            viewer=viewer,
            item=first,
            data={
                "judged_level": LevelCode.HIGH,
                "rationale": "Berekend en beoordeeld gelijk.",
                "concerns": "Toename van persoonlijke aanvallen.",
            },
        )
        services.dissent_add(
            viewer=Viewer(youth),
            item=first,
            text="Jongerenwerk ziet vooral bravoure, geen concrete plannen.",
        )
        for owner, mode, text, due in (
            (youth, ActionMode.OFFLINE, "Gesprek met de kern van 3031 in het buurthuis.", 7),
            (
                police,
                ActionMode.ONLINE,
                "Openbare kanalen van beide groepen volgen (geen profielen).",
                21,
            ),
        ):
            services.action_create(
                viewer=viewer,
                item=first,
                data={
                    "organisation": owner.organisation,
                    "owner": owner.user,
                    "mode": mode,
                    "description": text,
                    "due_date": meeting.date + dt.timedelta(days=due),
                },
            )
        services.item_decide(viewer=viewer, item=first, data={"decision": DecisionKind.ACT})
        services.item_judge(
            viewer=viewer,
            item=second,
            data={
                "judged_level": LevelCode.LOW,
                "rationale": "",
                "concerns": "",
            },
        )
        services.item_decide(
            viewer=viewer,
            item=second,
            data={
                "decision": DecisionKind.NOTHING,
                "decision_reason": "Contextnotities van jongerenwerk maken duidelijk dat het een grap is.",
            },
        )
        services.meeting_close(viewer=viewer, meeting=meeting)
        if not open_actions:
            for action in Action.objects.filter(item=first):
                action.status, action.result = ActionStatus.DONE, "Gedaan; zie verslag."
                action.save()
