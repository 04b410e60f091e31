"""Demo vision, sources and awareness for Voorbeeldstad Noord (all fictional).

Two partners answer the vision's questions differently (youth work: prevention, the group's own
name; police: a combination, "jeugdgroep"), the director approved network vision version 1; the
guide's four reference sources plus one of the network's own (one due for review); awareness
activities this year and last, and an online specialist at two partners.

Idempotent: nothing happens when the network already has a vision.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from lont.core.viewer import Viewer
from lont.networks.models import Membership, Organisation

from . import services
from .choices import Audience, AwarenessKind, GoalFocus
from .models import VisionVersion

NETWORK = "voorbeeldstad-noord"
DIRECTOR = "regisseur@gemeente.voorbeeldstad.test"
YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
YOUTH_COORDINATOR = "coordinator@jongerenwerk.voorbeeldstad.test"
POLICE = "wijkagent@politie.voorbeeldstad.test"
POLICE_COORDINATOR = "coordinator@politie.voorbeeldstad.test"
YOUTH_POLICE = "jeugdagent@politie.voorbeeldstad.test"
SCHOOL = "mentor@hetbaken.voorbeeldstad.test"

VISIONS: dict[str, dict[str, Any]] = {
    YOUTH: {
        "target_group": "Jongeren van 14 tot 23 uit Noorderhaven en De Kreek, verbonden door "
        "muziek en buurt; ze komen samen op het trapveld, in de studio en op Instagram.",
        "terms": ["3031 Collective", "jongeren uit Noorderhaven"],
        "terms_note": "Wij gebruiken de namen die de groepen zelf gebruiken.",
        "goal_focus": GoalFocus.PREVENTION,
        "goal_priority": "Vertrouwen en contact gaan voor; zorg waar het nodig is.",
        "online_offline": "Elke jongerenwerker is online zichtbaar met een werkaccount en staat "
        "wekelijks op straat.",
        "staff_time": "Vier uur per week per jongerenwerker voor online werk.",
    },
    POLICE: {
        "target_group": "Jeugdgroepen in Noord die online oproepen tot geweld verspreiden.",
        "terms": ["jeugdgroep", "3031 Collective"],
        "goal_focus": GoalFocus.COMBINATION,
        "goal_priority": "Veiligheid eerst; preventie samen met jongerenwerk en school.",
        "online_offline": "De digitale wijkagent is online zichtbaar; de wijkagent op straat.",
        "online_information": "Signalen van school en jongerenwerk via het signalenregister.",
        "staff_time": "Eén digitale wijkagent, twee dagen per week.",
    },
}
NETWORK_VISION: dict[str, Any] = {
    "target_group": "Jongeren in Voorbeeldstad Noord rond wie online onrust tot geweld kan "
    "leiden; wat hen bindt is vaak muziek en buurt.",
    "terms": ["3031 Collective", "jongeren uit Noorderhaven"],
    "terms_note": "De namen die de groepen zelf gebruiken; niet 'bende'.",
    "goal_focus": GoalFocus.COMBINATION,
    "goal_priority": "Eerst preventie en zorg; handhaving waar veiligheid het vraagt.",
    "online_offline": "Het netwerk treedt online en fysiek op; wie niet online is, krijgt "
    "signalen via het register en het casusoverleg.",
    "staff_time": "Online werk staat in de opdrachten en subsidies van alle partners.",
}
SOURCES = [
    (
        "WODC-rapport Bureau Beke (De Boer e.a., 2022)",
        "",
        "Risico- en beschermende factoren voor jongeren om het criminele pad op te gaan.",
        ["V5", "V11"],
        True,
    ),
    (
        "CCV-handreiking 'Zó krijg je samen zicht op jongeren' (2023)",
        "",
        "Signalen en rode vlaggen in online gedrag.",
        ["V5", "V11"],
        True,
    ),
    (
        "NCTV-rapport sociale media en protest (Greijdanus & Postmes, 2018)",
        "",
        "Online indicatoren van politisering, massamobilisatie en escalatie.",
        ["V11", "C1"],
        True,
    ),
    (
        "Handreiking 'Echt zijn in de online leefwereld' (Todorović e.a., 2023)",
        "",
        "Stappen voor jongerenwerkers om online te werken vanuit het perspectief van jongeren.",
        ["V3", "V11", "V12"],
        True,
    ),
    (
        "Werkafspraken online werken Voorbeeldstad Noord",
        "https://intranet.voorbeeldstad.test/online-werken",
        "De eigen afspraken van het netwerk over accounts, huisstijl en bereikbaarheid.",
        ["V1", "V2", "V3"],
        False,
    ),
]
AWARENESS = [
    (
        AwarenessKind.SCHOOL_LESSON,
        "Les mediawijsheid: wat deel je wel en niet",
        Audience.YOUNG_PEOPLE,
        60,
        112,
        "Het Baken College",
        "Stichting Mediawijs Noord",
        True,
        "Leerlingen noemden gelekte snaps als grootste zorg.",
    ),
    (
        AwarenessKind.PARENT_EVENING,
        "Ouderavond: online opruiing herkennen",
        Audience.PARENTS,
        45,
        38,
        "Het Baken College",
        "Jongerenwerk met twee ervaringsdeskundigen",
        True,
        "Ouders willen een vervolg over drill en muziek.",
    ),
    (
        AwarenessKind.PROFESSIONAL_TRAINING,
        "Training online werken op Instagram en TikTok",
        Audience.PROFESSIONALS,
        120,
        16,
        "Stichting Jongerenwerk Voorbeeldstad",
        "Online specialist jongerenwerk",
        False,
        "Goed ontvangen; meer oefenen met DM-gesprekken.",
    ),
    (
        AwarenessKind.PROFESSIONAL_TRAINING,
        "Platformscan op de 9 aspecten",
        Audience.PARTNERS,
        400,
        22,
        "Gemeente Voorbeeldstad",
        "",
        False,
        "",
    ),
]


def _viewers(network: Any) -> dict[str, Viewer]:
    return {
        m.user.email: Viewer(m)
        for m in Membership.objects.select_related("user", "network", "organisation").filter(
            network=network, is_active=True
        )
    }


def load_demo(networks: dict[str, Any]) -> None:
    for network in networks.values():
        services.seed_labels(network)
    network = networks.get(NETWORK)
    if network is None or VisionVersion.objects.filter(network=network).exists():
        return
    viewers = _viewers(network)
    if any(email not in viewers for email in (DIRECTOR, YOUTH, POLICE)):
        return
    for email, answers in VISIONS.items():
        services.vision_save(viewer=viewers[email], reason="Eerste versie", **answers)
    director = viewers[DIRECTOR]
    saved = services.vision_save(
        viewer=director, network_vision=True, reason="Uit de netwerkbijeenkomst", **NETWORK_VISION
    )
    services.vision_approve(
        viewer=director, version=saved.version, reason="Vastgesteld in het netwerkoverleg"
    )
    today = timezone.localdate()
    organisations = {o.name: o for o in Organisation.objects.filter(network=network)}
    youth_org = viewers[YOUTH].organisation
    for index, (title, url, good_for, recommendations, from_guide) in enumerate(SOURCES):
        services.source_save(
            viewer=director,
            title=title,
            url=url,
            good_for=good_for,
            owner=youth_org if index % 2 else director.organisation,
            owner_member=viewers[YOUTH].membership if index % 2 else director.membership,
            review_on=today + dt.timedelta(days=-3 if index == 4 else 90 + index * 30),
            recommendations=recommendations,
            from_guide=from_guide,
        )
    for kind, title, audience, days, reach, org, trainer, trusted, evaluation in AWARENESS:
        organisation = organisations.get(org)
        if organisation is None:
            continue
        services.awareness_save(
            viewer=director,
            kind=kind,
            title=title,
            audience=audience,
            held_on=today - dt.timedelta(days=days),
            reach=reach,
            organisation=organisation,
            trainer=trainer,
            trusted_by_youth=trusted,
            evaluation=evaluation,
        )
    for coordinator, specialist, checks in (
        (
            YOUTH_COORDINATOR,
            YOUTH,
            ["skills_in_vacancies", "skills_in_profiles", "hours_for_online"],
        ),
        (POLICE_COORDINATOR, YOUTH_POLICE, ["skills_in_profiles"]),
    ):
        if coordinator in viewers and specialist in viewers:
            services.profile_save(
                viewer=viewers[coordinator],
                organisation=viewers[coordinator].organisation,
                specialist=viewers[specialist].membership,
                checks=checks,
            )
