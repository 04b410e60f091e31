"""Every table scrolls inside its own box on a narrow screen (WCAG 1.4.10 reflow).

The box comes from the template, not from JavaScript, so it is there for every reader and in the
HTML that tests and the crawler see; app.js only makes the boxes reachable by keyboard.
"""

from __future__ import annotations

import re
from pathlib import Path

import lont

TEMPLATES = sorted(Path(lont.__file__).parent.glob("**/templates/**/*.html"))
WRAPPED = re.compile(r'<div class="lont-table-wrap"[^>]*>\s*$')


def unwrapped_tables(text: str) -> int:
    return sum(
        1 for match in re.finditer(r"<table\b", text) if not WRAPPED.search(text[: match.start()])
    )


def test_every_template_table_sits_in_a_scroll_box():
    assert TEMPLATES, "no templates found"
    offenders = [
        str(path.relative_to(Path(lont.__file__).parent))
        for path in TEMPLATES
        if unwrapped_tables(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_check_sees_an_unwrapped_table():
    assert unwrapped_tables('<p>x</p>\n<table class="utrecht-table">') == 1
    assert unwrapped_tables('<div class="lont-table-wrap" tabindex="0"><table>') == 0
