"""More shapes of a threat: normative ("die zou dood moeten"), wishes ("ik hoop dat je …"),
conditional ("als ik je zie …"), masked spellings ("ik st3k je") and weapon emoji next to a
name ("@kevin 🔪🩸").

The same hard negatives apply as in :mod:`.threats`: a negated clause, a quoted threat in a
sentence that reports or rejects it, a game. A bare 💀 is laughter, not a threat: an emoji
carrier needs a weapon or blood emoji and a target (a mention, a name, "je/jij/jullie").
"""

from __future__ import annotations

import re

from .scan import Anchored, AnyOf
from .times.words import DAY_WORDS, TONIGHT_WORDS, WEEKDAYS

_PARTICIPLE = (
    r"(?:gedood|vermoord|doodgeschoten|neergeschoten|neergestoken|doodgestoken|geexecuteerd"
    r"|opgehangen|afgemaakt|uitgeroeid|verbrand|vergast|onthoofd|gemarteld|afgeslacht|gewurgd"
    r"|verdronken|verkracht|doorgesneden|afgeknald|gestoken|geslacht|opgeblazen|kapotgemaakt"
    r"|in\s+elkaar\s+geslagen|doodgeslagen|neergeknald|gelyncht)"
)
_VERB = (
    r"(?:neersteken|doodsteken|steken|neerschieten|doodschieten|schieten|doodslaan|vermoorden"
    r"|doden|afmaken|snijden|wurgen|martelen|afslachten|slachten|executeren|ophangen|verbranden"
    r"|opblazen|uitroeien|verkrachten|onthoofden|vergassen|verdrinken|lynchen|afknallen"
    r"|neerknallen|kapotmaken|doorsnijden|sterven|creperen|doodgaan|lijden|bloeden)"
)
_DEATH = rf"(?:dood|{_PARTICIPLE}|sterft|sterven|creperen|crepeert|doodgaat|doodgaan|lijdt|lijden)"
_FAMILY = (
    r"(?:moeder|moedertje|mama|mams|ma|moer|vader|pa|papa|zus|zusje|zussen|broer|broertje"
    r"|broers|familie|fam|oma|opa|kinderen|kind|neefje|nichtje)"
)
_TARGET = r"(?:je|jou|jij|jullie|hem|haar|hen|ze|die|dat|deze|zulke|zo'n|al\s+die|alle)"

