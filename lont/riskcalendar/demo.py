"""Demo risk calendar for Voorbeeldstad Noord (all fictional), relative to the day it loads:

- a stabbing between 3031 Collective and Kreekside fourteen months ago, recorded by the
  municipality: its first-anniversary window is open now and raises the level of the rivalry
  between the two groups (this loader runs before the assessment loader computes the levels);
- a verdict ten days ago that Kreekside found too low (flagged);
- the school holidays of this and next year, Ramadan and Eid, and New Year's Eve.

Idempotent: events by their ``source_key``, manual windows by kind and title.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from lont.core.viewer import Viewer
from lont.networks.models import Membership
from lont.subjects.models import Group

from . import rules, services
from .choices import EventKind, WindowKind
from .models import RiskWindow

NETWORK = "voorbeeldstad-noord"
DIRECTOR = "regisseur@gemeente.voorbeeldstad.test"
# First day of Ramadan and the day of Eid al-Fitr (Suikerfeest), approximate: the exact dates
# depend on the moon sighting; the owner adjusts them.
RAMADAN = {
    2026: (dt.date(2026, 2, 18), dt.date(2026, 3, 20)),
    2027: (dt.date(2027, 2, 8), dt.date(2027, 3, 10)),
    2028: (dt.date(2028, 1, 28), dt.date(2028, 2, 27)),
    2029: (dt.date(2029, 1, 16), dt.date(2029, 2, 15)),
}
# School holidays of region Noord (the demo's own approximation: month, day, length in days).
HOLIDAYS = (
    ("Voorjaarsvakantie", 2, 20, 9),
    ("Meivakantie", 4, 25, 9),
    ("Zomervakantie", 7, 11, 44),
    ("Herfstvakantie", 10, 17, 9),
    ("Kerstvakantie", 12, 19, 16),
)


def _viewer(network: Any) -> Viewer | None:
    membership = (
        Membership.objects.filter(network=network, user__email=DIRECTOR, is_active=True)
        .select_related("network", "organisation", "user")
        .first()
    )
    return Viewer(membership) if membership else None


def _manual(
    viewer: Viewer, kind: str, title: str, start: dt.date, end: dt.date, **extra: Any
) -> None:
    if RiskWindow.objects.filter(network=viewer.network, kind=kind, title=title).exists():
        return
    services.window_create(
        viewer=viewer, kind=kind, title=title, starts_on=start, ends_on=end, **extra
    )


def load_demo(networks: dict[str, Any]) -> None:
    network = networks.get(NETWORK)
    if network is None:
        return
    viewer = _viewer(network)
    if viewer is None:
        return
    today = timezone.localdate()
    groups = {g.name: g for g in Group.objects.filter(network=network)}
    rivals = [groups[n] for n in ("3031 Collective", "Kreekside") if n in groups]
    noon = dt.time(12, 0)
    incident_day = rules.add_months(today, -14)
    services.event_record(
        viewer=viewer,
        network=network,
        kind=EventKind.INCIDENT,
        occurred_at=timezone.make_aware(dt.datetime.combine(incident_day, noon)),
        title="Steekpartij bij winkelcentrum De Kreek tussen leden van 3031 en Kreekside",
        groups=rivals,
        area="Noord",
        source_key="demo-incident-kreek",
    )
    services.event_record(
        viewer=viewer,
        network=network,
        kind=EventKind.VERDICT,
        occurred_at=timezone.make_aware(
            dt.datetime.combine(today - dt.timedelta(days=10), dt.time(10, 0))
        ),
        title="Uitspraak in de zaak rond de steekpartij; lager dan Kreekside verwachtte",
        groups=[groups["Kreekside"]] if "Kreekside" in groups else [],
        lower_than_expected=True,
        area="Noord",
        source_key="demo-verdict-kreek",
    )
    for year in (today.year, today.year + 1):
        for name, month, day, days in HOLIDAYS:
            start = dt.date(year, month, day)
            _manual(
                viewer,
                WindowKind.SCHOOL_HOLIDAY,
                f"{name} {year}",
                start,
                start + dt.timedelta(days=days - 1),
            )
        if year in RAMADAN:
            first, eid = RAMADAN[year]
            _manual(
                viewer,
                WindowKind.RELIGIOUS,
                f"Ramadan en Suikerfeest {year}",
                first,
                eid + dt.timedelta(days=2),
            )
        _manual(
            viewer,
            WindowKind.NEW_YEAR,
            f"Jaarwisseling {year}–{year + 1}",
            dt.date(year, 12, 28),
            dt.date(year + 1, 1, 2),
            area="Noord",
            notes="Vuurwerk en samenscholingen rond het Stationsplein.",
        )
