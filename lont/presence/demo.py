"""Demo online presence for Voorbeeldstad Noord (all fictional): the platform register with scans
on the 9 aspects (one overdue, Snapchat marked ephemeral), the team roster of organisation-owned
accounts, calm-time contacts (counts only) and two positive activities with outcomes.

Idempotent: nothing happens when the register already has platforms.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from lont.core.viewer import Viewer
from lont.networks.models import Membership
from lont.subjects.models import Group

from . import services
from .choices import ActivityKind, Channel, ContactKind
from .models import Platform

NETWORK = "voorbeeldstad-noord"
DIRECTOR = "regisseur@gemeente.voorbeeldstad.test"
YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
COACH = "straatcoach@jongerenwerk.voorbeeldstad.test"
POLICE = "wijkagent@politie.voorbeeldstad.test"
YOUTH_POLICE = "jeugdagent@politie.voorbeeldstad.test"

# name, ephemeral, where the groups are, days since the last scan, 9 aspect levels in order.
PLATFORMS = [
    (
        "Instagram",
        False,
        "Stories en reels van de muziekgroepen; DM's met jongerenwerk.",
        40,
        (2, 2, 3, 2, 3, 3, 2, 2, 3),
    ),
    (
        "TikTok",
        False,
        "Korte clips en challenges; veel bereik buiten de wijk.",
        75,
        (2, 2, 3, 3, 3, 2, 3, 1, 3),
    ),
    (
        "YouTube",
        False,
        "Drillclips en studio-opnames; inhoud blijft lang staan.",
        120,
        (1, 2, 2, 2, 3, 2, 3, 2, 3),
    ),
    (
        "Snapchat",
        True,
        "Snelle berichten in kleine kring; gelekte snaps komen via school.",
        200,
        (2, 1, 3, 1, 1, 2, 1, 1, 2),
    ),
    ("Discord", False, "Gameservers met eigen kanalen.", 90, (3, 2, 3, 3, 1, 3, 2, 2, 1)),
]
ASPECT_ORDER = (
    "anonymity",
    "moderation",
    "interactivity",
    "architecture",
    "visibility",
    "personalisation",
    "findability",
    "editability",
    "reach",
)
# e-mail, platform, handle, in house style
ACCOUNTS = [
    (YOUTH, "Instagram", "@jongerenwerk.noord.sam", True),
    (YOUTH, "TikTok", "@jongerenwerk_noord", True),
    (COACH, "Instagram", "@straatcoach.noord", True),
    (POLICE, "Instagram", "@wijkagent.noorderhaven", True),
    (YOUTH_POLICE, "Instagram", "@jeugdagent.voorbeeldstad", False),
]


def _viewers(network: Any) -> dict[str, Viewer]:
    return {
        m.user.email: Viewer(m)
        for m in Membership.objects.select_related("user", "network", "organisation").filter(
            network=network, is_active=True
        )
    }


def load_demo(networks: dict[str, Any]) -> None:
    network = networks.get(NETWORK)
    if network is None or Platform.objects.filter(network=network).exists():
        return
    viewers = _viewers(network)
    if DIRECTOR not in viewers or YOUTH not in viewers:
        return
    today = timezone.localdate()
    director = viewers[DIRECTOR]
    for name, ephemeral, where, days, levels in PLATFORMS:
        platform = services.platform_save(
            viewer=director,
            name=name,
            where_groups=where,
            ephemeral=ephemeral,
            review_interval_days=180,
            review_owner=viewers[YOUTH].membership,
        )
        services.platform_review(
            viewer=director,
            platform=platform,
            aspects=dict(zip(ASPECT_ORDER, levels, strict=True)),
            note="Platformscan met het jongerenwerk.",
            reviewed_on=today - dt.timedelta(days=days),
        )
    accounts = {}
    for email, platform_name, handle, house_style in ACCOUNTS:
        if email not in viewers:
            continue
        viewer = viewers[email]
        accounts[handle] = services.account_create(
            viewer=viewer,
            platform=platform_name,
            handle=handle,
            member=viewer.membership,
            house_style=house_style,
            note="" if house_style else "Profielfoto nog niet in de huisstijl.",
        )
    groups = {g.name: g for g in Group.objects.filter(network=network)}
    youth = viewers[YOUTH]
    sam = accounts.get("@jongerenwerk.noord.sam")
    if sam is not None:
        kinds = [ContactKind.LIKE, ContactKind.COMMENT, ContactKind.DM, ContactKind.POLL]
        for i in range(12):
            services.contact_log(
                viewer=youth,
                account=sam,
                kind=kinds[i % 4],
                count=1 + i % 3,
                on=today - dt.timedelta(days=3 + i * 9),
                group=groups.get("3031 Collective") if i % 2 == 0 else groups.get("Kreekside"),
            )
    services.activity_save(
        viewer=youth,
        title="Studiosessie in het buurthuis",
        kind=ActivityKind.STUDIO,
        group=groups.get("3031 Collective"),
        planned_on=today - dt.timedelta(days=30),
        channel=Channel.OFFLINE,
        topic="Samen een track opnemen zonder namen van anderen.",
        outcome="Acht jongeren, één track zonder disses; met hun akkoord online gedeeld.",
        share_online=True,
    )
    services.activity_save(
        viewer=youth,
        title="Barbecue op het trapveld",
        kind=ActivityKind.BARBECUE,
        group=groups.get("Kreekside"),
        planned_on=today + dt.timedelta(days=14),
        channel=Channel.OFFLINE,
        topic="De groep organiseert zelf; jongerenwerk regelt de vergunning.",
    )
