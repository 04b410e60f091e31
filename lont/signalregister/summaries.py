"""The summary of a signal: what a partner with summary access may know (no content, people,
link or attachments) — that partner X has a signal about group Y on date Z, with its indicators
and their weight, so they know whom to call."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Signal

WEIGHT_ORDER = {"strong": 0, "fairly_strong": 1, "somewhat": 2, "weak": 3}


def indicator_tags(signal: Signal) -> list[dict[str, str]]:
    """Indicators of a signal (prefetched), strongest first."""
    rows = sorted(
        (row.indicator for row in signal.indicators.all()),
        key=lambda i: (WEIGHT_ORDER.get(i.weight_class, 9), i.code),
    )
    return [
        {
            "code": i.code,
            "label": i.label_nl,
            "weight": str(i.get_weight_class_display()),
            # Provocation signs concern the professional's safety, not the group's level.
            "provocation": "1"
            if i.category == "provocation" or i.code.startswith("provocation.")
            else "",
        }
        for i in rows
    ]


def strongest_weight(signal: Signal) -> str:
    tags = indicator_tags(signal)
    return tags[0]["weight"] if tags else ""


def summary_text(signal: Signal) -> str:
    groups = ", ".join(row.group.name for row in signal.groups.all()) or _("geen groep")
    when = formats.date_format(timezone.localtime(signal.observed_at), "j F Y")
    tags = indicator_tags(signal)
    text = _("Signaal van %(org)s over %(groups)s, %(when)s") % {
        "org": signal.organisation.name,
        "groups": groups,
        "when": when,
    }
    if tags:
        text += " — " + _("indicatoren: %(list)s") % {
            "list": ", ".join(f"{t['label']} ({t['weight']})" for t in tags)
        }
    return text
