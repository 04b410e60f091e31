"""Demo signals for Voorbeeldstad Noord: about 300 over the past 12 months, all fictional.

Built with the situation engine in mind: a rivalry (3031 Collective vs Kreekside) with drill
videos whose personal attacks and shows of weapons rise month by month over the last six months;
a burst of signals about the Stationspleingroep in the last 14 days (trend break); a police signal
about De Kooi defused by a youth worker's context note (−2); one person near the guard threshold
(two online police signals in 30 days); and ordinary signals spread over the year.

Deterministic (seeded) and idempotent: nothing happens when the demo signals exist. Dates are
relative to the moment of loading.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from lont.audit.changelog import update_logged
from lont.core import context
from lont.core.viewer import Viewer
from lont.knowledge.models import Indicator
from lont.networks.models import Membership
from lont.presence.models import ProfessionalAccount
from lont.subjects.models import Group, Person

from . import services
from .attachments import CleanImage
from .choices import PersonRole, RequestOutcome, RequestSize, SourceType
from .models import Signal
from .proposals import Proposals

NETWORK = "voorbeeldstad-noord"
POLICE = "wijkagent@politie.voorbeeldstad.test"
YOUTH_POLICE = "jeugdagent@politie.voorbeeldstad.test"
YOUTH = "jongerenwerker@jongerenwerk.voorbeeldstad.test"
COACH = "straatcoach@jongerenwerk.voorbeeldstad.test"
SCHOOL = "mentor@hetbaken.voorbeeldstad.test"
MUNICIPALITY = "coordinator@gemeente.voorbeeldstad.test"
BOA = "boa@handhaving.voorbeeldstad.test"
TOTAL = 300
GUARD_PERSON = "Tiko"

ORDINARY_TEXTS = [
    "Story met een groepsfoto bij het winkelcentrum; sfeer uitdagend.",
    "Reacties onder een clip lopen op; leden van een andere groep taggen elkaar.",
    "Jongeren vertellen over ruzie op het schoolplein van vorige week.",
    "Bericht in een groepschat over 'afrekenen'; onduidelijk met wie.",
    "Livestream vanuit het park; veel kijkers uit andere wijken.",
    "Nieuwe naam en logo in profielen van de groep.",
    "Melding van een buurtbewoner over een samenscholing 's avonds.",
    "Filmpje van een vernederende grap rondgestuurd.",
    "Rustig gesprek met een paar jongeren; zij maken zich zorgen om een vriend.",
    "Oproep in een story om 'zaterdag te laten zien wie er is'.",
]
DRILL_TEXTS = [
    "Nieuwe drillclip met verwijzingen naar de andere groep.",
    "Drillclip: leden poseren bij bekende plek van de rivalen.",
    "Diss-track met namen van leden van de andere groep.",
]
SOURCE_BY_EMAIL = {
    POLICE: [SourceType.OPEN_ONLINE, SourceType.OWN_OFFLINE, SourceType.TIP_ANONYMOUS],
    YOUTH_POLICE: [SourceType.OPEN_ONLINE, SourceType.OWN_OFFLINE],
    YOUTH: [SourceType.OWN_OFFLINE, SourceType.SHARED_BY_YOUNG_PERSON, SourceType.OPEN_ONLINE],
    COACH: [SourceType.OWN_OFFLINE, SourceType.TIP_NAMED],
    SCHOOL: [SourceType.OWN_OFFLINE, SourceType.SHARED_BY_YOUNG_PERSON],
    MUNICIPALITY: [SourceType.MEDIA, SourceType.OTHER_PARTNER],
    BOA: [SourceType.OWN_OFFLINE],
}


def _png(seed: int) -> CleanImage:
    image = Image.new("RGB", (24, 16), (seed * 37 % 255, 80, 120))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return CleanImage(ContentFile(out.getvalue(), name="demo.png"), "png", "image/png", 24, 16)


class _Builder:
    def __init__(self, network: Any) -> None:
        self.network = network
        self.now = timezone.now()
        self.rng = random.Random(4040)
        self.viewers = {
            m.user.email: Viewer(m)
            for m in Membership.objects.select_related("user", "network", "organisation").filter(
                network=network, user__email__in=list(SOURCE_BY_EMAIL)
            )
        }
        self.groups = {g.name: g for g in Group.objects.filter(network=network)}
        self.indicators = {i.code: i for i in Indicator.objects.filter(network=network)}
        # The roster (P3): an online signal names its organisation's account on that platform.
        self.accounts = {
            (a.organisation_id, a.platform.lower()): a
            for a in ProfessionalAccount.objects.filter(network=network, active=True)
        }
        self.count = 0

    def ind(self, *codes: str) -> list[Indicator]:
        return [self.indicators[c] for c in codes if c in self.indicators]

    def add(self, email: str, *, key: str, days_ago: float, **kw: Any) -> Signal:
        viewer = self.viewers[email]
        parts = services.SignalParts(
            people=kw.pop("people", []),
            groups=kw.pop("groups", []),
            indicators=kw.pop("indicators", []),
            engagement=kw.pop("engagement", []),
            requests=kw.pop("requests", []),
            attachments=kw.pop("attachments", []),
            proposals=kw.pop("proposals", None),
        )
        kw.setdefault("platform", "Instagram" if kw["source_type"] in ONLINE else "")
        if kw["source_type"] in ONLINE and "professional_account" not in kw:
            kw["professional_account"] = self.accounts.get(
                (viewer.organisation.pk, kw["platform"].lower())
            )
        signal = services.signal_create(
            viewer=viewer,
            fields={"observed_at": self.now - dt.timedelta(days=days_ago), **kw},
            parts=parts,
        )
        update_logged(Signal.objects.filter(pk=signal.pk), demo_key=f"demo:{key}")
        self.count += 1
        return signal


ONLINE = {SourceType.OPEN_ONLINE, SourceType.SHARED_BY_YOUNG_PERSON}


def load_demo(networks: dict[str, Any]) -> None:
    network = networks.get(NETWORK)
    if (
        network is None
        or Signal.objects.filter(network=network, demo_key__startswith="demo:").exists()
    ):
        return
    b = _Builder(network)
    if len(b.viewers) < len(SOURCE_BY_EMAIL) or "3031 Collective" not in b.groups:
        return  # the networks or subjects demo is not there: nothing to attach signals to
    with (
        context.acting(user=b.viewers[POLICE].user, network=network, via="command"),
        transaction.atomic(),
    ):
        _rivalry(b)
        _burst(b)
        _false_alarm(b)
        _guard_person(b)
        _ordinary(b)


def _rivalry(b: _Builder) -> None:
    """3031 vs Kreekside: drill attacks and shows rising over the last six months."""
    a, k = b.groups["3031 Collective"], b.groups["Kreekside"]
    for month in range(12):  # month 11 = the oldest
        recent = max(0, 5 - month)  # 0 for months 6-11, rising to 5 in the last month
        clips = 1 if month >= 6 else 1 + recent // 2
        for n in range(clips):
            sender, target = (a, k) if (month + n) % 2 == 0 else (k, a)
            b.add(
                POLICE if n % 2 == 0 else YOUTH_POLICE,
                key=f"drill-{month}-{n}",
                days_ago=month * 30 + 5 + n * 3,
                source_type=SourceType.OPEN_ONLINE,
                platform="YouTube",
                description=b.rng.choice(DRILL_TEXTS),
                is_drill=True,
                drill_personal_attacks=1 + recent * 2 if month < 6 else b.rng.choice([0, 1]),
                drill_weapons_shown=recent if month < 6 else 0,
                drill_members_shown=2 + recent if month < 6 else 1,
                drill_target_group=target,
                groups=[sender],
                indicators=b.ind("drill.personal_attacks", "drill.weapons_members"),
                engagement=[
                    {
                        "at": b.now - dt.timedelta(days=month * 30 + 4 - d),
                        "views": v,
                        "likes": v // 10,
                        "reposts": v // 50,
                        "comments": v // 20,
                    }
                    for d, v in ((0, 800 + 300 * recent), (2, 2400 + 900 * recent))
                ],
            )


def _burst(b: _Builder) -> None:
    """Stationspleingroep: quiet for months, then nine signals in the last two weeks."""
    group = b.groups["Stationspleingroep"]
    for n, days in enumerate([80, 45]):
        b.add(
            YOUTH,
            key=f"station-old-{n}",
            days_ago=days,
            source_type=SourceType.OWN_OFFLINE,
            description="Groep hangt rond bij het station; rustig.",
            groups=[group],
            indicators=b.ind("online.network_visible"),
        )
    for n in range(9):
        email = [YOUTH, COACH, SCHOOL, POLICE][n % 4]
        source = SourceType.OWN_OFFLINE if email != POLICE else SourceType.OPEN_ONLINE
        b.add(
            email,
            key=f"station-burst-{n}",
            days_ago=1 + n * 1.4,
            source_type=source,
            description="Toon in berichten en op straat wordt grimmiger; oproepen om 'klaar te staan'.",
            groups=[group],
            call_to_action=n >= 6,
            indicators=b.ind(
                "online.group_pressure",
                "online.content_change",
                *(["provocation.1"] if n >= 5 else []),
            ),
        )


def _false_alarm(b: _Builder) -> None:
    group = b.groups["De Kooi Noorderhaven"]
    signal = b.add(
        POLICE,
        key="false-alarm",
        days_ago=6,
        source_type=SourceType.OPEN_ONLINE,
        description="Bericht 'vrijdag kooi, iedereen komen, het gaat gebeuren'.",
        groups=[group],
        call_to_action=True,
        mentioned_place="Voetbalkooi Noorderhaven",
        indicators=b.ind("online.time_place", "online.group_pressure"),
    )
    services.context_note_create(
        viewer=b.viewers[YOUTH],
        signal=signal,
        adjustment=-2,
        reason="running gag in deze groep: 'het gaat gebeuren' gaat over hun voetbaltoernooi.",
    )


def _guard_person(b: _Builder) -> None:
    person = Person.objects.filter(network=b.network, alias=GUARD_PERSON).first()
    if person is None:
        return
    for n, days in enumerate([20, 5]):
        b.add(
            POLICE,
            key=f"guard-{n}",
            days_ago=days,
            source_type=SourceType.OPEN_ONLINE,
            description="Story met uitdagende tekst richting Kreekside.",
            groups=[b.groups["3031 Collective"]],
            people=[(person, PersonRole.INVOLVED)],
            indicators=b.ind("online.reputation_family"),
        )


def _ordinary(b: _Builder) -> None:
    groups = sorted(b.groups.values(), key=lambda g: g.pk)
    quiet = [g for g in groups if g.name not in ("Stationspleingroep",)]
    codes = [c for c in b.indicators if c.startswith(("online.", "provocation.", "nonverbal.0"))]
    emails = sorted(SOURCE_BY_EMAIL)
    n = 0
    while b.count < TOTAL:
        rng = b.rng
        email = rng.choice(emails)
        source = rng.choice(SOURCE_BY_EMAIL[email])
        group = rng.choice(quiet)
        kw: dict[str, Any] = {}
        if source not in ONLINE and rng.random() < 0.4:
            people = list(
                Person.objects.filter(network=b.network, organisation__isnull=False).order_by("pk")[
                    :60
                ]
            )
            if people:
                kw["people"] = [(rng.choice(people), PersonRole.INVOLVED)]
        if source == SourceType.OPEN_ONLINE and email == YOUTH and n % 15 == 0:
            kw["attachments"] = [_png(n)]
        if rng.random() < 0.05:
            people = list(Person.objects.filter(network=b.network).order_by("pk")[:20])
            if len(people) > 1 and source not in ONLINE:
                kw["requests"] = [
                    {
                        "what": "Vraagt om een filmpje te delen",
                        "size": RequestSize.SMALL,
                        "outcome": RequestOutcome.COMPLIED,
                        "requester_person": people[0],
                        "target_person": people[1],
                    }
                ]
        days_ago = 16 + rng.random() * 348
        description = rng.choice(ORDINARY_TEXTS)
        indicators = b.ind(*rng.sample(codes, k=rng.choice([1, 1, 2, 3])))
        if source in ONLINE and n % 3:
            kw["proposals"] = _demo_proposals(b, n, indicators)
        b.add(
            email,
            key=f"ordinary-{n}",
            days_ago=days_ago,
            source_type=source,
            description=description,
            groups=[group],
            indicators=indicators,
            **kw,
        )
        n += 1


def _demo_proposals(b: _Builder, n: int, saved: list[Indicator]) -> Proposals:
    """Made-up proposals of "Analyseer en vul in" for the director's page of the analyser's
    precision and recall: mostly what was saved, sometimes one indicator missed or one extra
    proposed (its own random stream, so the rest of the demo stays as it was)."""
    rng = random.Random(1515 + n)
    proposed = list(saved)
    if len(proposed) > 1 and rng.random() < 0.3:
        proposed.pop(rng.randrange(len(proposed)))
    if rng.random() < 0.25:
        extra = [
            i for i in b.indicators.values() if i not in saved and i.code.startswith("online.")
        ]
        if extra:
            proposed.append(min(extra, key=lambda i: i.code))
    return Proposals(threat=rng.random() < 0.1, indicators=tuple(proposed))
