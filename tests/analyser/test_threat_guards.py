"""The word tests in front of the negation, report and game regexes never hide a match."""

from hypothesis import given
from hypothesis import strategies as st

from lont.analyser import threats

_PIECES = [
    "niet", "nooit", "geen", "niemand", "nimmer", "nergens", "zou", "zouden", "fifa", "gta",
    "call", "of", "duty", "cod", "game", "gamen", "2k23", "\U0001f3ae", "ps5", "noob", "ik",
    "je", "ni", "et", "zo", "u", "ga", "me", " ", "  ", ",", ".", "😂", "_", "\n",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)

_GUARDED = [
    (threats._NEGATION, threats._NEGATION_WORDS),
    (threats._NEGATED_BEFORE, threats._NEGATED_BEFORE_WORDS),
    (threats._WOULD_NOT, (threats._WOULD_NOT_WORD,)),
    (threats._GAME, threats._GAME_WORDS),
]


@given(_TEXTS | st.text())
def test_a_regex_finds_nothing_where_none_of_its_words_occurs(text):
    for regex, words in _GUARDED:
        if regex.search(text) is not None:
            assert threats._has_any(text, words), (regex.pattern, text)
