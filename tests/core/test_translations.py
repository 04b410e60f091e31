"""Dutch is the source language; the English translation is complete for what exists."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from lont.networks.choices import PartnerType, Role

PO = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str) -> list[tuple[str, str, bool]]:
    entries = []
    for block in text.split("\n\n"):
        if "msgid" not in block:
            continue
        fuzzy = "#, fuzzy" in block
        msgid = "".join(
            re.findall(r'^(?:msgid|msgid_plural)?\s*"(.*)"$', block.split("msgstr")[0], re.M)
        )
        msgstr = "".join(
            re.findall(
                r'^(?:msgstr(?:\[\d\])?)?\s*"(.*)"$', "msgstr" + block.split("msgstr", 1)[1], re.M
            )
        )
        entries.append((msgid, msgstr, fuzzy))
    return entries[1:]  # the header


def test_every_dutch_string_has_an_english_translation():
    missing = [msgid for msgid, msgstr, fuzzy in _entries(PO.read_text()) if not msgstr or fuzzy]
    assert missing == []


@pytest.mark.django_db
def test_pages_render_in_english(make_member, client_for):
    client = client_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        page = client.get(reverse("networks:covenant"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in page
    assert "Signals" in page and "Signalen" not in page.split("<main")[0]