# Trigger substrings per rule (same order as RULES_RAW): a rule is skipped when none occurs.
NEEDLES: tuple[tuple[str, ...], ...] = (
    ("dood",),
    ("worden",),
    ("verdien",),
    ("hoop", "wou", "wilde", "wens"),
    ("lijden", "sterven", "bloeden", "creperen"),
    ("iemand",),
    ("einde",),
    ("beste", "beter", "belang", "oplossing"),
    ("oplossing",),
    ("brandstapel", "handen", "sterven"),
    ("ontdoen",),
    ("dood",),
    ("illegaal", "gedecrimin", "legaal", "toegestaan"),
    ("waar", "volgende", "eraan", "dood", "haasje"),
)
RULES_RAW: tuple[tuple[str, float, list[str]], ...] = (
    # "die zou dood moeten", "jullie moeten allemaal dood", "hij moet gewoon dood"
    (
        r"\b(?:zou|zouden|moet|moeten|mag|mogen)\s+(?:[^\s.!?,]+\s+){0,3}?dood\b"
        r"(?:\s+(?:moeten|gaan|zijn))?(?!\s+(?:van|gelachen|lachen|om|gegaan\s+van))",
        0.65,
        ["zou", "zouden", "moet", "moeten", "mag", "mogen"],
    ),
    # "… moeten (allemaal) worden gedood", "zou opgehangen moeten worden"
    (
        rf"\b(?:moet|moeten|zou|zouden|mogen|mag)\s+(?:[^\s.!?,]+\s+){{0,2}}?"
        rf"(?:worden\s+{_PARTICIPLE}|{_PARTICIPLE}\s+(?:moeten\s+)?worden)\b",
        0.65,
        ["moet", "moeten", "zou", "zouden", "mogen", "mag"],
    ),
    # "verdient de dood", "verdienen het om te sterven", "verdien je een kogel"
    (
        r"\bverdien(?:t|en)?\s+(?:je\s+|jij\s+|het\s+)?(?:de\s+dood|om\s+te\s+sterven|te\s+sterven"
        r"|een\s+kogel|een\s+mes|dood\s+te\s+gaan)\b",
        0.65,
        ["verdien", "verdient", "verdienen"],
    ),
    # wishes: "ik hoop dat je doodgaat", "ik wou dat ze werden neergestoken"
    (
        rf"\b(?:hoop|hopen|hoopte|wou|wilde|wens|wensen)\s+(?:echt\s+)?dat\s+"
        rf"(?:[^\s.!?]+\s+){{0,6}}?{_DEATH}\b",
        0.6,
        ["hoop", "hopen", "hoopte", "wou", "wilde", "wens", "wensen"],
    ),
    # "ik zou ze graag zien lijden/sterven", "ik wil je zien bloeden"
    (
        r"\b(?:zien|laten)\s+(?:lijden|sterven|bloeden|creperen)\b",
        0.6,
        ["zien", "laten"],
    ),
    # "als iemand hem maar zou neersteken", "hoop dat iemand een einde maakt aan …"
    (
        rf"\b(?:als|dat)\s+iemand\s+(?:[^\s.!?]+\s+){{0,6}}?(?:zou|zal|gaat)\s+"
        rf"(?:[^\s.!?]+\s+){{0,2}}?(?:{_VERB}|een\s+einde\s+maken\s+aan)\b",
        0.6,
        ["als", "dat"],
    ),
    # "we gaan een einde maken aan …", "iemand zal een einde maken aan …"
    (
        r"\b(?:ik|we|wij|iemand)\s+(?:ga|gaan|zal|zullen|zulen|moet|moeten|wil|willen|zou|zouden)"
        r"\s+(?:[^\s.!?]+\s+){0,3}?een\s+einde\s+(?:maken\s+aan|aan\s+\w+\s+maken)\b",
        0.6,
        ["ik", "we", "wij", "iemand"],
    ),
    # "het beste zou zijn om ze te verdrinken", "in ieders belang om … af te slachten"
    (
        rf"\b(?:beste|beter|belang|oplossing)\b[^.!?]{{0,30}}?\bom\s+(?:[^\s.!?]+\s+){{0,5}}?"
        rf"(?:\w+\s+)?te\s+{_VERB}\b",
        0.55,
        ["beste", "beter", "belang", "oplossing"],
    ),
    # "executie is de enige oplossing", "de kogel is de enige oplossing voor"
    (
        r"\b(?:executie|executies|de\s+dood|de\s+kogel|een\s+kogel|ophanging|vergassing|uitroeiing"
        r"|doodstraf)\s+(?:is|zijn)\s+de\s+(?:enige\s+)?oplossing\b",
        0.6,
        [
            "executie",
            "executies",
            "de",
            "een",
            "ophanging",
            "vergassing",
            "uitroeiing",
            "doodstraf",
        ],
    ),
    # "op de brandstapel", "door mijn handen", "een gruwelijke dood sterven"
    (
        r"\bop\s+de\s+brandstapel\b|\bdoor\s+mijn\s+handen\b|\bdood\s+sterven\b",
        0.6,
        ["op", "door", "dood"],
    ),
    # "laten we ons van … ontdoen", "we zouden ons van … moeten ontdoen"
    (
        r"\b(?:laten\s+we|we\s+(?:zouden|moeten|gaan|zullen))\s+ons\s+(?:[^.!?]{0,40}?)\bvan\s+"
        rf"{_TARGET}\b[^.!?]{{0,40}}?\bontdoen\b",
        0.55,
        ["laten", "we"],
    ),
    # "zouden … allemaal dood zijn", "waren ze maar allemaal dood"
    (
        r"\b(?:waren|was)\s+(?:ze|jullie|die|hij|zij)\s+maar\s+(?:allemaal\s+)?dood\b",
        0.6,
        ["waren", "was"],
    ),
    # "het vermoorden van … zou niet illegaal moeten zijn / moet worden gedecriminaliseerd"
    (
        rf"\bhet\s+{_VERB}\s+van\b[^.!?]{{0,50}}?\b(?:niet\s+illegaal|gedecriminaliseerd|legaal"
        rf"\s+(?:moeten|worden)|toegestaan\s+(?:moeten|worden))",
        0.6,
        ["het"],
    ),
    # threats against family: "ik weet waar je moeder woont", "je zusje is de volgende"
    (
        rf"\b(?:ik|we|wij)\s+(?:weet|weten)\s+waar\s+(?:je|jouw|jullie)\s+{_FAMILY}\s+"
        rf"(?:woont|wonen|slaapt|slapen|werkt|zit|zitten|op\s+school\s+zit)\b"
        rf"|\b(?:je|jouw)\s+{_FAMILY}\s+(?:is|zijn|gaat|gaan)\s+(?:de\s+volgende|eraan|dood"
        rf"|het\s+haasje)\b",
        0.75,
        ["ik", "we", "wij", "je", "jouw"],
    ),
)

# Rules whose own words look like a negation ("niet illegaal"): skip the clause check.
_OWN_NEGATION = frozenset({12})
RULES: tuple[tuple[Anchored, float], ...] = tuple(
    (Anchored(re.compile(regex), words, needles=needles), confidence)
    for (regex, confidence, words), needles in zip(RULES_RAW, NEEDLES, strict=True)
)

