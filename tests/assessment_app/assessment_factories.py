"""Factories for signals, situations and meetings in the assessment app's tests (fictional data)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from lont.core.viewer import Viewer
from lont.knowledge.models import Indicator
from lont.networks.models import Membership, Network
from lont.signalregister.models import (
    ContextNote,
    Signal,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
)

_seq = itertools.count(1)


def indicator(
    network: Network, weight_class: str = "strong", category: str = "online"
) -> Indicator:
    code = f"test.{weight_class}.{category}"
    row, _ = Indicator.objects.get_or_create(
        network=network,
        code=code,
        defaults={
            "label_nl": f"testindicator {weight_class}",
            "label_en": f"test indicator {weight_class}",
            "phase": "peacetime",
            "category": category,
            "weight_class": weight_class,
            "default_weight_class": weight_class,
        },
    )
    return row


def signal_factory(
    member: Membership,
    *,
    days_ago: float = 1,
    source_type: str = "open_online",
    weights: tuple[str, ...] = ("strong",),
    description: str = "Geheime inhoud van een testsignaal",
    people: tuple[tuple[Any, str], ...] = (),
    groups: tuple[Any, ...] = (),
    **fields: Any,
) -> Signal:
    signal = Signal.objects.create(
        network=member.network,
        organisation=member.organisation,
        reported_by=member,
        observed_at=timezone.now() - dt.timedelta(days=days_ago),
        source_type=source_type,
        description=description,
        **fields,
    )
    for weight in weights:
        SignalIndicator.objects.create(
            network=member.network, signal=signal, indicator=indicator(member.network, weight)
        )
    for person, role in people:
        SignalPerson.objects.create(network=member.network, signal=signal, person=person, role=role)
    for group in groups:
        SignalGroup.objects.create(network=member.network, signal=signal, group=group)
    return signal


def note_factory(
    member: Membership, signal: Signal, adjustment: int, reason: str = "Running gag"
) -> ContextNote:
    return ContextNote.objects.create(
        network=member.network,
        signal=signal,
        organisation=member.organisation,
        author=member,
        adjustment=adjustment,
        reason=reason,
    )


def situation_factory(member: Membership, *signals: Signal, **data: Any) -> Any:
    from lont.assessment import services

    data.setdefault("kind", "rivalry")
    data.setdefault("title", f"Situatie {next(_seq)}")
    situation = services.situation_create(viewer=Viewer(member), data=data)
    if signals:
        services.situation_link_signals(viewer=Viewer(member), situation=situation, signals=signals)
    return situation
