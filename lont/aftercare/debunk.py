"""The debunk check: a draft against the guide's six rules (guide, Nazorg: "Wees alert op de
verspreiding van misinformatie …", recommendations 1–6). Pure Python; the "opens with the myth"
check is the text analyser's (``lont.analyser.check_message``).

- rule 1, facts at least as simple as the myth: the facts' reading ease (Flesch-Douma, the Dutch
  Flesch formula: 206.835 − 0.93 × words per sentence − 77 × syllables per word) is not lower
  than the myth's by more than :data:`EASE_MARGIN`, and the facts are not longer than
  :data:`LENGTH_FACTOR` times the myth (or :data:`MIN_WORDS` words);
- rule 2, do not open with the myth: the analyser's ``opens_with_myth`` warning;
- rule 3, state the discrepancy: the draft says plainly that the claim is wrong or differs from
  the facts (:data:`DISCREPANCY_MARKERS`);
- rule 4, a credible messenger delivers it; rule 5, the audience is named;
- rule 6, prebunks: kept as a library, not a check on one draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lont.analyser import check_message

EASE_MARGIN = 10.0
LENGTH_FACTOR = 2.0
MIN_WORDS = 30
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCES = re.compile(r"[.!?\n]+")
_VOWEL_GROUPS = re.compile(r"[aeiouyáéíóúàèëïöü]+")
DISCREPANCY_MARKERS = (
    "klopt niet",
    "niet waar",
    "onwaar",
    "onjuist",
    "is nep",
    "fake",
    "gerucht",
    "in werkelijkheid",
    "in het echt",
    "de feiten",
    "het feit",
    "maar ",
    "echter",
    "juist niet",
    "wél",
    "is niet gebeurd",
)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _syllables(word: str) -> int:
    return max(1, len(_VOWEL_GROUPS.findall(word)))


def reading_ease(text: str) -> float:
    """Flesch-Douma reading ease of a Dutch text (higher is easier; 0 for no words)."""
    found = words(text)
    if not found:
        return 0.0
    sentences = max(1, len([s for s in _SENTENCES.split(text) if words(s)]))
    syllables = sum(_syllables(w) for w in found)
    return round(206.835 - 0.93 * (len(found) / sentences) - 77 * (syllables / len(found)), 1)


@dataclass(frozen=True)
class RuleResult:
    rule: str
    ok: bool
    message: str


def check_debunk(
    *, claim: str, facts: str, text: str, audience: str, has_messenger: bool
) -> list[RuleResult]:
    """The draft against rules 1–5; every rule gives a result, passed or not."""
    results = []
    claim_ease, facts_ease = reading_ease(claim), reading_ease(facts)
    claim_words, facts_words = len(words(claim)), len(words(facts))
    limit = max(round(claim_words * LENGTH_FACTOR), MIN_WORDS)
    simple = facts_ease >= claim_ease - EASE_MARGIN and facts_words <= limit
    results.append(
        RuleResult(
            "simple_facts",
            simple,
            _(
                "Leesgemak feiten %(facts)s tegen mythe %(claim)s; lengte %(words)s woorden "
                "(hoogstens %(limit)s)."
            )
            % {"facts": facts_ease, "claim": claim_ease, "words": facts_words, "limit": limit}
            + ("" if simple else " " + _("Maak de feiten korter en eenvoudiger.")),
        )
    )
    myth = [w for w in check_message(text, context_texts=[claim]) if w.code == "opens_with_myth"]
    results.append(
        RuleResult(
            "no_myth_first",
            not myth,
            myth[0].message if myth else _("De tekst opent niet met de mythe."),
        )
    )
    lowered = f" {text.lower()} "
    stated = any(marker in lowered for marker in DISCREPANCY_MARKERS)
    results.append(
        RuleResult(
            "discrepancy",
            stated,
            _("De tekst benoemt het verschil tussen gerucht en feiten.")
            if stated
            else _("Zeg expliciet dat het gerucht niet klopt en wat er wél is gebeurd."),
        )
    )
    results.append(
        RuleResult(
            "messenger",
            has_messenger,
            _("Er is een geloofwaardige boodschapper gekozen.")
            if has_messenger
            else _("Kies een geloofwaardige boodschapper uit de sociale kaart."),
        )
    )
    named = bool(audience.strip())
    results.append(
        RuleResult(
            "audience",
            named,
            _("De doelgroep is benoemd.") if named else _("Benoem voor wie de ontkrachting is."),
        )
    )
    return results
