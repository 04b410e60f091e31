"""Threats of violence aimed at someone, with negation and quotation as hard negatives.

The grammar covers the usual shapes of a Dutch threat: subject + (modal) + object + violent verb
("ik ga je steken"), subject + finite verb + object + particle ("ik steek je neer", "we maken
jullie af"), inverted order ("dan steken we je"), and a looser "ik/we zal/ga … vermoorden" for
longer sentences. Fixed phrases ("je bent dood") come from the lexicon.

Excluded, because the guide asks for what the poster wants to achieve: negated clauses ("ik zou
nooit iemand steken", "ik ga je niet slaan") and threats quoted in order to reject or report them
("hij zei 'ik steek je' en dat is fout").
"""

from __future__ import annotations

import re

from .scan import Anchored, AnyOf
from .threat_forms import _OWN_NEGATION, CONDITIONAL_SCAN, FORMS_GATE, RULES, unmask

_SUBJ = r"(?:ik|k|we|wij|wy)"
_OBJ = (
    r"(?:(?:je|jouw|jullie|zijn|z'n|haar)\s+(?:moeder|mama|ma|vader|papa|pa|zusje|zus|broertje"
    r"|broer|familie|fam|kinderen|kind)|je|jou|jij|jullie|hem|haar|ze|die|u)"
    r"(?:\s+(?:hele\s+groep|hele\s+gang|allemaal|allebei|mattie|broer|neef))?"
)
_BODY = (
    r"(?:benen|been|hoofd|kop|koppie|gezicht|rug|nek|knieen|armen|arm|tanden|bek|smoel|keel"
    r"|ribben|kaak|neus)"
)
_PART = (
    r"(?:neer|af|dood|kapot|lek|open|in\s+elkaar|in\s+je\s+(?:rug|nek|buik|been|zij)"
    r"|in|op|halen|overhoop|total\s+loss|helemaal\s+kapot|verrot|kreupel|finito)"
)
# Infinitives (also the plural finite form: "we steken").
_VINF_STRONG = (
    r"(?:neersteken|doodsteken|afsteken|kapotsteken|steken|neerschieten|doodschieten"
    r"|afschieten|leegschieten|schieten|doodslaan|neerslaan|kapotslaan|vermoorden|doden"
    r"|afmaken|doodmaken|slopen|knallen|neerknallen|afknallen|snijden|opensnijden|rammen"
    r"|prikken|lekprikken|hakken|wurgen|martelen|afslachten|slachten|executeren|ophangen"
    r"|verbranden|opblazen|uitroeien|aftuigen|breken|trappen|in\s+elkaar\s+slaan|pijn\s+doen"
    r"|verkrachten|aanvallen|onthoofden|vergassen|verdrinken|neerknuppelen|kapotmaken"
    r"|doorsnijden|beeindigen|een\s+einde\s+maken\s+aan"
    r"|in\s+elkaar\s+trappen|laten\s+lijden|laten\s+bloeden)"
)
_VINF_WEAK = r"(?:pakken|slaan|grijpen|vinden|opzoeken|halen|krijgen|klappen|fucken|nemen)"
_VFIN_STRONG = (
    r"(?:ste+k|schiet|sloop|knal|snij|ram|prik|hak|vermoord|wurg|martel|slacht|tuig|breek"
    r"|trap|sla)"
)
_VFIN_WEAK = r"(?:pak|grijp|krijg|klap|fuck|maak|zoek)"
_ADV = (
    r"(?:echt|gewoon|zeker|nog|even|ff|morgen|vanavond|straks|zo|dan|meteen|allemaal|"
    r"eigenhandig|persoonlijk|een\s+voor\s+een|1\s+voor\s+1|keihard|helemaal)"
)
_MODAL = r"(?:ga|gaan|zal|zullen|kom|komen|wil|willen|moet|moeten|ben|zijn)"

# Particles that a verb needs before it is a threat: "ik maak je" is nothing, "ik maak je af" is.
_NEEDS_PART = {"maak", "zoek", "krijg"}

