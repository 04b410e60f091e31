"""Lexicon phrases and the fixed-form kinds: mentions, hashtags, engagement, dead, reputation."""

from __future__ import annotations

import re

from .construct import new_span
from .lexicon import Lexicon
from .model import Span
from .normalise import fold
from .reputation import reputation_attacks
from .scan import Anchored
from .threat_forms import emoji_threats
from .threats import find_threats, is_negated_or_reported, sentence_bounds

EXPLANATIONS: dict[str, str] = {
    "call_to_action": (
        "Oproep om iets te doen of ergens naartoe te komen. Let op wie wordt opgeroepen en of er "
        "een tijd of plaats bij staat."
    ),
    "threat": (
        "Bedreiging met geweld, gericht op iemand. Weeg de context: wie zegt het tegen wie, en "
        "hoe is het bedoeld?"
    ),
    "weapon": "Verwijzing naar een wapen of het bij zich dragen ervan.",
    "drill_slang": (
        "Drill- of straattaal. Alleen context voor de duiding, nooit op zichzelf een dreiging "
        "of bewijs (drill: context, geen bewijs)."
    ),
    "deceased": (
        "Verwijzing naar een overledene. Een (gewelddadige) dood van een familie- of groepslid "
        "als emotionele voorgeschiedenis heel serieus nemen."
    ),
    "reputation": "Aanval op iemands familie, reputatie of straatimago.",
    "mention": "Vermelding van een account (@): laat zien wie erbij betrokken of getagd wordt.",
    "hashtag": "Hashtag: kan het netwerk of de groep zichtbaar maken.",
    "engagement": "Bereik van het bericht (weergaven, likes, reposts, reacties).",
}

CONFIDENCE: dict[str, float] = {
    "call_to_action": 0.75,
    "threat": 0.85,
    "weapon": 0.8,
    "drill_slang": 0.6,
    "deceased": 0.85,
    "reputation": 0.65,
}

# Phrase-specific false friends: Dutch "gun" (to grant), "hide" inside English sentences, ...
# A letter written three or more times ("kooooom") counts once in a lexicon key.
_STRETCH = re.compile(r"(.)\1{2,}")
_STRETCHED: dict[str, str] = {}  # phrase as written -> its lexicon key, for phrases seen before
_NOT_AFTER: dict[str, re.Pattern[str]] = {
    "gun": re.compile(r"\s+(?:je|jou|het|hem|haar|jullie|ze|iedereen|u|hun|m|t)\b"),
    "ijzer": re.compile(r"\s*(?:tekort|gehalte|erts|waren|handel|pillen)"),
    "punten": re.compile(r"\s+(?:voor|op|gehaald|gescoord|behaald|verdiend)\b"),
    "slide": re.compile(r"\s+(?:[0-9]|van\s+de\s+presentatie)"),
    "kom naar": re.compile(r"\s+(?:huis|school|mij\s+toe)\b"),
    "mes": re.compile(r"\s+en\s+(?:vork|lepel)"),
}
_NOT_BEFORE: dict[str, re.Pattern[str]] = {
    "punten": re.compile(r"(?:[0-9]+|veel|paar|extra|goede|hoge|lage|mijn|m'n|mn)\s+$"),
    "mes": re.compile(r"(?:boter|brood|tafel|vork\s+en)\s*$"),
}
# Before any weapon: "geen wapens gevonden"; before family words: a greeting, not an insult.
_KIND_NOT_BEFORE: dict[str, re.Pattern[str]] = {
    "weapon": re.compile(r"\b(?:geen|zonder)\s+$"),
    "reputation": re.compile(
        r"\b(?:groetjes|groeten|doe\s+de\s+groeten|bedank|bedankt|vraag\s+het|zeg\s+tegen)"
        r"\s+(?:aan\s+)?$"
    ),
}
# Soft calls that are everyday talk in a school or family setting.
_SOFT_CALLS = frozenset(["we zien elkaar", "kom naar", "wie komt er", "wie gaat er mee"])
_BENIGN_CONTEXT = re.compile(
    r"\b(?:op\s+school|de\s+les|op\s+het\s+werk|slaap\s+lekker|training|verjaardag|feestje|"
    r"xx+|kusjes|bioscoop)\b"
)

