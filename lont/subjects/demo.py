"""Demo data for Voorbeeldstad Noord: 8 groups in three neighbourhoods, two rivalries, an
alliance, about 60 people (aliases invented), and a group assessment at step 5. All fictional.

Idempotent: the loader does nothing when the demo groups already exist.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from lont.core import context
from lont.core.viewer import Viewer
from lont.networks.models import Membership

from . import services
from .choices import (
    AgeBand,
    Bind,
    CorePurpose,
    FormationStage,
    GroupRelationKind,
    Involvement,
    MemberRole,
    MembershipBasis,
    PersonRelationKind,
    StepStatus,
    Threat,
)
from .models import Group

D = dt.date
NETWORK = "voorbeeldstad-noord"
POLICE = "wijkagent@politie.voorbeeldstad.test"
YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
SCHOOL = "mentor@hetbaken.voorbeeldstad.test"
MUNICIPALITY = "coordinator@gemeente.voorbeeldstad.test"

# (key, recorder, fields)
GROUPS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "3031",
        POLICE,
        {
            "name": "3031 Collective",
            "other_names": ["3031", "Dertig-Eenendertig"],
            "areas": ["Noorderhaven", "3031"],
            "binds": [Bind.MUSIC, Bind.NEIGHBOURHOOD],
            "meeting_places": "Trapveldje achter de Havenstraat; studio in het buurthuis",
            "online_channels": [
                {"platform": "YouTube", "channel": "3031 Collective"},
                {"platform": "Instagram", "channel": "@3031collective"},
            ],
            "size_estimate": 14,
            "age_min": 15,
            "age_max": 21,
            "description": "Drillcollectief dat tracks opneemt over de eigen postcode.",
            "strengths": "Sterk groepsgevoel, muzikaal talent, een paar leden willen een studio-opleiding.",
            "formation_stage": FormationStage.PERFORMING,
            "core_purpose": CorePurpose.SOCIAL,
        },
    ),
    (
        "kreek",
        POLICE,
        {
            "name": "Kreekside",
            "other_names": ["KS", "De Kreek"],
            "areas": ["De Kreek"],
            "binds": [Bind.MUSIC, Bind.NEIGHBOURHOOD],
            "meeting_places": "Bankjes bij het winkelcentrum De Kreek",
            "online_channels": [{"platform": "YouTube", "channel": "Kreekside Official"}],
            "size_estimate": 11,
            "age_min": 16,
            "age_max": 22,
            "description": "Drillgroep uit De Kreek; al jaren in een vete met 3031 Collective.",
            "strengths": "Een oudere kern die jongere leden aanspreekt.",
            "formation_stage": FormationStage.NORMING,
            "core_purpose": CorePurpose.SOCIAL,
        },
    ),
    (
        "kooi",
        YOUTH,
        {
            "name": "De Kooi Noorderhaven",
            "areas": ["Noorderhaven"],
            "binds": [Bind.NEIGHBOURHOOD],
            "meeting_places": "Voetbalkooi aan de Kadestraat",
            "size_estimate": 12,
            "age_min": 13,
            "age_max": 17,
            "description": "Jongens die elke avond in de voetbalkooi voetballen.",
            "strengths": "Sportief, vaste plek, goede band met de jongerenwerker.",
            "formation_stage": FormationStage.STORMING,
            "core_purpose": CorePurpose.SOCIAL,
        },
    ),
    (
        "station",
        YOUTH,
        {
            "name": "Stationspleingroep",
            "areas": ["Stationsgebied"],
            "binds": [Bind.NEIGHBOURHOOD],
            "meeting_places": "Overkapping bij de fietsenstalling van het station",
            "size_estimate": 8,
            "age_min": 14,
            "age_max": 18,
            "description": "Nieuwe groep die sinds het voorjaar ook naar de voetbalkooi trekt.",
            "strengths": "Nieuwsgierig, staat open voor activiteiten.",
            "formation_stage": FormationStage.FORMING,
            "core_purpose": CorePurpose.SOCIAL,
        },
    ),
    (
        "schoolplein",
        SCHOOL,
        {
            "name": "Schoolpleingroep Het Baken",
            "areas": ["De Kreek"],
            "binds": [Bind.SHARED_EXPERIENCE],
            "meeting_places": "Schoolplein en de snackbar ertegenover",
            "size_estimate": 9,
            "age_min": 12,
            "age_max": 15,
            "description": "Brugklassers en tweedeklassers die elkaar online en op het plein opzoeken.",
            "strengths": "Loyaal aan elkaar; gevoelig voor wat oudere jongeren doen.",
            "formation_stage": FormationStage.FORMING,
            "core_purpose": CorePurpose.SOCIAL,
        },
    ),
    (
        "neven",
        YOUTH,
        {
            "name": "De Neven",
            "other_names": ["Havenstraat-neven"],
            "areas": ["Noorderhaven"],
            "binds": [Bind.FAMILY, Bind.NEIGHBOURHOOD],
            "meeting_places": "Portiek Havenstraat",
            "size_estimate": 6,
            "age_min": 16,
            "age_max": 24,
            "description": "Neven en vrienden die samen optrekken; enkele contacten met 3031 Collective.",
            "strengths": "Familiebanden geven steun; ouders zijn aanspreekbaar.",
            "formation_stage": FormationStage.NORMING,
            "core_purpose": CorePurpose.SOCIAL,
        },
    ),
    (
        "blok7",
        POLICE,
        {
            "name": "Blok 7",
            "areas": ["De Kreek"],
            "binds": [Bind.NEIGHBOURHOOD],
            "meeting_places": "Galerij van flat 7",
            "size_estimate": 7,
            "age_min": 17,
            "age_max": 23,
            "description": "Kleine groep met enkele leden die verdacht worden van handel.",
            "strengths": "Twee leden hebben een stageplek gevonden.",
            "formation_stage": FormationStage.PERFORMING,
            "core_purpose": CorePurpose.CRIMINAL,
        },
    ),
    (
        "gamers",
        YOUTH,
        {
            "name": "Stationskwartier Gamers",
            "areas": ["Stationsgebied"],
            "binds": [Bind.OPINIONS, Bind.OTHER],
            "online_channels": [{"platform": "Discord", "channel": "SK-server"}],
            "size_estimate": 10,
            "age_min": 14,
            "age_max": 19,
            "description": "Online groep rond games en memes; soms harde taal over andere groepen.",
            "strengths": "Technisch handig; organiseren zelf toernooien.",
            "formation_stage": FormationStage.NORMING,
            "core_purpose": CorePurpose.SOCIAL,
        },
    ),
]

# Invented aliases: group key -> list of (alias, role, age band).
_ROLES = [
    MemberRole.LEADER,
    MemberRole.ADMIRED,
    MemberRole.FOLLOWER,
    MemberRole.FOLLOWER,
    MemberRole.INDEPENDENT,
    MemberRole.SOCIALISING,
    MemberRole.REJECTED,
    MemberRole.FOLLOWER,
]
MEMBERS: dict[str, list[str]] = {
    "3031": [
        "Kay-Dertig",
        "Lil Haven",
        "Snelle Sem",
        "Rico Kade",
        "Zino",
        "Mo Studio",
        "Jaylo",
        "Tiko",
    ],
    "kreek": ["Big Kreek", "Dex KS", "Young Vonk", "Ramsy", "Lowkey L", "Benji B"],
    "kooi": [
        "Panna Pim",
        "Keeper K",
        "Djiby",
        "Nouri",
        "Flits",
        "Stan de Muur",
        "Hakkie",
        "Lobbie",
    ],
    "station": ["Stationsboy", "Yaz", "Koen K", "Milo M", "Rafa"],
    "schoolplein": ["Brugpieper", "Lina L", "Sami S", "Tobi", "Ayo"],
    "neven": ["Neef Ilias", "Neef Adam", "Bilal H", "Younes"],
    "blok7": ["Galerij G", "Zeven", "Mister Flat", "Dano"],
    "gamers": ["PixelPrins", "NoScope", "Memelord", "Glitch", "ByteBoy", "Lagspike", "RespawnR"],
}
AGE = {
    "3031": AgeBand.AGE_16_17,
    "kreek": AgeBand.AGE_18_22,
    "kooi": AgeBand.AGE_12_15,
    "station": AgeBand.AGE_16_17,
    "schoolplein": AgeBand.AGE_12_15,
    "neven": AgeBand.AGE_18_22,
    "blok7": AgeBand.AGE_18_22,
    "gamers": AgeBand.AGE_16_17,
}
AREA = {key: fields["areas"][0] for key, _recorder, fields in GROUPS}
VICTIMS = ["Slachtoffer Noor", "Jonge Jesse", "Rosa R", "Timo T", "Fenna F", "Idris I"]
TIPSTERS = ["Tipgever Havenstraat", "Tipgever Kreek", "Tipgever Station", "Tipgever Schoolplein"]
MESSENGERS = ["Oom Faisal", "Coach Ricardo", "Ex-drill Dennis"]
FIRST = ["Jayden", "Milan", "Noah", "Sem", "Daan", "Liam", "Adam", "Yassin", "Luuk", "Mees"]
LAST = ["Voorbeeldman", "Fictief", "Testhaven", "Verzonnen", "Denkbeeld"]


def _viewer(email: str) -> Viewer:
    return Viewer(
        Membership.objects.select_related("network", "organisation", "user").get(
            user__email=email, network__slug=NETWORK
        )
    )


def _person(viewer: Viewer, n: int, alias: str, **fields: Any) -> Any:
    # Identifying data is invented and clearly fictional; stored encrypted like real data.
    data = {
        "alias": alias,
        "real_name": f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}",
        "address": f"Verzonnenstraat {n + 1}, Voorbeeldstad",
        "date_of_birth": D(2005 + n % 8, 1 + n % 12, 1 + n % 27).isoformat(),
        "handles": {"Instagram": "@" + alias.lower().replace(" ", "_").replace("-", "_")},
        **fields,
    }
    return services.person_create(viewer=viewer, data=data)


@transaction.atomic
def load_demo(networks: dict[str, Any]) -> None:
    network = networks.get(NETWORK)
    if network is None or Group.objects.filter(network=network, name="3031 Collective").exists():
        return
    viewers = {email: _viewer(email) for email in (POLICE, YOUTH, SCHOOL, MUNICIPALITY)}
    with context.acting(user=viewers[POLICE].user, network=network, via="command"):
        groups = {
            key: services.group_create(viewer=viewers[recorder], data=dict(fields))
            for key, recorder, fields in GROUPS
        }
        recorder_of = {key: recorder for key, recorder, _f in GROUPS}
        n = 0
        people: dict[str, list[Any]] = {}
        for key, aliases in MEMBERS.items():
            viewer = viewers[recorder_of[key]]
            for i, alias in enumerate(aliases):
                person = _person(
                    viewer,
                    n,
                    alias,
                    age_band=AGE[key],
                    area=AREA[key],
                    involvement=Involvement.GROUP_MEMBER,
                    future_perspective="Wil een MBO-opleiding afmaken." if i % 3 == 0 else "",
                )
                services.membership_create(
                    viewer=viewer,
                    data={
                        "group": groups[key],
                        "person": person,
                        "role": _ROLES[i % len(_ROLES)],
                        "basis": MembershipBasis.OBSERVED if i % 2 == 0 else MembershipBasis.ONLINE,
                        "since": D(2022 + i % 4, 1 + i % 12, 1),
                    },
                )
                people.setdefault(key, []).append(person)
                n += 1
        youth = viewers[YOUTH]
        for alias in VICTIMS:
            _person(
                youth,
                n,
                alias,
                involvement=Involvement.VICTIM,
                age_band=AgeBand.AGE_12_15,
                area="Noorderhaven",
                protective_factors="Steunende ouders; sport bij de vereniging.",
            )
            n += 1
        for alias in TIPSTERS:
            _person(
                youth,
                n,
                alias,
                involvement=Involvement.TIPSTER,
                age_band=AgeBand.AGE_23_UP,
                area="Voorbeeldstad Noord",
            )
            n += 1
        messengers = [
            _person(
                youth,
                n + i,
                alias,
                involvement=Involvement.OTHER,
                age_band=AgeBand.AGE_23_UP,
                area="Noorderhaven",
                future_perspective="Werkt als sportcoach.",
            )
            for i, alias in enumerate(MESSENGERS)
        ]
        # Relations between people: collabs across groups, a feud, and family ties (which alone
        # never link anyone to a group — De Neven's members are linked on observation).
        police = viewers[POLICE]
        for a, b, kind in [
            (people["3031"][0], people["kreek"][0], PersonRelationKind.FEUD),
            (people["3031"][1], people["neven"][0], PersonRelationKind.COLLABORATION),
            (people["neven"][0], people["neven"][1], PersonRelationKind.FAMILY),
            (people["kooi"][0], people["station"][0], PersonRelationKind.FEUD),
            (people["3031"][2], people["3031"][3], PersonRelationKind.FRIENDS),
        ]:
            services.person_relation_create(
                viewer=police,
                data={"person_a": a, "person_b": b, "kind": kind, "date": D(2025, 6, 1)},
            )

        long = services.group_relation_create(
            viewer=police,
            data={
                "group_a": groups["3031"],
                "group_b": groups["kreek"],
                "kind": GroupRelationKind.RIVALRY,
                "since": D(2021, 9, 1),
                "threat_a": Threat.SYMBOLIC,
                "threat_b": Threat.SYMBOLIC,
                "description": "Vete over eer en wie 'de echte' drill van Noord maakt; diss-tracks over en weer.",
            },
        )
        for date, text in [
            (D(2021, 9, 12), "Eerste diss-track van Kreekside over 3031."),
            (D(2022, 4, 2), "Antwoordtrack van 3031 met beelden in De Kreek."),
            (D(2023, 7, 15), "Opstootje bij het zomerfestival; niemand gewond."),
            (
                D(2024, 11, 30),
                "Online bedreigingen na een nieuwe clip; gesprekken met beide groepen.",
            ),
            (
                D(2026, 2, 8),
                "Nieuwe track met verwijzingen naar een datum; risicokalender aangepast.",
            ),
        ]:
            services.conflict_event_create(
                viewer=police, relation=long, data={"date": date, "description": text}
            )
        recent = services.group_relation_create(
            viewer=youth,
            data={
                "group_a": groups["kooi"],
                "group_b": groups["station"],
                "kind": GroupRelationKind.RIVALRY,
                "since": D(2026, 3, 15),
                "threat_a": Threat.REALISTIC,
                "threat_b": Threat.REALISTIC,
                "description": "Ruzie over wie 's avonds de voetbalkooi mag gebruiken.",
            },
        )
        services.conflict_event_create(
            viewer=youth,
            relation=recent,
            data={
                "date": D(2026, 4, 2),
                "description": "Duwen en schelden in de kooi; jongerenwerk bemiddelde.",
            },
        )
        services.group_relation_create(
            viewer=police,
            data={
                "group_a": groups["3031"],
                "group_b": groups["neven"],
                "kind": GroupRelationKind.ALLIANCE,
                "since": D(2024, 5, 1),
                "description": "Treden samen op; neven verschijnen in clips.",
            },
        )

        assessment = services.assessment_create(
            viewer=viewers[MUNICIPALITY],
            group=groups["3031"],
            data={
                "started_on": D(2026, 1, 12),
                "norms_values": "Loyaliteit aan de buurt; respect verdienen met muziek.",
                "problem_definition": "Oplopende online vete met Kreekside; risico op fysieke confrontatie rond optredens.",
                "plan": "Jongerenwerk biedt studiotijd met afspraken over teksten; politie spreekt leiders aan; "
                "gemeente zoekt een podium buiten De Kreek.",
                "credible_messengers": messengers,
                "prototypical_members": people["3031"][:2],
            },
        )
        municipality = viewers[MUNICIPALITY]
        for number in range(1, 6):
            services.assessment_step_update(
                viewer=municipality,
                assessment=assessment,
                number=number,
                status=StepStatus.DONE if number < 5 else StepStatus.IN_PROGRESS,
                started_on=D(2026, 1, 12) + dt.timedelta(weeks=2 * (number - 1)),
                completed_on=D(2026, 1, 26) + dt.timedelta(weeks=2 * (number - 1))
                if number < 5
                else None,
            )
        for viewer, step, text in [
            (police, 1, "Drie openbare clips met verwijzingen naar De Kreek gedeeld."),
            (youth, 2, "Gesprekken met vier leden; zij willen vooral optreden."),
            (municipality, 3, "Integraal beeld besproken in het casusoverleg van februari."),
            (youth, 5, "Studio-afspraken met drie leden gemaakt."),
        ]:
            services.contribution_add(
                viewer=viewer, assessment=assessment, step=step, text=text, date=D(2026, 2, 1)
            )