THREAT_RULES_RAW: tuple[tuple[re.Pattern[str], float], ...] = (
    # ik ga je (echt) steken / we komen je halen / ik ga je benen breken
    (
        re.compile(
            rf"\b{_SUBJ}\s+{_MODAL}\s+(?:{_ADV}\s+){{0,2}}{_OBJ}\s+(?:{_BODY}\s+)?"
            rf"(?:{_ADV}\s+){{0,2}}(?:{_PART}\s+)?(?P<v>{_VINF_STRONG}|{_VINF_WEAK}|maken\s+af)\b"
            rf"(?:\s+{_PART}\b)?"
        ),
        0.85,
    ),
    # ik steek je (neer) / ik breek je benen / ik prik je in je rug / we maken jullie af
    (
        re.compile(
            rf"\b(?:ik|k)\s+(?P<v>{_VFIN_STRONG}|{_VFIN_WEAK})\s+{_OBJ}"
            rf"(?:\s+{_BODY})?(?P<p>\s+{_PART}\b)?"
        ),
        0.85,
    ),
    (
        re.compile(
            rf"\b(?:we|wij)\s+(?P<v>{_VINF_STRONG}|{_VINF_WEAK}|maken|zoeken|komen)\s+{_OBJ}"
            rf"(?:\s+{_BODY})?(?P<p>\s+{_PART}\b)?"
        ),
        0.85,
    ),
    # dan steken we je / steek ik je
    (
        re.compile(
            rf"\b(?P<v>{_VFIN_STRONG}|{_VINF_STRONG})\s+(?:ik|we|wij)\s+{_OBJ}"
            rf"(?:\s+{_BODY})?(?:\s+{_PART}\b)?"
        ),
        0.8,
    ),
    # ik schiet / ik steek (no object): still a stated intent to use violence
    (
        re.compile(
            r"\b(?:ik|we)\s+(?P<v>schiet|steek|schieten|steken)\b"
            r"(?=\s*(?:$|[,.!?]|als\b|wanneer\b|zodra\b|meteen\b|gewoon\b|echt\b|hoor\b))"
        ),
        0.6,
    ),
    # Longer sentences: "Ik ga die … echt gewoon vermoorden", "Iemand zou … moeten neersteken"
    (
        re.compile(
            rf"\b(?:ik|we|wij)\s+(?:ga|gaan|zal|zullen|wil|willen|overweeg|overwegen)\s+"
            rf"(?:[^\s.!?]+\s+){{1,6}}?(?:om\s+)?(?:\w+\s+)?(?:te\s+)?(?P<v>{_VINF_STRONG})\b"
        ),
        0.65,
    ),
    (
        re.compile(
            rf"\b(?:iemand|men|we|jullie)\s+(?:zou|zouden|moet|moeten)\s+(?:[^\s.!?]+\s+){{1,6}}?"
            rf"(?:moeten\s+)?(?P<v>{_VINF_STRONG})\b"
        ),
        0.55,
    ),
    # "… zal ik die neerschieten", "laten we ze uitroeien": verb first, then the subject
    (
        re.compile(
            rf"\b(?:zal|ga|wil|laten)\s+(?:ik|we|wij)\s+(?:[^\s.!?]+\s+){{0,5}}?(?P<v>{_VINF_STRONG})\b"
        ),
        0.65,
    ),
)
# The loose rules (long gaps) also look after the match for a negation: "… nooit toestaan".
_LOOSE = frozenset({5, 6, 7})

_SUBJECTS = ["ik", "k", "we", "wij", "wy"]
_VERB_WORDS = re.findall(r"[a-z]+", _VFIN_STRONG + _VINF_STRONG)
_STARTS = [
    _SUBJECTS,
    _SUBJECTS,
    _SUBJECTS,
    _VERB_WORDS,
    _SUBJECTS,
    _SUBJECTS,
    ["iemand", "men", "we", "jullie"],
    ["zal", "ga", "wil", "laten"],
]
# Every grammar rule needs one of these verbs: without any of them the grammar is skipped.
_GRAMMAR_GATE = AnyOf(
    set(
        re.findall(
            r"[a-z]+",
            _VINF_STRONG + _VINF_WEAK + _VFIN_STRONG + _VFIN_WEAK + "maken zoeken komen",
        )
    )
    - {"in", "een", "aan", "te", "elkaar", "pijn", "laten", "einde"},
    rest="ste+k",
)
THREAT_RULES: tuple[tuple[Anchored, float], ...] = tuple(
    (Anchored(rule, words), confidence)
    for (rule, confidence), words in zip(THREAT_RULES_RAW, _STARTS, strict=True)
)

