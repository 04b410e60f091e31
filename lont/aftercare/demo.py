"""Demo data of aftercare (filled in below)."""

from __future__ import annotations

from typing import Any


def load_demo(networks: dict[str, Any]) -> None:
    return None
