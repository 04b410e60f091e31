"""Lont's Dutch text analyser: plain Python, no Django, runs locally.

from lont.analyser import analyse
result = analyse("zaterdag om 21:00 bij de kooi", posted_at=datetime(2026, 3, 14, 16, 20))
"""

from . import _compiled

# Before any other module of the package is imported: the compiled build, when it is current.
_compiled.install()

from .check import check_message  # noqa: E402
from .engine import analyse  # noqa: E402
from .gazetteer import Gazetteer, GazetteerError, Place  # noqa: E402
from .lexicon import Lexicon, LexiconError  # noqa: E402
from .model import (  # noqa: E402
    KINDS,
    Analysis,
    EngagementThresholds,
    MessageWarning,
    Span,
    Suggestion,
)

__all__ = [
    "KINDS",
    "Analysis",
    "EngagementThresholds",
    "Gazetteer",
    "GazetteerError",
    "Lexicon",
    "LexiconError",
    "MessageWarning",
    "Place",
    "Span",
    "Suggestion",
    "analyse",
    "check_message",
]
