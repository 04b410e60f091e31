"""Hooks for the apps above the signal register: what happens when a signal is saved.

``register_on_saved(fn)`` (in ``AppConfig.ready``): ``fn(signal=…, viewer=…, created=…)`` runs
inside the saving transaction after a registration or a correction (assessment links the signal to
its situations there) and returns short Dutch sentences the page shows the member.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

OnSaved = Callable[..., list[str]]
_ON_SAVED: list[OnSaved] = []


def register_on_saved(fn: OnSaved) -> None:
    if fn not in _ON_SAVED:
        _ON_SAVED.append(fn)


def signal_saved(*, signal: Any, viewer: Any, created: bool) -> list[str]:
    notes: list[str] = []
    for fn in _ON_SAVED:
        notes.extend(fn(signal=signal, viewer=viewer, created=created))
    signal.saved_notes = notes
    return notes