# "als ik je zie …", "als ik je ooit tegenkom, ben je dood": a condition, then a threat or an
# ominous pause (ellipsis, weapon emoji) instead of the consequence.
CONDITIONAL_RE = re.compile(
    r"\b(?:als|wanneer|zodra)\s+(?:ik|we|wij|k)\s+(?:je|jou|jullie|hem|haar|die|ze|jullie\s+"
    r"allemaal)\s+(?:ooit\s+|nog\s+(?:een\s+keer\s+)?|weer\s+|morgen\s+|vanavond\s+)?"
    r"(?:zie|zien|tegenkom|tegenkomen|vind|vinden|pak|pakken|spot|betrap|tref|treffen)"
    r"(?P<tail>\s*(?:\.\.\.+|…|[\U0001F52A\U0001F5E1\U0001F52B\U0001FA78\U0001FA93])"
    r"|[\s,]+(?:dan\s+)?(?:ben\s+(?:je|jij)\s+(?:dood|er\s+geweest|klaar|de\s+lul|zuur)"
    r"|zijn\s+jullie\s+(?:dood|er\s+geweest|klaar)|ga\s+(?:je|jij)\s+(?:eraan|dood|slapen)"
    r"|is\s+het\s+(?:over|klaar|einde)|weet\s+je\s+hoe\s+laat\s+het\s+is))"
)
# One search for the whole family: the trigger words of every rule and of the conditional form.
FORMS_GATE = AnyOf({n for ns in NEEDLES for n in ns} | {"als ", "wanneer", "zodra"})
CONDITIONAL_SCAN = Anchored(
    CONDITIONAL_RE, ["als", "wanneer", "zodra"], needles=("als ", "wanneer", "zodra")
)

# Masked spellings: digits standing for letters inside a word ("st3k", "v3rm00rd", "d00d").
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
# A digit between letters ("st3k", "v3rm00rd"); "21u", "12,3k" and "2day" are not masks.
_MIXED = re.compile(r"\b[a-z0-9@]*[a-z][0-9@]+[a-z][a-z0-9@]*\b")


# A letter, digits or "@", a letter ("[a-z][0-9@]+[a-z]"), written to begin with the digit so
# that the engine skips ahead to digits instead of trying every letter.
_MASK_CHARS = re.compile(r"[0-9@](?<=[a-z][0-9@])[0-9@]*(?=[a-z])")


def unmask(folded: str) -> str:
    """The folded text with leetspeak undone in words that mix letters and digits (same
    length, so offsets stay valid); the text itself when nothing is masked."""
    if _MASK_CHARS.search(folded) is None:
        return folded
    return _MIXED.sub(lambda m: m.group(0).translate(_LEET), folded)


# Emoji that carry a threat next to a target; 💀 and ⚰️ only together with one of these.
_WEAPON_EMOJI = "\U0001f52a\U0001f5e1\U0001f52b\U0001fa78\U0001fa93\U0001f4a3"
_CARRIER = _WEAPON_EMOJI + "\U0001f480\u2620\u26b0\ufe0f\U0001f3fb-\U0001f3ff"
_WEAPON_RE = re.compile(f"[{_WEAPON_EMOJI}]")
EMOJI_RUN = re.compile(rf"[{_CARRIER}](?:\s*[{_CARRIER}])*")
_TARGET_BEFORE = re.compile(
    r"(?:@[\w.]+|(?:(?<=\w\s)|^)[A-Z][a-z]{2,}|\b(?:je|jij|jou|jullie|hem|haar|die\s+\w+))"
    r"\s*[^\w\s]{0,3}\s*$"
)
_TARGET_AFTER = re.compile(r"^\s*[^\w\s]{0,3}\s*(?:@[\w.]+|[A-Z][a-z]{2,}\b|(?:jij|jullie)\b)")


# Capitalised words that start a sentence and are not a name.
_NOT_NAMES = frozenset([*WEEKDAYS, *DAY_WORDS, *TONIGHT_WORDS, "straks", "nu", "hier", "daar"])


def emoji_threats(text: str) -> list[tuple[int, int]]:
    """Runs of weapon/blood emoji right next to a mention, a name or "je/jij/jullie"."""
    if _WEAPON_RE.search(text) is None:
        return []
    found: list[tuple[int, int]] = []
    for m in EMOJI_RUN.finditer(text):
        run = m.group(0)
        if not any(ch in _WEAPON_EMOJI for ch in run):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 40]
        targets = (_TARGET_BEFORE.search(before), _TARGET_AFTER.match(after))
        if any(
            t is not None and t.group(0).strip(" \t@.,!?:;").lower() not in _NOT_NAMES
            for t in targets
        ):
            found.append(m.span())
    return found
