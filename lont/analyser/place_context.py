"""Places in context: a name that several places share is resolved by where the post comes from.

Order of evidence, strongest first:

1. the areas given with the analysis (the group's area, the network's areas);
2. the areas of the other places named in the same post ("de kooi bij het Vlasplein").

When exactly one candidate fits, it is chosen and the explanation says why; otherwise the first
listed place is kept, the span is marked ambiguous, and the candidates are offered as
alternatives. Either way the other candidates are listed, so a professional can correct it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import Span


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    area: str = ""

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _norm(area: str) -> str:
    return " ".join(area.casefold().split())


def _label(place: Place) -> str:
    return f"{place.name} ({place.area})" if place.area else place.name


def resolve_homonyms(
    spans: list[Span],
    keys: dict[tuple[int, int], str],
    homonyms: dict[str, list[Place]],
    areas: tuple[str, ...],
    by_name: dict[str, Place],
) -> list[Span]:
    """Re-resolve place spans whose name several places share."""
    shared = [s for s in spans if keys.get((s.start, s.end)) in homonyms]
    if not shared:
        return spans
    given = {_norm(a) for a in areas if a and a.strip()}
    # Areas of the unambiguous places in the same post.
    nearby: dict[str, str] = {}
    for span in spans:
        if span in shared:
            continue
        place = by_name.get(span.value)
        if place is not None and place.area:
            nearby.setdefault(_norm(place.area), span.value)
    out: list[Span] = []
    for span in spans:
        if span not in shared:
            out.append(span)
            continue
        out.append(_resolve(span, homonyms[keys[(span.start, span.end)]], given, nearby))
    return out


def _resolve(span: Span, candidates: list[Place], given: set[str], nearby: dict[str, str]) -> Span:
    fits = [p for p in candidates if _norm(p.area) in given]
    reason = "het gebied van de groep of het netwerk"
    if len(fits) != 1:
        fits = [p for p in candidates if _norm(p.area) in nearby]
        if len(fits) == 1:
            reason = f"in hetzelfde bericht wordt {nearby[_norm(fits[0].area)]} genoemd"
    others = ", ".join(_label(p) for p in candidates if not fits or p is not fits[0])
    if len(fits) == 1:
        chosen = fits[0]
        explanation = (
            f"Meerdere plaatsen in de lijst heten zo. Gekozen: {_label(chosen)}, omdat {reason} "
            f"({chosen.area}). Ook mogelijk: {others}."
        )
        alternatives = tuple(p.name for p in candidates if p is not chosen)
        return replace(
            span,
            value=chosen.name,
            explanation=explanation,
            ambiguous=False,
            alternatives=alternatives,
        )
    first = candidates[0]
    explanation = (
        f"Meerdere plaatsen in de lijst heten zo: {', '.join(_label(p) for p in candidates)}. "
        "Niet uit de context op te maken welke bedoeld is; controleer dit."
    )
    return replace(
        span,
        value=first.name,
        explanation=explanation,
        ambiguous=True,
        alternatives=tuple(p.name for p in candidates[1:]),
        confidence=min(span.confidence, 0.5),
    )
