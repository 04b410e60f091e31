"""The demo social map's data: 40 invented contacts in Voorbeeldstad Noord (names, roles, areas,
reach to the subjects demo groups by name, and a few members they know by alias). All fictional;
phone numbers are 06-0000xxxx and e-mail addresses end in .test."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .choices import ContactKind as K

NETWORK = "voorbeeldstad-noord"
JW = "Stichting Jongerenwerk Voorbeeldstad"
GEM = "Gemeente Voorbeeldstad"
POL = "Politie eenheid Voorbeeldstad"
SCHOOL = "Het Baken College"
HH = "Handhaving Voorbeeldstad"

CONSENT = dt.date(2026, 3, 2)
OLD_CONSENT = dt.date(
    2024, 5, 14
)  # older than the covenant's 730 days: shows "toestemming herzien"
SCOPE = "Mag gebeld worden door het netwerk bij spanningen rond jongeren in de wijk."


@dataclass(frozen=True)
class DemoContact:
    name: str
    kind: str
    recorded_by: str
    role: str = ""
    employer: str = ""
    areas: tuple[str, ...] = ("Noorderhaven",)
    languages: tuple[str, ...] = ("Nederlands",)
    out_of_hours: bool = False
    availability: str = "Werkdagen 9–17 uur"
    handles: dict[str, str] = field(default_factory=dict)
    followers: dict[str, int] = field(default_factory=dict)
    member_email: str = ""
    consent: dt.date | None = CONSENT
    reach: tuple[tuple[str, str, str], ...] = ()


# Group names as the subjects demo records them (the group's own name, never "bende").
NH, KC, MK, SY, FAM = (
    "3031 Collective",
    "Kreekside",
    "De Kooi Noorderhaven",
    "Schoolpleingroep Het Baken",
    "De Neven",
)
ST, B7, GM = "Stationspleingroep", "Blok 7", "Stationskwartier Gamers"

CONTACTS: list[DemoContact] = [
    # Professionals of partners (linked to their membership in the network).
    DemoContact(
        "Yusuf El Idrissi",
        K.PARTNER_PROFESSIONAL,
        JW,
        "Jongerenwerker",
        JW,
        ("Noorderhaven", "De Kreek"),
        ("Nederlands", "Arabisch", "Tarifit"),
        True,
        "Ma–vr, ook avonden via de piketlijn",
        {"instagram": "@jw_yusuf_vbs"},
        member_email="jongerenwerker@jongerenwerk.voorbeeldstad.test",
        reach=(
            (NH, "sterk", "Wekelijks contact in De Loods en via Instagram"),
            (MK, "redelijk", "Kent de oudere jongens uit de voetbalkooi"),
        ),
    ),
    DemoContact(
        "Demi Kramer",
        K.PARTNER_PROFESSIONAL,
        JW,
        "Straatcoach",
        JW,
        ("Molenkamp", "Noorderhaven"),
        out_of_hours=True,
        availability="Avonden en weekend op straat",
        handles={"tiktok": "@straatcoach_demi"},
        member_email="straatcoach@jongerenwerk.voorbeeldstad.test",
        reach=((MK, "sterk", "Loopt elke avond langs de voetbalkooi"),),
    ),
    DemoContact(
        "Ricardo Jansen",
        K.PARTNER_PROFESSIONAL,
        POL,
        "Digitaal wijkagent",
        POL,
        ("Noorderhaven", "Stationsgebied"),
        handles={"instagram": "@wijkagent_ricardo"},
        member_email="wijkagent@politie.voorbeeldstad.test",
        reach=((NH, "zwak", "Herkenbaar online aanwezig, weinig persoonlijk contact"),),
    ),
    DemoContact(
        "Johan Visser",
        K.PARTNER_PROFESSIONAL,
        SCHOOL,
        "Mentor en vertrouwenspersoon",
        SCHOOL,
        ("Noorderhaven",),
        member_email="mentor@hetbaken.voorbeeldstad.test",
        reach=((SY, "sterk", "Mentor van de meeste leerlingen in de groep"),),
    ),
    DemoContact(
        "Linda Peeters",
        K.PARTNER_PROFESSIONAL,
        HH,
        "BOA openbare ruimte",
        HH,
        ("Stationsgebied",),
        member_email="boa@handhaving.voorbeeldstad.test",
        reach=((ST, "redelijk", "Spreekt de groep aan bij de fietsenstalling"),),
    ),
    # Professionals outside the network.
    DemoContact(
        "Marloes Dekker",
        K.EXTERNAL_PROFESSIONAL,
        GEM,
        "Schoolmaatschappelijk werker",
        "ROC Voorbeeldstad",
        ("Noorderhaven", "De Kreek"),
    ),
    DemoContact(
        "Bram Wouters",
        K.EXTERNAL_PROFESSIONAL,
        GEM,
        "Jongerencoach werk en inkomen",
        "Werkplein Voorbeeldstad",
        ("Noorderhaven", "Molenkamp"),
    ),
    DemoContact(
        "Eline van Dam",
        K.EXTERNAL_PROFESSIONAL,
        GEM,
        "Ambulant begeleider",
        "Jeugdteam Noord",
        ("Molenkamp",),
        reach=((FAM, "redelijk", "Begeleidt twee gezinnen"),),
    ),
    DemoContact(
        "Karim Ouali",
        K.EXTERNAL_PROFESSIONAL,
        GEM,
        "Buurtbemiddelaar",
        "Buurtbemiddeling Voorbeeldstad",
        ("De Kreek",),
        ("Nederlands", "Arabisch"),
        reach=((B7, "zwak", "Bemiddelde bij overlast op de galerij"),),
    ),
    # Teachers.
    DemoContact(
        "Annelies Brouwer",
        K.TEACHER,
        SCHOOL,
        "Docent lichamelijke opvoeding",
        SCHOOL,
        reach=((SY, "redelijk", "Geeft de groep gym en leidt het schoolvoetbal"),),
    ),
    DemoContact(
        "Mehmet Kaya",
        K.TEACHER,
        SCHOOL,
        "Docent muziek, leidt de schoolstudio",
        "Vonk Lyceum",
        ("Noorderhaven", "Centrum"),
        ("Nederlands", "Turks"),
        reach=((NH, "redelijk", "Jongens nemen op in de schoolstudio"),),
    ),
    DemoContact(
        "Sophie Jacobs", K.TEACHER, SCHOOL, "Docent Nederlands", "ROC Voorbeeldstad", ("De Kreek",)
    ),
    # Key figures.
    DemoContact(
        "Rachid Benali",
        K.KEY_FIGURE,
        JW,
        "Beheerder buurthuis Het Anker",
        "Buurthuis Het Anker",
        ("Noorderhaven",),
        ("Nederlands", "Arabisch"),
        True,
        "Dagelijks in het buurthuis, ook 's avonds",
        reach=((NH, "sterk", "De jongens komen dagelijks in het buurthuis"),),
    ),
    DemoContact(
        "Gerda Visscher",
        K.KEY_FIGURE,
        GEM,
        "Voorzitter bewonerscommissie",
        "Bewonerscommissie Noorderhaven",
        ("Noorderhaven",),
    ),
    DemoContact(
        "Priscilla Martina",
        K.KEY_FIGURE,
        JW,
        "Organiseert studio-avonden",
        "",
        ("Noorderhaven", "De Kreek"),
        ("Nederlands", "Papiaments"),
        True,
        reach=((NH, "redelijk", "Studio-avonden op donderdag"),),
    ),
    DemoContact(
        "Dennis Koster",
        K.KEY_FIGURE,
        JW,
        "Oud-bewoner met aanzien in de wijk",
        "",
        ("Molenkamp",),
        reach=((MK, "sterk", "Kent de families al jaren"),),
    ),
    DemoContact(
        "Anouar Said",
        K.KEY_FIGURE,
        JW,
        "Vrijwilliger zaalvoetbal",
        "",
        ("De Kreek",),
        ("Nederlands", "Arabisch"),
        reach=((KC, "redelijk", "Zaalvoetbal op vrijdag"),),
    ),
    # Credible messengers.
    DemoContact(
        "Jermaine Cijntje",
        K.CREDIBLE_MESSENGER,
        JW,
        "Oud-drillartiest, nu mentor",
        "",
        ("Noorderhaven",),
        ("Nederlands", "Papiaments"),
        True,
        "Via de jongerenwerker, ook 's avonds",
        {"instagram": "@jermaine_mentor"},
        reach=((NH, "sterk", "Wordt gerespecteerd om zijn eigen verhaal"),),
    ),
    DemoContact(
        "Mo Haddaoui",
        K.CREDIBLE_MESSENGER,
        JW,
        "Ervaringsdeskundige",
        "",
        ("Molenkamp",),
        ("Nederlands", "Arabisch"),
        True,
        reach=((MK, "redelijk", "Groeide op in Molenkamp"),),
    ),
    DemoContact(
        "Kevin Tromp",
        K.CREDIBLE_MESSENGER,
        JW,
        "Oud-groepslid, nu buurtsportcoach",
        "",
        ("De Kreek",),
        reach=((KC, "sterk", "Was zelf jaren de oudere jongen in De Kreek"),),
    ),
    DemoContact(
        "Samira el Khatib",
        K.CREDIBLE_MESSENGER,
        GEM,
        "Ervaringsdeskundige moeder",
        "",
        ("Noorderhaven", "De Kreek"),
        ("Nederlands", "Arabisch"),
    ),
    DemoContact(
        "Lucas Pinas",
        K.CREDIBLE_MESSENGER,
        JW,
        "Rapper en workshopleider",
        "",
        ("Noorderhaven", "Centrum"),
        handles={"youtube": "@lucaspinas_workshops"},
        followers={"youtube": 8400},
        reach=((NH, "redelijk", "Schrijfworkshops"),),
    ),
    DemoContact(
        "Ayoub Ziani",
        K.CREDIBLE_MESSENGER,
        JW,
        "Jongerenwerker in opleiding",
        "",
        ("De Kreek",),
        ("Nederlands", "Tarifit"),
        reach=((KC, "redelijk", "Oud-buurtgenoot"),),
    ),
    # Influencers (reach per platform).
    DemoContact(
        "Nina Verbeek",
        K.INFLUENCER,
        JW,
        "TikTok-maker (NoordsideNina)",
        "",
        ("Noorderhaven",),
        handles={"tiktok": "@noordsidenina_demo"},
        followers={"tiktok": 48200, "instagram": 12100},
        reach=((GM, "zwak", "Veel leden volgen haar"),),
    ),
    DemoContact(
        "Danny Rozenberg",
        K.INFLUENCER,
        JW,
        "YouTuber streetsoccer",
        "",
        ("De Kreek",),
        handles={"youtube": "@dannystreet_demo"},
        followers={"youtube": 23000},
        reach=((KC, "zwak", "Volgen zijn video's"),),
    ),
    # Parents (with consent).
    DemoContact(
        "Ingrid de Boer", K.PARENT, JW, "Ouder, actief in de ouderavonden", "", ("Noorderhaven",)
    ),
    DemoContact("Fatma Yildiz", K.PARENT, JW, "Ouder", "", ("Molenkamp",), ("Nederlands", "Turks")),
    DemoContact(
        "Marco Hoekstra",
        K.PARENT,
        SCHOOL,
        "Ouder, ouderraad Het Baken",
        "",
        ("Noorderhaven",),
        reach=((SY, "zwak", "Ouderraad"),),
    ),
    DemoContact(
        "Naima Bakkali",
        K.PARENT,
        JW,
        "Ouder",
        "",
        ("De Kreek",),
        ("Nederlands", "Arabisch"),
        consent=OLD_CONSENT,
    ),
    DemoContact(
        "Patricia Sedney",
        K.PARENT,
        GEM,
        "Ouder, buurtmoeder",
        "",
        ("Noorderhaven",),
        ("Nederlands", "Sranantongo"),
        True,
    ),
    DemoContact("Erik Vos", K.PARENT, JW, "Ouder", "", ("Molenkamp",)),
    # Shop owners.
    DemoContact(
        "Ali Demir",
        K.SHOP_OWNER,
        JW,
        "Eigenaar",
        "Snackbar De Gouden Hap",
        ("Noorderhaven",),
        ("Nederlands", "Turks"),
        True,
        "Dagelijks 12–23 uur",
        reach=((NH, "redelijk", "De groep hangt voor de snackbar"),),
    ),
    DemoContact(
        "Wendy Smit", K.SHOP_OWNER, GEM, "Eigenaar", "Kapsalon Fresh Cuts", ("Noorderhaven",)
    ),
    DemoContact(
        "Joost Lammers",
        K.SHOP_OWNER,
        HH,
        "Bedrijfsleider",
        "Telefoonwinkel Station Noord",
        ("Stationsgebied",),
        reach=((ST, "zwak", "De groep hangt voor de winkel"),),
    ),
    # Sports coaches.
    DemoContact(
        "Ronald Groen",
        K.SPORTS_COACH,
        JW,
        "Trainer JO19",
        "SV Noorderhaven",
        ("Noorderhaven",),
        reach=((NH, "zwak", "Twee jongens spelen in JO19"),),
    ),
    DemoContact(
        "Sevda Arslan",
        K.SPORTS_COACH,
        JW,
        "Kickbokstrainer",
        "Kickboksschool De Kreek",
        ("De Kreek",),
        ("Nederlands", "Turks"),
        True,
        reach=((KC, "sterk", "Traint een groot deel van de groep"),),
    ),
    DemoContact(
        "Tim Bakker",
        K.SPORTS_COACH,
        GEM,
        "Coach trapveld",
        "Trapveld Molenkamp",
        ("Molenkamp",),
        reach=((MK, "redelijk", "Organiseert het woensdagtoernooi in de kooi"),),
    ),
    # Faith leaders.
    DemoContact("Hanneke Vermeer", K.FAITH_LEADER, GEM, "Dominee", "Kreekkerk", ("De Kreek",)),
    DemoContact(
        "Tarik Bouali",
        K.FAITH_LEADER,
        GEM,
        "Imam",
        "Moskee Noorderhaven",
        ("Noorderhaven",),
        ("Nederlands", "Arabisch"),
        reach=((FAM, "redelijk", "Kent de families via de moskee"),),
    ),
    # Other.
    DemoContact("Henk Zwart", K.OTHER, JW, "Conciërge", "Buurthuis Het Anker", ("Noorderhaven",)),
]


# Contacts who know a group member personally (aliases from the subjects demo).
PERSON_LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "Jermaine Cijntje": (
        ("Kay-Dertig", "mentor sinds 2025"),
        ("Lil Haven", "kent hem uit de studio"),
    ),
    "Sevda Arslan": (("Big Kreek", "kickbokstrainer"),),
    "Ronald Groen": (("Panna Pim", "trainer JO17"),),
    "Johan Visser": (("Brugpieper", "mentor"),),
    "Kevin Tromp": (("Dex KS", "oud-teamgenoot"),),
    "Rachid Benali": (("Mo Studio", "beheert de studio waar hij opneemt"),),
}
