"""The demo's invented content: groups of Voorbeeldstad Noord and aliases. All fictional."""

from __future__ import annotations

from typing import Any

from .choices import AgeBand, Bind, CorePurpose, FormationStage, MemberRole

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
            "platforms": ["YouTube", "Instagram", "TikTok"],
            "online_channels": [
                {"platform": "YouTube", "channel": "3031 Collective"},
                {"platform": "Instagram", "channel": "@3031collective"},
            ],
            "size_estimate": 14,
            "age_min": 15,
            "age_max": 21,
            "description": "Drillcollectief dat tracks opneemt over de eigen postcode.",
            "strengths": "Sterk groepsgevoel, muzikaal talent, "
            "een paar leden willen een studio-opleiding.",
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
            "platforms": ["YouTube", "Snapchat", "Instagram"],
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
            "description": "Brugklassers en tweedeklassers die elkaar online "
            "en op het plein opzoeken.",
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
            "description": "Neven en vrienden die samen optrekken; "
            "enkele contacten met 3031 Collective.",
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
            "platforms": ["Discord", "TikTok"],
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
ROLES = [
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
