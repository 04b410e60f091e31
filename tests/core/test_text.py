"""``shortened`` answers what Django's ``Truncator(text).chars(n)`` answers, for every text."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.text import Truncator
from hypothesis import given, settings
from hypothesis import strategies as st

from lont.core.text import shortened

SETTINGS = settings(max_examples=400, deadline=None, derandomize=True)

# Texts that stress what Truncator counts: combining marks (not counted), text that NFC
# composes (e + U+0301 → é), wide and astral characters, and plain ASCII around the length.
pieces = st.sampled_from([*"aZ .'&<éßﬁ中🙂…", "e\u0301", "\u0301", "\u0308"])
texts = st.one_of(
    st.text(max_size=120),
    st.lists(pieces, max_size=110).map("".join),
    st.text(alphabet=st.characters(max_codepoint=127), min_size=85, max_size=95),
)


@SETTINGS
@given(texts, st.integers(min_value=-2, max_value=100))
def test_shortened_is_truncators_chars(text, length):
    assert shortened(text, length) == Truncator(text).chars(length)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_shortened_in_each_language(language):
    with translation.override(language):
        for text in ["kort", "x" * 90, "x" * 91, "e\u0301" * 90, "e\u0301" * 91, "\u0301" * 200]:
            assert shortened(text, 90) == Truncator(text).chars(90)
