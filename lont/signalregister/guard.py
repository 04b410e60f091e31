"""The systematic-observation guard on the Django side (principle 5, DOMAIN.md §5).

Selects one organisation's online signals about one person and hands their times to the engine
(``lont.engine.observation``); the engine decides. Checked *before* a signal is saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.engine import observation
from lont.engine.parameters import ObservationThresholds
from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.networks.covenant_rules import legal_ceiling
from lont.networks.models import CovenantVersion, Organisation

from .choices import ONLINE_SOURCES
from .models import ProsecutorOrder, SignalPerson

# What a handover passes on: information gathered towards following a person systematically, which
# only a partner with criminal-law powers may act on (art. 126g Sv). The law caps who may read it.
HANDOVER_CATEGORY = InformationCategory.CRIMINAL


def may_receive_handover(organisation: Organisation) -> bool:
    """Whether the law lets this organisation read a handover in full (``legal_ceiling``)."""
    ceiling = legal_ceiling(
        HANDOVER_CATEGORY, organisation.partner_type, organisation.legal_powers or []
    )
    return ceiling == Access.FULL


@dataclass(frozen=True)
class PersonCheck:
    person_id: int
    alias: str
    check: observation.ObservationCheck


def thresholds(covenant: CovenantVersion | None) -> ObservationThresholds:
    """The covenant's thresholds (count in 30 days, span in weeks, total) in the engine's terms."""
    raw = (covenant.observation_thresholds if covenant else None) or {}
    default = ObservationThresholds()
    return ObservationThresholds(
        window_count=int(raw.get("count_30_days", default.window_count)),
        window_days=30,
        span_days=int(raw.get("span_weeks", default.span_days // 7)) * 7,
        total=int(raw.get("total", default.total)),
    )


def valid_order(
    organisation: Organisation, person_id: int, today: dt.date
) -> ProsecutorOrder | None:
    with system_context("the observation guard reads the organisation's own prosecutor orders"):
        orders = list(
            ProsecutorOrder.objects.filter(
                organisation=organisation, person_id=person_id, issued_on__lte=today
            ).order_by("-issued_on", "-pk")
        )
    for order in orders:
        if order.valid_until is None or order.valid_until >= today:
            return order
    return None


def engine_order(order: ProsecutorOrder | None) -> observation.ProsecutorOrder | None:
    if order is None:
        return None
    return observation.ProsecutorOrder(
        reference=order.reference,
        issued_on=order.issued_on,
        scope_nl=order.scope,
        valid_until=order.valid_until,
    )


def check_people(
    viewer: Viewer,
    *,
    people: list[tuple[int, str]],
    source_type: str,
    observed_at: dt.datetime,
    exclude_signal_id: int | None = None,
) -> list[PersonCheck]:
    """The guard's verdict for each person (id, alias) on an online signal about to be saved by
    the viewer's organisation. Offline sources are never checked (empty list)."""
    if source_type not in ONLINE_SOURCES or not people:
        return []
    limits = thresholds(viewer.covenant)
    for_police = viewer.partner_type == PartnerType.POLICE
    today = timezone.localdate()
    rows = (
        SignalPerson.objects.for_viewer(viewer)
        .filter(
            signal__organisation=viewer.organisation,
            signal__source_type__in=list(ONLINE_SOURCES),
            person_id__in=[pid for pid, _ in people],
        )
        .exclude(signal_id=exclude_signal_id or 0)
        .values_list("person_id", "signal_id", "signal__observed_at")
    )
    times: dict[int, dict[int, dt.datetime]] = {}
    for person_id, signal_id, at in rows:
        times.setdefault(person_id, {})[signal_id] = at  # one time per signal, whatever the roles
    results = []
    for person_id, alias in people:
        order = valid_order(viewer.organisation, person_id, today) if for_police else None
        check = observation.check_observation(
            times.get(person_id, {}).values(),
            for_police=for_police,
            new_at=observed_at,
            thresholds=limits,
            order=engine_order(order),
            today=today,
        )
        results.append(PersonCheck(person_id, alias, check))
    return results


def blocking(checks: list[PersonCheck]) -> list[PersonCheck]:
    """The checks that stop the save: crossed and not covered by a valid order."""
    return [c for c in checks if c.check.crossed and not c.check.covered_by_order]