MENTION_RE = re.compile(r"(?<![\w@./:+-])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)")
HASHTAG_RE = re.compile(r"(?<![\w&#/=?])#([^\W_][\w]{0,99})")
RIP_RE = re.compile(
    r"(?<!\w)r\.?\s?i\.?\s?p(?:\.|(?!\w))"
    # "RIP mijn telefoon", "RIP de wifi": a joke about a thing, not a tribute to a person.
    r"(?!\s*(?:mijn|m'n|mn|me|je|jouw|de|het|dit|deze|die|onze|ons|mn)\b)"
)
LL_NAME_RE = re.compile(r"(?<!\w)LL\s+[A-Z@][\w.]+")
DOVE_RE = re.compile(r"\U0001F54A\ufe0f?")
_NAME_NEAR = re.compile(r"[A-Z@][\w.]+")
TAG_CTA_RE = re.compile(
    r"\btag\s+(?:@\w+|(?:je|jullie|die|de|dat|deze)\s+(?:hele\s+)?[a-z0-9_]{2,}|iedereen|ze|"
    r"hem|haar|jullie|allemaal)"
)
ENGAGEMENT_RE = re.compile(
    r"(?<![\w.,])(?P<n>[0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]+(?:[.,][0-9]+)?)\s*"
    r"(?P<mul>k|m|mln|miljoen|duizend|dzd)?\s*"
    r"(?P<metric>views|view|weergaven|weergave|keer\s+bekeken|bekeken|likes|like|vind-ik-leuks"
    r"|hartjes|reposts|repost|retweets|retweet|shares|share|keer\s+gedeeld|gedeeld|reacties"
    r"|reactie|comments|comment|opmerkingen)\b"
)
ENGAGEMENT_SCAN = Anchored(ENGAGEMENT_RE, ["1"])
RIP_SCAN = Anchored(RIP_RE, ["rip", "r"])
TAG_SCAN = Anchored(TAG_CTA_RE, ["tag"])
_METRICS = {
    "views": "views",
    "view": "views",
    "weergaven": "views",
    "weergave": "views",
    "keer bekeken": "views",
    "bekeken": "views",
    "likes": "likes",
    "like": "likes",
    "vind-ik-leuks": "likes",
    "hartjes": "likes",
    "reposts": "reposts",
    "repost": "reposts",
    "retweets": "reposts",
    "retweet": "reposts",
    "shares": "shares",
    "share": "shares",
    "keer gedeeld": "shares",
    "gedeeld": "shares",
    "reacties": "comments",
    "reactie": "comments",
    "comments": "comments",
    "comment": "comments",
    "opmerkingen": "comments",
}
_MULTIPLIERS = {
    "k": 1_000,
    "duizend": 1_000,
    "dzd": 1_000,
    "m": 1_000_000,
    "mln": 1_000_000,
    "miljoen": 1_000_000,
}


def _value(folded: str, start: int, end: int) -> str:
    return " ".join(folded[start:end].split())


def lexicon_spans(text: str, folded: str, lexicon: Lexicon) -> list[Span]:
    spans: list[Span] = []
    for kind, pattern in lexicon.patterns.items():
        for m in pattern.finditer(folded):
            start, end = m.span()
            value = _value(folded, start, end)
            key = _STRETCHED.get(value)
            if key is None:
                if len(_STRETCHED) > 10_000:
                    _STRETCHED.clear()
                key = _STRETCHED[value] = _STRETCH.sub(r"\1", value)
            after = _NOT_AFTER.get(key)
            if after is not None and after.match(folded, end):
                continue
            before = _NOT_BEFORE.get(key)
            if before is not None and before.search(folded, max(0, start - 20), start):
                continue
            kind_before = _KIND_NOT_BEFORE.get(kind)
            if kind_before is not None and kind_before.search(folded, max(0, start - 40), start):
                continue
            confidence = CONFIDENCE[kind]
            if kind == "threat" and is_negated_or_reported(folded, start, end, phrase=True):
                continue
            if kind == "call_to_action" and key in _SOFT_CALLS:
                left, right = sentence_bounds(folded, start, end)
                if _BENIGN_CONTEXT.search(folded, left, right):
                    continue
            if kind == "call_to_action" and is_negated_or_reported(folded, start, end):
                confidence = 0.3
            spans.append(new_span(start, end, kind, value, confidence, EXPLANATIONS[kind]))
    return spans


