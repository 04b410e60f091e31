"""The fictional demo network Voorbeeldstad: two districts (Noord, Zuid) as separate networks.

Everything here is invented. Loading is idempotent: running it twice changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from lont.core import context
from lont.core import demo as demo_registry
from lont.core.scoping import system_context

from . import services
from .choices import Access, InformationCategory, PartnerType, Role
from .models import Membership, Network, Organisation

DEMO_PASSWORD = "Voorbeeldstad-demo-2026"  # noqa: S105 - fictional demo accounts only

P = PartnerType

NETWORKS = [
    (
        "Voorbeeldstad Noord",
        "voorbeeldstad-noord",
        "Noorderhaven, De Kreek en het stationsgebied van het fictieve Voorbeeldstad.",
    ),
    (
        "Voorbeeldstad Zuid",
        "voorbeeldstad-zuid",
        "Zuiderpark-wijk en Molenveld in het fictieve Voorbeeldstad.",
    ),
]

ORGANISATIONS = [
    ("Gemeente Voorbeeldstad", P.MUNICIPALITY),
    ("Politie eenheid Voorbeeldstad", P.POLICE),
    ("Stichting Jongerenwerk Voorbeeldstad", P.YOUTH_WORK),
    ("Het Baken College", P.EDUCATION),
    ("Lyceum De Vaart", P.EDUCATION),
    ("GGZ Voorbeeldstad", P.CARE),
    ("Handhaving Voorbeeldstad", P.ENFORCEMENT),
    ("Reclassering regio Voorbeeldstad", P.PROBATION),
]


@dataclass(frozen=True)
class DemoMember:
    email: str
    name: str
    organisation: str
    role: str
    function: str
    networks: tuple[str, ...] = ("voorbeeldstad-noord",)


MEMBERS = [
    DemoMember(
        "regisseur@gemeente.voorbeeldstad.test",
        "Fatima de Wit",
        "Gemeente Voorbeeldstad",
        Role.DIRECTOR,
        "Veiligheidsregisseur",
        ("voorbeeldstad-noord", "voorbeeldstad-zuid"),
    ),
    DemoMember(
        "fg@gemeente.voorbeeldstad.test",
        "Pieter Smulders",
        "Gemeente Voorbeeldstad",
        Role.PRIVACY_OFFICER,
        "Functionaris gegevensbescherming",
        ("voorbeeldstad-noord", "voorbeeldstad-zuid"),
    ),
    DemoMember(
        "beheer@gemeente.voorbeeldstad.test",
        "Kees Amrani",
        "Gemeente Voorbeeldstad",
        Role.ADMINISTRATOR,
        "Applicatiebeheerder",
    ),
    DemoMember(
        "coordinator@gemeente.voorbeeldstad.test",
        "Ingrid Bakker",
        "Gemeente Voorbeeldstad",
        Role.COORDINATOR,
        "Teamleider veiligheid",
    ),
    DemoMember(
        "wijkagent@politie.voorbeeldstad.test",
        "Ricardo Jansen",
        "Politie eenheid Voorbeeldstad",
        Role.PROFESSIONAL,
        "Digitaal wijkagent",
    ),
    DemoMember(
        "jeugdagent@politie.voorbeeldstad.test",
        "Sanne Verhoeven",
        "Politie eenheid Voorbeeldstad",
        Role.PROFESSIONAL,
        "Jeugdagent",
    ),
    DemoMember(
        "coordinator@politie.voorbeeldstad.test",
        "Marco de Groot",
        "Politie eenheid Voorbeeldstad",
        Role.COORDINATOR,
        "Teamchef wijkteam",
    ),
    DemoMember(
        "jongerenwerker@jongerenwerk.voorbeeldstad.test",
        "Yusuf El Idrissi",
        "Stichting Jongerenwerk Voorbeeldstad",
        Role.PROFESSIONAL,
        "Jongerenwerker",
        ("voorbeeldstad-noord", "voorbeeldstad-zuid"),
    ),
    DemoMember(
        "straatcoach@jongerenwerk.voorbeeldstad.test",
        "Demi Kramer",
        "Stichting Jongerenwerk Voorbeeldstad",
        Role.PROFESSIONAL,
        "Straatcoach",
    ),
    DemoMember(
        "coordinator@jongerenwerk.voorbeeldstad.test",
        "Nadia Bouzid",
        "Stichting Jongerenwerk Voorbeeldstad",
        Role.COORDINATOR,
        "Coördinator jongerenwerk",
    ),
    DemoMember(
        "mentor@hetbaken.voorbeeldstad.test",
        "Johan Visser",
        "Het Baken College",
        Role.PROFESSIONAL,
        "Mentor en vertrouwenspersoon",
    ),
    DemoMember(
        "zorgcoordinator@devaart.voorbeeldstad.test",
        "Esra Yilmaz",
        "Lyceum De Vaart",
        Role.PROFESSIONAL,
        "Zorgcoördinator",
    ),
    DemoMember(
        "ggz@ggz.voorbeeldstad.test",
        "Thomas Hendriks",
        "GGZ Voorbeeldstad",
        Role.PROFESSIONAL,
        "Ambulant hulpverlener",
    ),
    DemoMember(
        "boa@handhaving.voorbeeldstad.test",
        "Linda Peeters",
        "Handhaving Voorbeeldstad",
        Role.PROFESSIONAL,
        "BOA openbare ruimte",
    ),
    DemoMember(
        "reclassering@reclassering.voorbeeldstad.test",
        "Samir Haddou",
        "Reclassering regio Voorbeeldstad",
        Role.PROFESSIONAL,
        "Reclasseringswerker",
    ),
    DemoMember(
        "meelezer@gemeente.voorbeeldstad.test",
        "Anouk Vermeulen",
        "Gemeente Voorbeeldstad",
        Role.OBSERVER,
        "Beleidsadviseur jeugd",
    ),
]


def demo_totp_secret(email: str) -> str:
    """A fixed secret per demo account, so `make otp` and the printed list stay valid."""
    digest = hashlib.sha256(f"lont-demo-totp:{email}".encode()).digest()
    return base64.b32encode(digest[:20]).decode()


def _covenant_content() -> dict[str, Any]:
    content = services.default_covenant_content()
    # Voorbeeldstad's own agreement: school staff see summaries of open-source signals only.
    content["sharing"][InformationCategory.ONLINE_OPEN_SOURCE.value][P.EDUCATION.value] = int(
        Access.SUMMARY
    )
    content["working_method"].update(
        {
            "dpia_done": True,
            "dpia_date": "2026-02-16",
            "fg_appointed": True,
            # The demo network agreed to keep copies of reported posts as evidence (C5).
            "preserved_copies": True,
        }
    )
    return content


@transaction.atomic
def load_demo() -> list[DemoMember]:
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured("De demo laadt alleen in demomodus (LONT_DEMO_MODE=1).")
    with context.acting(via="command"), system_context("the demo loaders fill the demo networks"):
        networks = {
            slug: Network.objects.filter(slug=slug).first()
            or services.network_create(name=name, slug=slug, area_description=area)
            for name, slug, area in NETWORKS
        }
        for network in networks.values():
            for name, ptype in ORGANISATIONS:
                if not Organisation.objects.filter(network=network, name=name).exists():
                    services.organisation_create(network=network, name=name, partner_type=ptype)
        users = {}
        user_model = get_user_model()
        for member in MEMBERS:
            user = user_model.objects.filter(email=member.email).first()
            if user is None:
                # Their second factor (a known TOTP secret) is set by the accounts demo loader.
                user = user_model.objects.create_user(
                    member.email, DEMO_PASSWORD, full_name=member.name
                )
            users[member.email] = user
            for slug in member.networks:
                network = networks[slug]
                Membership.objects.get_or_create(
                    user=user,
                    network=network,
                    defaults={
                        "organisation": Organisation.objects.get(
                            network=network, name=member.organisation
                        ),
                        "role": member.role,
                        "function_title": member.function,
                    },
                )
        director = users["regisseur@gemeente.voorbeeldstad.test"]
        privacy_officer = users["fg@gemeente.voorbeeldstad.test"]
        for network in networks.values():
            if network.active_covenant() is None:
                services.covenant_version_create(
                    network=network,
                    actor=director,
                    reason="Convenant vastgesteld in het netwerkoverleg (demo).",
                    director_organisation=Organisation.objects.get(
                        network=network, name="Gemeente Voorbeeldstad"
                    ),
                    director=director,
                    privacy_officer=privacy_officer,
                    content=_covenant_content(),
                )
        for loader in demo_registry.loaders():
            loader(networks)
    return MEMBERS
