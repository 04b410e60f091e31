""" "Analyseer en vul in": the text analyser proposes time, place, call to action, threat and
indicators from the description; the member sees them in the form and decides. Nothing is saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from lont.analyser import analyse
from lont.core.viewer import Viewer

from . import selectors

SINGLE = (
    "observed_at",
    "source_type",
    "professional_account",
    "platform",
    "link",
    "description",
    "mentioned_time",
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
    result = analyse(initial.get("description") or "", posted_at=observed)
    for span in result.spans:
        if span.kind == "time" and not initial.get("mentioned_time") and "T" in span.value:
            moment = dt.datetime.fromisoformat(span.value.split("/")[0])
            initial["mentioned_time"] = moment.strftime("%Y-%m-%dT%H:%M")
        elif span.kind == "place" and not initial.get("mentioned_place"):
            initial["mentioned_place"] = span.value[:200]
        elif span.kind == "call_to_action":
            initial["call_to_action"] = True
        elif span.kind == "threat":
            initial["threat"] = True
    codes = {s.indicator for s in result.suggestions}
    suggested = selectors.indicator_choices(viewer).filter(code__in=codes)
    initial["indicators"] = sorted({*initial["indicators"], *(str(i.pk) for i in suggested)})
    return initial
