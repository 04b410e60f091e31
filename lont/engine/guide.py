"""The guide's catalogue as the engine sees it: Dutch indicator labels and the request techniques.

The engine imports no app (an import-linter contract holds it). The catalogue is data of the
knowledge app; whoever runs the engine installs it here — the assessment app in its ``ready``,
the benchmark by hand. Without it, explanations fall back to indicator codes and the built-in
technique names, so the engine stays usable (and deterministic) on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

IndicatorLabels = Callable[[], Mapping[str, str]]
RequestTechniques = Callable[[str], Any]

_indicator_labels: IndicatorLabels | None = None
_request_techniques: RequestTechniques | None = None
_on_install: list[Callable[[], None]] = []


def install(
    *,
    indicator_labels: IndicatorLabels | None = None,
    request_techniques: RequestTechniques | None = None,
) -> None:
    """``indicator_labels()``: code → Dutch label; ``request_techniques(code)``: the catalogue item
    of a request technique (``label_nl``, ``text_nl``, ``extra``; ``lists.json``) or ``None``."""
    global _indicator_labels, _request_techniques
    _indicator_labels = indicator_labels
    _request_techniques = request_techniques
    for clear in _on_install:
        clear()


def on_install(clear: Callable[[], None]) -> None:
    """Engine modules that cache what they read from the guide clear it on a new install."""
    _on_install.append(clear)


def indicator_labels() -> Mapping[str, str]:
    return _indicator_labels() if _indicator_labels is not None else {}


def request_technique(code: str) -> Any:
    """The catalogue item for a request technique; ``KeyError`` when none is installed."""
    item = _request_techniques(code) if _request_techniques is not None else None
    if item is None:
        raise KeyError(code)
    return item
