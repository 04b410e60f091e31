"""How a signal is described where a member links it by hand: what the viewer may read of it."""

from __future__ import annotations

from typing import Any

from django.utils.text import Truncator

from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access
from lont.signalregister.summaries import summary_text


def describe(viewer: Viewer, signal: Any) -> str:
    """The signal's summary (date, partner, groups the viewer sees, indicators) and, for a reader
    with full access, the start of its text."""
    text = summary_text(signal, viewer)
    if access_for(viewer, signal) == Access.FULL and signal.description:
        text += " — “" + Truncator(signal.description).chars(120) + "”"
    return text
