"""The stored explanation read back: the lines the situation page shows, and every other line
rebuilt from the stored records at the moment the situation was computed, with the parameters
it was computed with (``contributions``, ``explained``)."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from lont import engine as e

from ..lines import (
    SHOWN_CONTRIBUTIONS,
    SIGNAL_KINDS,
    TEXTLESS_KINDS,
    strongest,
)
from ..models import PreparedContribution, Situation
from .computing import LEFT_OUT, contribution_dict
from .parameters import parameters_for
from .prepared import Record


def shown(situation: Situation) -> tuple[list[dict[str, Any]], int]:
    """The lines the situation page shows (see ``compute``), with how many signal lines it
    leaves out ("Alle bijdragen" lists them)."""
    explanation = situation.explanation
    if LEFT_OUT in explanation:
        return list(explanation.get("contributions", [])), int(explanation[LEFT_OUT])
    # An explanation stored before only the shown lines were: every line, some as numbers only.
    return strongest(explanation.get("contributions", []), SHOWN_CONTRIBUTIONS)


def contributions(situation: Situation) -> list[dict[str, Any]]:
    """Every line of the situation's explanation in the engine's order: the stored (shown)
    ones with their text, the others rebuilt from the stored records as kind, ref and amount
    (an acute rule's line with its text) — a page of them is formatted with ``explained``."""
    explanation = situation.explanation
    stored = list(explanation.get("contributions", []))
    if not explanation.get(LEFT_OUT):
        return stored
    known = {(c["kind"], c["ref"]): c for c in stored}
    rebuilt = [
        known.get((c.kind, c.ref))
        or (
            {"kind": c.kind, "ref": c.ref, "amount": round(c.amount, 4)}
            if c.kind in TEXTLESS_KINDS
            else contribution_dict(c)
        )
        for c in _rebuilt_signal_lines(situation, explain=False)
    ]
    return _merged(rebuilt, stored)


def explained(
    situation: Situation, contributions: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Every line of the situation's explanation (or the given ones, e.g. a page of
    ``contributions``), each with its text. The lines the recompute did not store are rebuilt
    from the signals' stored records at the moment the situation was computed, with the
    parameters it was computed with: the lines the recompute would have stored. The records are
    written in the transaction that stores the explanation (and an unlinked signal's stays until
    the next recompute), so they are the ones it counted. A deleted signal's record goes with it:
    until the recompute that follows, its line is left out of the rebuilt lines (a line of an
    explanation stored with every line says instead that its explanation follows)."""
    if contributions is None:
        explanation = situation.explanation
        stored = list(explanation.get("contributions", []))
        if explanation.get(LEFT_OUT):
            signal_lines = _rebuilt_signal_lines(situation, explain=True)
            return _merged([contribution_dict(c) for c in signal_lines], stored)
        contributions = stored
    missing = {int(c["ref"]) for c in contributions if "reason_nl" not in c and c["ref"].isdigit()}
    if not missing or situation.computed_at is None:
        return [_with_text(c, {}) for c in contributions]
    params = _parameters_of(situation)
    rows = PreparedContribution.objects.filter(
        situation_id=situation.pk, signal_id__in=missing
    ).values_list("signal_id", "data", "text")
    formatted = {}
    for signal_id, data, text in rows:
        rec = Record.from_json(signal_id, json.loads(data)).with_text(text)
        c = e.contribution_at(rec.prepared, params, now=situation.computed_at)
        if c is not None:
            formatted[rec.prepared.ref] = contribution_dict(c)
    return [_with_text(c, formatted) for c in contributions]


def _parameters_of(situation: Situation) -> e.EngineParameters:
    """The parameters the situation's stored explanation was computed with."""
    return parameters_for(situation.network_id, situation.explanation.get("parameters_version"))


def _rebuilt_signal_lines(situation: Situation, *, explain: bool) -> list[e.Contribution]:
    """The signal lines of the situation's stored explanation, rebuilt from its stored records
    at ``computed_at`` in the engine's order (``explain``: with their text)."""
    if situation.computed_at is None:
        return []
    fields = ("signal_id", "data", "text") if explain else ("signal_id", "data")
    rows = list(PreparedContribution.objects.filter(situation_id=situation.pk).values_list(*fields))
    parsed = json.loads("[" + ",".join(row[1] for row in rows) + "]")
    prepared = []
    for row, data in zip(rows, parsed, strict=True):
        rec = Record.from_json(row[0], data)
        prepared.append(rec.with_text(row[2]).prepared if explain else rec.prepared)
    return e.signal_lines(
        prepared, _parameters_of(situation), now=situation.computed_at, explain=explain
    )


def _merged(
    signal_lines: list[dict[str, Any]], stored: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The rebuilt signal lines and the stored lines that are not a signal's (structure,
    drill), in the engine's order: by kind first (a stable sort keeps each kind's order)."""
    others = [c for c in stored if c["kind"] not in SIGNAL_KINDS]
    return sorted([*signal_lines, *others], key=lambda c: e.line_rank(c["kind"]))


def _with_text(line: dict[str, Any], formatted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if "reason_nl" in line:
        return line
    found = formatted.get(line["ref"])
    if found is not None and found["kind"] == line["kind"] and found["amount"] == line["amount"]:
        return found
    text = _("Bijdrage van dit signaal; de uitleg volgt bij de volgende berekening.")
    return {**line, "reason_nl": text, "summary_nl": text}
