""" "Analyseer en vul in": the text analyser proposes time, place, call to action, threat and
indicators from the description; the member sees them in the form and decides. Nothing is saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from lont.analyser import analyse
from lont.analyser.web.selectors import network_school_holidays
from lont.core.viewer import Viewer

from . import proposals, selectors

SINGLE = (
    "observed_at",
    "source_type",
    "professional_account",
    "platform",
    "link",
    "description",
    "mentioned_time",
    "mentioned_until",
    "mentioned_place",
    "special_data",
    "drill_weapons_shown",
    "drill_members_shown",
    "drill_personal_attacks",
)


def initial_from(viewer: Viewer, data: QueryDict) -> dict[str, Any]:
    """What the member typed, plus the analyser's proposals where the form is still empty."""
    # Only what was sent: a form posted from elsewhere (the analyser's "Registreer als signaal")
    # leaves the other fields at their defaults (the drill counts stay 0, not empty).
    initial: dict[str, Any] = {name: data[name] for name in SINGLE if name in data}
    initial["groups"] = data.getlist("groups")
    initial["indicators"] = data.getlist("indicators")
    initial["call_to_action"] = bool(data.get("call_to_action"))
    initial["threat"] = bool(data.get("threat"))
    observed = parse_datetime(initial.get("observed_at") or "") or timezone.localtime()
    if timezone.is_naive(observed):
        observed = timezone.make_aware(observed)
    description = initial.get("description") or ""
    holidays = network_school_holidays(
        viewer.network, timezone.localdate(observed), text=description
    )
    result = analyse(description, posted_at=observed, school_holidays=holidays)
    proposed: dict[str, Any] = {"time": "", "place": "", "call_to_action": False, "threat": False}
    until = ""
    for span in result.spans:
        if span.kind == "time" and not proposed["time"]:
            proposed["time"], until = _window(span.value)
        elif span.kind == "place" and not proposed["place"]:
            proposed["place"] = span.value[:200]
        elif span.kind in ("call_to_action", "threat"):
            proposed[span.kind] = True
    if not initial.get("mentioned_time"):
        # A window ("deze week") is its start and its end, not a moment: both fields filled.
        initial["mentioned_time"] = proposed["time"]
        initial["mentioned_until"] = initial.get("mentioned_until") or until
    initial["mentioned_place"] = initial.get("mentioned_place") or proposed["place"]
    initial["call_to_action"] = initial.get("call_to_action") or proposed["call_to_action"]
    initial["threat"] = initial.get("threat") or proposed["threat"]
    codes = {s.indicator for s in result.suggestions}
    suggested = selectors.indicator_choices(viewer).filter(code__in=codes)
    initial["indicators"] = sorted({*initial["indicators"], *(str(i.pk) for i in suggested)})
    initial["analyser_proposals"] = proposals.sign(
        **proposed, indicator_ids=[i.pk for i in suggested]
    )
    return initial


def _window(value: str) -> tuple[str, str]:
    """The form's start and (for a period) end minute of a time value: a point has no end, a
    date is that whole day, a period ("deze week", "vanavond") its two ends."""
    if "/" in value:
        start, end = value.split("/", 1)
    elif "T" in value:
        start, end = value, ""
    else:
        start, end = f"{value}T00:00", f"{value}T23:59"
    return _minute(start), _minute(end) if end else ""


def _minute(value: str) -> str:
    return dt.datetime.fromisoformat(value).strftime(proposals.TIME_FORMAT)