_NEGATED_BEFORE = re.compile(r"\b(?:nooit|niet)\s*$")
_GAME = re.compile(
    r"\b(?:fifa|fortnite|gta|minecraft|roblox|warzone|valorant|call\s+of\s+duty|cod|potje|"
    r"spelletje|game|gamen|gamed|ps5|xbox|controller|noob|2k2[0-9])\b|\U0001F3AE"
)
_NEGATION = re.compile(r"\b(?:niet|nooit|geen|niemand|nimmer|nergens)\b")
# Words each of these regexes needs in the text it searches: an ``in`` test per word rejects most
# texts without trying the regex at every position (the answer is the same).
_NEGATION_WORDS = ("nie", "nooit", "geen", "nimmer", "nergens")
_NEGATED_BEFORE_WORDS = ("nooit", "niet")
_WOULD_NOT_WORD = "zou"
_GAME_WORDS = (
    "fifa",
    "fortnite",
    "gta",
    "minecraft",
    "roblox",
    "warzone",
    "valorant",
    "call",
    "cod",
    "potje",
    "spelletje",
    "game",
    "ps5",
    "xbox",
    "controller",
    "noob",
    "2k2",
    "\U0001f3ae",
)


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


_PARTICLE_IN = re.compile(rf"\s+{_PART}\b")
_POSSESSIVE_SAFE = re.compile(
    r"\s*(?:$|[^\w\s]|(?:als|om|met|bij|in|op|en|dan|want|nu|echt|zo|wel|hoor|broer|bro|man|"
    r"vanavond|morgen|mrgn|vnv|straks|zaterdag|vrijdag|zondag|maandag|dinsdag|woensdag|"
    r"donderdag|zometeen|meteen|wallah|wollah|ouwe|neef|mattie|kanker|kkr|tyfus|@)\b|@|#)"
)
_REPORTING = re.compile(
    r"\b(?:zei|zegt|zeggen|zeg|gezegd|schreef|schrijft|schrijven|geschreven|riep|roept|typte|"
    r"typt|postte|post|noemen|noemt|dingen\s+als|fout|niet\s+oke|niet\s+ok|kan\s+niet|mag\s+niet|"
    r"aanklagen|discrimineer\w*|citaat|quote|zeggen\s+dat|lees|las|bedreiging\w*|wensen|"
    r"gevangenis|aangifte|strafbaar|melden|gemeld)\b"
)
_QUOTES = "\"'"
_SENTENCE_MARKS = ".!?\n"
# Compiled once (these ran through ``re``'s pattern cache on every threat candidate).
_WOULD_NOT = re.compile(r"\b(?:zou|zouden)\b[^,]*\b(?:nooit|niet)\b")
_QUOTE_MARK = re.compile(r"(?:^|\s)'|'(?:\s|$|[,.!?])")
_NOMINAL_BEFORE = re.compile(r"\b(?:het|de|dat)\s+$")
_ENDS_IN_JE = re.compile(r"\s(?:je|jullie)$")
_WEAK_VERB = re.compile(_VINF_WEAK + "|" + _VFIN_WEAK)


