"""What the text analyser proposed in the signal form, and what the professional kept (issue 15,
item 4: learning from the network's own confirmed signals).

"Analyseer en vul in" (:mod:`.prefill`) puts the analyser's proposals in a hidden form field,
signed by the server (:func:`sign`), so a saved signal can say per proposal whether it was
accepted, changed or removed, and what the professional added that the analyser missed. The
hidden field never carries the place's text, only a digest of it; nothing but kind, outcome and
indicator is stored (:class:`~.models.SignalProposal`). A missing, stale or tampered field is
ignored: the signal is saved without proposals, never refused.

Outcomes per proposal (the saved signal is the professional's judgement):

* time / place: proposed and saved the same → accepted; both, different → changed; proposed,
  saved empty → removed; not proposed, saved → added (the analyser missed it).
* call to action / threat: proposed and ticked → accepted; proposed, unticked → removed; not
  proposed, ticked → added.
* indicators: proposed and kept → accepted; proposed, not kept → removed; kept, not proposed →
  added.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.utils import timezone

from lont.analyser.normalise import squash

from .choices import ProposalKind, ProposalOutcome

SALT = "lont.signalregister.analyser-proposals"
# A form left open longer than this is saved without its proposals (they may be outdated).
MAX_AGE = dt.timedelta(hours=12)
TIME_FORMAT = "%Y-%m-%dT%H:%M"


@dataclass(frozen=True)
class Proposals:
    """The analyser's proposals for one signal form (indicators as model instances)."""

    time: str = ""  # local wall-clock minute, TIME_FORMAT
    place: str = ""  # digest of the folded place name, never the name itself
    call_to_action: bool = False
    threat: bool = False
    indicators: tuple[Any, ...] = field(default_factory=tuple)


def place_digest(place: str) -> str:
    """A short digest of a place name, folded so case and spacing do not count as a change."""
    key = squash(place)
    return hashlib.sha256(key.encode()).hexdigest()[:16] if key else ""


def local_minute(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime(TIME_FORMAT)


def sign(
    *,
    time: str,
    place: str,
    call_to_action: bool,
    threat: bool,
    indicator_ids: Iterable[int],
) -> str:
    """The hidden field's value: the proposals, signed (``place`` is digested here)."""
    payload = {
        "t": time,
        "p": place_digest(place),
        "c": bool(call_to_action),
        "d": bool(threat),
        "i": sorted({int(pk) for pk in indicator_ids}),
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def unsign(value: str, indicators: Any) -> Proposals | None:
    """The proposals in a hidden field's value, or None when it is empty, stale or not ours.

    ``indicators`` is the queryset of indicators the viewer may choose; ids outside it are
    dropped.
    """
    if not value:
        return None
    try:
        payload = signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(payload, dict):
        return None
    time, place = payload.get("t"), payload.get("p")
    ids = payload.get("i")
    if not isinstance(time, str) or not isinstance(place, str) or not isinstance(ids, list):
        return None
    if not all(isinstance(pk, int) for pk in ids):
        return None
    if time:
        try:
            dt.datetime.strptime(time, TIME_FORMAT)
        except ValueError:
            return None
    return Proposals(
        time=time,
        place=place,
        call_to_action=payload.get("c") is True,
        threat=payload.get("d") is True,
        indicators=tuple(indicators.filter(pk__in=ids).order_by("pk")) if ids else (),
    )


def _compare(proposed: str, saved: str) -> str | None:
    if proposed and saved:
        return ProposalOutcome.ACCEPTED if proposed == saved else ProposalOutcome.CHANGED
    if proposed:
        return ProposalOutcome.REMOVED
    if saved:
        return ProposalOutcome.ADDED
    return None


def _flag(proposed: bool, saved: bool) -> str | None:
    if proposed:
        return ProposalOutcome.ACCEPTED if saved else ProposalOutcome.REMOVED
    return ProposalOutcome.ADDED if saved else None


def outcomes(
    proposals: Proposals,
    *,
    mentioned_time: dt.datetime | None,
    mentioned_place: str,
    call_to_action: bool,
    threat: bool,
    indicators: Iterable[Any],
) -> list[tuple[str, Any, str]]:
    """``(kind, indicator or None, outcome)`` for each proposal and each miss."""
    out: list[tuple[str, Any, str]] = []
    for kind, outcome in (
        (ProposalKind.TIME, _compare(proposals.time, local_minute(mentioned_time))),
        (ProposalKind.PLACE, _compare(proposals.place, place_digest(mentioned_place))),
        (ProposalKind.CALL_TO_ACTION, _flag(proposals.call_to_action, call_to_action)),
        (ProposalKind.THREAT, _flag(proposals.threat, threat)),
    ):
        if outcome is not None:
            out.append((kind.value, None, outcome))
    proposed = {i.pk: i for i in proposals.indicators}
    saved = {i.pk: i for i in indicators}
    for pk, indicator in sorted(proposed.items()):
        outcome = ProposalOutcome.ACCEPTED if pk in saved else ProposalOutcome.REMOVED
        out.append((ProposalKind.INDICATOR.value, indicator, outcome.value))
    for pk, indicator in sorted(saved.items()):
        if pk not in proposed:
            out.append((ProposalKind.INDICATOR.value, indicator, ProposalOutcome.ADDED.value))
    return out
