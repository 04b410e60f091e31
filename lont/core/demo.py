"""Demo loaders of the apps, run in order by ``manage.py load_demo`` after the networks exist.

An app registers ``register(order, loader)`` in its ``AppConfig.ready``; a loader receives the
demo networks by slug and must be idempotent (running the demo twice changes nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DemoLoader = Callable[[dict[str, Any]], None]
_LOADERS: list[tuple[int, str, DemoLoader]] = []


def register(order: int, loader: DemoLoader) -> None:
    name = f"{loader.__module__}.{loader.__qualname__}"
    if all(existing != name for _, existing, _ in _LOADERS):
        _LOADERS.append((order, name, loader))


def loaders() -> list[DemoLoader]:
    return [loader for _, _, loader in sorted(_LOADERS, key=lambda item: (item[0], item[1]))]
