"""What the covenant annex cites from the apps above networks (a hook: networks imports none of
them). ``lont.peacetime`` registers the network vision a covenant version rests on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Citation = Callable[[Any], "str | None"]
_CITATIONS: list[Citation] = []


def register_citation(fn: Citation) -> None:
    if fn not in _CITATIONS:
        _CITATIONS.append(fn)


def citations(version: Any) -> list[str]:
    """Sentences citing what ``version`` (a ``CovenantVersion``) rests on."""
    return [text for fn in _CITATIONS if (text := fn(version))]
