"""The token pass gives the tokens of ``normalise.TOKEN_RE``, with their offsets and keys."""

import sys

from hypothesis import given
from hypothesis import strategies as st

from lont.analyser.normalise import TOKEN_RE, fold
from lont.analyser.scan import _ASCII_GAPS, _GAPS, _NON_ASCII_TOKEN_CHAR, _tokenise, token_key


def _expected(folded: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), token_key(m.group(0))) for m in TOKEN_RE.finditer(folded))


def _check(folded: str) -> None:
    spans, grouped, keys, ascii_text, words = _tokenise.__wrapped__(folded)
    assert ascii_text == "".join(char if char.isascii() else "?" for char in folded)
    assert spans == _expected(folded)
    by_key: dict[str, list[int]] = {}
    for start, _end, key in spans:
        by_key.setdefault(key, []).append(start)
    assert grouped == by_key
    assert keys == frozenset(by_key)
    assert words == {start: folded[start:end] for start, end, _key in spans}


def test_a_token_character_is_exactly_an_alphanumeric_one():
    # The pass splits at every character for which str.isalnum() is false; the regex says the
    # same of every code point.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (TOKEN_RE.fullmatch(char) is not None) == char.isalnum(), hex(code)


def test_the_emoji_path_knows_every_non_ascii_token_character():
    # Texts with no non-ASCII token character skip str.translate: their non-ASCII characters
    # all become one "?" each and then a space, as a bytes translation.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        expected = not char.isascii() and char.isalnum()
        assert (_NON_ASCII_TOKEN_CHAR.fullmatch(char) is not None) == expected, hex(code)
        if not expected:
            assert char.encode("ascii", "replace").translate(_ASCII_GAPS).decode() == (
                char.translate(_GAPS)
            ), hex(code)


def test_posts_with_emoji_handles_digits_and_other_scripts():
    for text in [
        "",
        " ",
        "zaterdag om 21:00 bij de kooi 😂🔥, @kleineb_vbs #noorderhavengang",
        "  dubbele  spaties\tand\ttabs\n\nen regels__onder_streep  ",
        "Ελληνικά, кириллица, ١٢٣ ²³ 三時 x\u0301y İstanbul",
        "12,3K views en 89 reposts!!!",
        "alleen emoji 😂🔥😂 en? vraag\ud800tekens",
    ]:
        _check(fold(text))


@given(st.text())
def test_any_text(text):
    _check(text)
    _check(fold(text))


@given(st.text(), st.text(alphabet=st.characters(max_codepoint=127, blacklist_characters="?")))
def test_an_ascii_needle_is_in_the_ascii_view_exactly_when_it_is_in_the_text(text, needle):
    assert (needle in _tokenise.__wrapped__(text)[3]) == (needle in text)