def sentence_bounds(folded: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``folded[start:end]``: from just after the last ``.!?`` or newline
    before ``start`` to the first one at or after ``end`` (or the ends of the text)."""
    left = 1 + max(folded.rfind(mark, 0, start) for mark in _SENTENCE_MARKS)
    right = len(folded)
    for mark in _SENTENCE_MARKS:
        found = folded.find(mark, end, right)
        if found != -1:
            right = found
    return left, right


def is_negated_or_reported(folded: str, start: int, end: int, *, phrase: bool = False) -> bool:
    """True for a negated threat, one quoted in a sentence that reports or rejects it, or one
    about a game ("ik maak je af in FIFA"). ``phrase``: a fixed lexicon phrase, whose own words
    may contain a negation ("je leeft niet lang meer")."""
    left, right = sentence_bounds(folded, start, end)
    inside = folded[start:end]
    clause_start = max(left, folded.rfind(",", left, start) + 1)
    before = folded[clause_start:start]
    if not phrase and _has_any(inside, _NEGATION_WORDS) and _NEGATION.search(inside):
        return True
    if _has_any(before, _NEGATED_BEFORE_WORDS) and _NEGATED_BEFORE.search(before):
        return True
    if _WOULD_NOT_WORD in before and _WOULD_NOT.search(before):
        return True
    sentence = folded[left:right]
    if _has_any(sentence, _GAME_WORDS) and _GAME.search(sentence):
        return True
    quoted = any(folded[left:start].count(q) % 2 == 1 for q in _QUOTES if q != "'") or (
        # An apostrophe also marks "'s avonds" and "m'n": count only quote-like uses.
        len(_QUOTE_MARK.findall(folded[left:start])) % 2 == 1
    )
    return bool(quoted and _REPORTING.search(sentence))


_HELD = re.compile(
    r"\b(?:volhoud\w*|beweer\w*|beweren|bewering|zeggen|zegt|zei|denkt|denken|vinden|vindt"
    r"|mening|roepen|roept|geloven|gelooft)\b[^.!?]*\bdat\b"
)


def _clause_negated_or_held(folded: str, start: int, end: int, *, own: bool) -> bool:
    """Normative and wished threats: a negation anywhere in their clause ("geen X zou moeten
    worden …", "we mogen niemand laten lijden") or an opinion someone else holds ("als je blijft
    volhouden dat …") makes them no threat."""
    left, _right = sentence_bounds(folded, start, end)
    clause_start = max(left, folded.rfind(",", left, start) + 1)
    if not own and _NEGATION.search(folded, clause_start, end):
        return True
    return bool(_HELD.search(folded, left, start))


def _loose_negated(folded: str, m: re.Match[str]) -> bool:
    """A nominalised verb ("het doden van") or a negation later in the sentence."""
    verb_start = m.start("v")
    if _NOMINAL_BEFORE.search(folded[max(0, verb_start - 6) : verb_start]):
        return True
    _left, right = sentence_bounds(folded, m.start(), m.end())
    return bool(_NEGATION.search(folded, m.end(), right))


def find_threats(folded: str) -> list[tuple[int, int, float]]:
    """``(start, end, confidence)`` for every threat the grammar finds (overlaps allowed).

    Masked spellings ("ik st3k je") are read through :func:`threat_forms.unmask`, which keeps
    offsets; the negation and quotation checks always look at the text as written."""
    plain = unmask(folded)
    found = _grammar_threats(folded, folded) if _GRAMMAR_GATE.found_in(folded) else []
    if plain != folded and _GRAMMAR_GATE.found_in(plain):
        found += _grammar_threats(plain, folded)
    for subject in {folded, plain}:
        if not FORMS_GATE.found_in(subject):
            continue  # none of the normative, wished or conditional forms can match
        for index, (rule, confidence) in enumerate(RULES):
            for m in rule.finditer(subject):
                start, end = m.span()
                own = index in _OWN_NEGATION
                if is_negated_or_reported(folded, start, end, phrase=own):
                    continue
                if _clause_negated_or_held(folded, start, end, own=own):
                    continue
                found.append((start, end, confidence))
        for m in CONDITIONAL_SCAN.finditer(subject):
            start, end = m.span()
            if not is_negated_or_reported(folded, start, end, phrase=True):
                found.append((start, end, 0.7))
    return found


def _grammar_threats(subject: str, folded: str) -> list[tuple[int, int, float]]:
    found: list[tuple[int, int, float]] = []
    for index, (rule, confidence) in enumerate(THREAT_RULES):
        for m in rule.finditer(subject):
            # The two groups read once each, not a ``groupdict()`` of every group per test.
            names = m.re.groupindex
            verb_text = m.group("v") if "v" in names else None
            has_p = "p" in names
            particle = m.group("p") if has_p else None
            verb = verb_text.split()[0] if verb_text else ""
            start, end = m.span()
            if verb in _NEEDS_PART and not particle:
                continue
            if verb in ("maken", "zoeken", "komen") and not particle:
                continue
            if (
                has_p
                and not particle
                and _ENDS_IN_JE.search(subject[start:end])
                and not _POSSESSIVE_SAFE.match(subject, end)
            ):
                continue  # "ik pak je tas": "je" is a possessive, not the object
            weak = bool(_WEAK_VERB.fullmatch(verb))
            if is_negated_or_reported(folded, start, end):
                continue
            if index in _LOOSE and _loose_negated(folded, m):
                continue
            found.append((start, end, confidence - (0.15 if weak else 0.0)))
    return found
