"""Lont's Dutch text analyser: plain Python, no Django, runs locally.

from lont.analyser import analyse
result = analyse("zaterdag om 21:00 bij de kooi", posted_at=datetime(2026, 3, 14, 16, 20))
"""

from .check import check_message
from .engine import analyse
from .gazetteer import Gazetteer, GazetteerError, Place
from .lexicon import Lexicon, LexiconError
from .model import KINDS, Analysis, MessageWarning, Span, Suggestion
from .suggest import EngagementThresholds

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
