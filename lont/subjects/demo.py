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
    GroupRelationKind,
    Involvement,
    MembershipBasis,
    PersonRelationKind,
    StepStatus,
    Threat,
)
from .demo_data import (
    AGE,
    AREA,
    FIRST,
    GROUPS,
    LAST,
    MEMBERS,
    MESSENGERS,
    MUNICIPALITY,
    POLICE,
    ROLES,
    SCHOOL,
    TIPSTERS,
    VICTIMS,
    YOUTH,
)
from .models import Group

D = dt.date
NETWORK = "voorbeeldstad-noord"


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
                        "role": ROLES[i % len(ROLES)],
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
                "description": "Vete over eer en wie 'de echte' drill van Noord maakt; "
                "diss-tracks over en weer.",
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
                "problem_definition": "Oplopende online vete met Kreekside; "
                "risico op fysieke confrontatie rond optredens.",
                "plan": "Jongerenwerk biedt studiotijd met afspraken over teksten; "
                "politie spreekt leiders aan; "
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
