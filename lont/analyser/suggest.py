"""Indicator suggestions from spans, following the guide's online-signal points.

Judgement calls, made explicit:

* ``online.time_place`` (punt 7): a concrete time **and** place means the conflict may move to
  the physical world — ``strong`` with a call to action or threat, else ``fairly_strong``. A time
  or a place alone is only suggested (``somewhat``) when a call to action or threat is there too;
  "morgen om 9 uur naar school" on its own is everyday life.
* ``online.emotional_history`` (punt 5): any reference to the dead is ``strong`` — the guide says
  to take it very seriously.
* ``online.reputation_family`` (punt 6): attacks on family or street credibility, ``somewhat``,
  ``fairly_strong`` when joined by a threat or call to action.
* ``online.engagement`` (punt 8): counts above :class:`EngagementThresholds`. Sharing predicts
  turnout better than liking, so reposts and shares have the lowest thresholds and weigh more.
* ``online.network_visible`` (punt 2): mentions and hashtags — ``weak``, only a pointer to the
  network around the post.
* ``online.poster_intent`` (punt 3): threats and calls to action say what the poster wants to
  achieve, but only count together with other evidence (a time, place, weapon, the dead, an
  attack on reputation, or both a threat and a call): one rough sentence is not yet a signal.
* Drill slang and weapons on their own suggest nothing (DOMAIN.md §6: context, never proof).
"""

from __future__ import annotations

from .construct import new_suggestion
from .model import EngagementThresholds, Span, Suggestion

__all__ = ["EngagementThresholds", "guide_point", "suggest"]

GUIDE_HEADING = (
    "Deel relevante signalen, indicatoren en rode vlaggen tijdig met relevante netwerkpartners."
)


def guide_point(number: int) -> str:
    return f"{GUIDE_HEADING} — punt {number}"


_STEP_UP = {"weak": "somewhat", "somewhat": "fairly_strong", "fairly_strong": "strong"}


def _indexes(spans: list[Span], *kinds: str) -> tuple[int, ...]:
    return tuple(i for i, s in enumerate(spans) if s.kind in kinds)


def suggest(spans: list[Span], thresholds: EngagementThresholds | None = None) -> list[Suggestion]:
    thresholds = thresholds or EngagementThresholds()
    kinds = {s.kind for s in spans}
    out: list[Suggestion] = []
    action = bool(kinds & {"call_to_action", "threat"})

    concrete_time = [i for i, s in enumerate(spans) if s.kind == "time" and not _vague(s)]
    places = list(_indexes(spans, "place"))
    if concrete_time and places:
        strength = "strong" if action else "fairly_strong"
        reason = "Er worden een concreet tijdstip en een plaats genoemd"
        reason += (
            " samen met een oproep of dreiging: het conflict verplaatst zich mogelijk naar de "
            "fysieke omgeving."
            if action
            else ": het conflict verplaatst zich mogelijk naar de fysieke omgeving."
        )
        links = tuple(
            sorted(concrete_time + places + list(_indexes(spans, "call_to_action", "threat")))
        )
        out.append(new_suggestion("online.time_place", reason, guide_point(7), strength, links))
    elif (concrete_time or places) and action:
        what = "tijdstip" if concrete_time else "plaats"
        reason = (
            f"Er wordt een {what} genoemd bij een oproep of dreiging; let op of er een "
            "confrontatie in de fysieke omgeving wordt voorbereid."
        )
        links = tuple(
            sorted(concrete_time + places + list(_indexes(spans, "call_to_action", "threat")))
        )
        out.append(new_suggestion("online.time_place", reason, guide_point(7), "somewhat", links))

    if "deceased" in kinds:
        out.append(
            new_suggestion(
                "online.emotional_history",
                "Er wordt verwezen naar een overledene. Een (gewelddadige) dood van een familie- "
                "of groepslid als emotionele voorgeschiedenis heel serieus nemen.",
                guide_point(5),
                "strong",
                _indexes(spans, "deceased"),
            )
        )

    if "reputation" in kinds:
        out.append(
            new_suggestion(
                "online.reputation_family",
                "Iemands familie of reputatie wordt aangevallen; groepsdruk en status kunnen "
                "aanzetten tot de daad bij het woord voegen.",
                guide_point(6),
                "fairly_strong" if action else "somewhat",
                _indexes(spans, "reputation"),
            )
        )

    engagement = _engagement(spans, thresholds)
    if engagement is not None:
        out.append(engagement)

    if kinds & {"mention", "hashtag"}:
        out.append(
            new_suggestion(
                "online.network_visible",
                "Er worden anderen getagd of hashtags gebruikt: die laten het netwerk rond het "
                "bericht zien.",
                guide_point(2),
                "weak",
                _indexes(spans, "mention", "hashtag"),
            )
        )

    other = kinds & {"time", "place", "weapon", "deceased", "reputation"}
    if action and (other or {"call_to_action", "threat"} <= kinds):
        strength = "strong" if "threat" in kinds and "weapon" in kinds else "fairly_strong"
        out.append(
            new_suggestion(
                "online.poster_intent",
                "Een oproep of dreiging samen met ander bewijs (tijd, plaats, wapen, overledene "
                "of aanval op reputatie): ga na wat de poster wil bereiken en welke rol hij of "
                "zij in de groep heeft.",
                guide_point(3),
                strength,
                _indexes(spans, "call_to_action", "threat", "weapon"),
            )
        )
    return out


def _vague(span: Span) -> bool:
    return span.ambiguous and not span.alternatives


def _engagement(spans: list[Span], thresholds: EngagementThresholds) -> Suggestion | None:
    best: str | None = None
    hits: list[int] = []
    order = ["weak", "somewhat", "fairly_strong", "strong"]
    for index, span in enumerate(spans):
        if span.kind != "engagement":
            continue
        metric, _, count_text = span.value.partition(":")
        limit = getattr(thresholds, metric, None)
        if limit is None or not count_text.isdigit() or int(count_text) < limit:
            continue
        strength = "fairly_strong" if metric in ("reposts", "shares") else "somewhat"
        if int(count_text) >= 10 * limit:
            strength = _STEP_UP[strength]
        hits.append(index)
        if best is None or order.index(strength) > order.index(best):
            best = strength
    if best is None:
        return None
    return new_suggestion(
        "online.engagement",
        "Het bericht heeft veel bereik (weergaven, likes, reposts of reacties); dat kan de druk "
        "vergroten om de daad bij het woord te voegen. Reposts en shares wegen zwaarder dan likes.",
        guide_point(8),
        best,
        tuple(hits),
    )
