"""What the overview page shows beside the phases, contributed by the apps above core.

Core renders the overview but knows no domain app: an app registers a context provider in its
``AppConfig.ready`` (``register("overview", network_overview)``) and the page asks each for its
part. Same shape as the demo-loader registry (:mod:`lont.core.demo`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

OverviewProvider = Callable[[Any], Any]
_PROVIDERS: dict[str, OverviewProvider] = {}


def register(key: str, provider: OverviewProvider) -> None:
    """``provider(viewer)`` becomes ``key`` in the overview page's context."""
    _PROVIDERS[key] = provider


def context_for(viewer: Any) -> dict[str, Any]:
    return {key: provider(viewer) for key, provider in _PROVIDERS.items()}