def fixed_spans(text: str, folded: str) -> list[Span]:
    """Threat grammar, RIP forms, mentions, hashtags, engagement figures, "tag …" calls."""
    spans: list[Span] = []
    for start, end, confidence in find_threats(folded):
        spans.append(
            new_span(
                start, end, "threat", _value(folded, start, end), confidence, EXPLANATIONS["threat"]
            )
        )
    for start, end in emoji_threats(text):
        if is_negated_or_reported(folded, start, end, phrase=True):
            continue
        spans.append(
            new_span(
                start,
                end,
                "threat",
                text[start:end],
                0.55,
                "Wapen- of bloed-emoji bij een naam of account: mogelijk een bedreiging. "
                "Weeg de context: wie plaatst het, over wie, en is er een aanleiding?",
            )
        )
    for start, end in reputation_attacks(folded):
        if is_negated_or_reported(folded, start, end):
            continue
        spans.append(
            new_span(
                start,
                end,
                "reputation",
                _value(folded, start, end),
                CONFIDENCE["reputation"],
                EXPLANATIONS["reputation"],
            )
        )
    for m in RIP_SCAN.finditer(folded):
        start, end = m.span()
        # Lower-case "rip" is also an English verb; upper case or dotted forms are the tribute.
        confidence = 0.85 if text[start:end].isupper() or "." in m.group(0) else 0.6
        spans.append(new_span(start, end, "deceased", "rip", confidence, EXPLANATIONS["deceased"]))
    for m in LL_NAME_RE.finditer(text) if "LL" in text else ():
        spans.append(
            new_span(
                m.start(),
                m.end(),
                "deceased",
                _value(folded, *m.span()),
                0.75,
                EXPLANATIONS["deceased"],
            )
        )
    if "\U0001f54a" in text:
        for m in DOVE_RE.finditer(text):
            # The dove marks mourning; next to a name (or other tributes) it is firmer.
            near = text[max(0, m.start() - 25) : m.end() + 25]
            confidence = 0.8 if _NAME_NEAR.search(near) else 0.6
            spans.append(
                new_span(
                    m.start(), m.end(), "deceased", m.group(0), confidence, EXPLANATIONS["deceased"]
                )
            )
    for m in TAG_SCAN.finditer(folded):
        spans.append(
            new_span(
                m.start(),
                m.end(),
                "call_to_action",
                _value(folded, *m.span()),
                0.6,
                EXPLANATIONS["call_to_action"],
            )
        )
    spans.extend(tag_spans(text))
    for m in ENGAGEMENT_SCAN.finditer(folded):
        count = _count(m.group("n"), m.group("mul"))
        if count is None:
            continue
        metric = _METRICS[" ".join(m.group("metric").split())]
        spans.append(
            new_span(
                m.start(),
                m.end(),
                "engagement",
                f"{metric}:{count}",
                0.9,
                EXPLANATIONS["engagement"] + f" Gelezen als {metric}: {count}.",
            )
        )
    return spans


def tag_spans(text: str) -> list[Span]:
    """Mentions (``@naam``) and hashtags (``#tag``)."""
    spans: list[Span] = []
    for m in MENTION_RE.finditer(text) if "@" in text else ():
        spans.append(
            new_span(
                m.start(),
                m.end(),
                "mention",
                "@" + m.group(1).lower(),
                0.95,
                EXPLANATIONS["mention"],
            )
        )
    for m in HASHTAG_RE.finditer(text) if "#" in text else ():
        tag = m.group(1)
        if tag.isdigit() and len(tag) < 3:
            continue  # "#1" is a rank, not a tag
        spans.append(
            new_span(m.start(), m.end(), "hashtag", "#" + fold(tag), 0.95, EXPLANATIONS["hashtag"])
        )
    return spans


# Compiled once: ``re.fullmatch(str, …)`` looks the pattern up in ``re``'s cache through Python
# code on every call, which compiled callers otherwise never run.
_GROUPED_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")


def _count(number: str, multiplier: str | None) -> int | None:
    if multiplier:
        try:
            return round(float(number.replace(",", ".")) * _MULTIPLIERS[multiplier])
        except ValueError:
            return None
    if _GROUPED_THOUSANDS.fullmatch(number):
        return int(number.replace(".", "").replace(",", ""))
    try:
        return round(float(number.replace(",", ".")))
    except ValueError:
        return None
