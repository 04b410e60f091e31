"""Small server-rendered SVG charts (no JavaScript chart library; CSP allows no inline script)."""

from __future__ import annotations

from typing import Any


def _points(values: list[float], width: float, height: float, pad: float, top: float) -> str:
    if not values:
        return ""
    step = (width - 2 * pad) / max(1, len(values) - 1)
    scale = (height - 2 * pad) / top if top else 0
    return " ".join(
        f"{pad + i * step:.1f},{height - pad - v * scale:.1f}" for i, v in enumerate(values)
    )


def sparkline(history: list[dict[str, Any]], width: int = 120, height: int = 28) -> dict[str, Any]:
    scores = [float(h.get("score", 0)) for h in history]
    top = max(scores, default=0) or 1.0
    return {
        "width": width,
        "height": height,
        "points": _points(scores, width, height, 2, top),
        "first": round(scores[0], 1) if scores else 0,
        "last": round(scores[-1], 1) if scores else 0,
    }


def drill_chart(drill: dict[str, Any], width: int = 560, height: int = 220) -> dict[str, Any]:
    """Two monthly series: personal attacks (solid) and shows of weapons and members (dashed)."""
    attacks = [float(v) for v in drill.get("attacks", [])]
    shows = [float(v) for v in drill.get("shows", [])]
    top = max([*attacks, *shows, 1.0])
    pad = 30
    months = drill.get("months", [])
    step = (width - 2 * pad) / max(1, len(months) - 1)
    return {
        "width": width,
        "height": height,
        "attacks": _points(attacks, width, height, pad, top),
        "shows": _points(shows, width, height, pad, top),
        "top": int(top),
        "labels": [
            {"x": round(pad + i * step, 1), "text": m[2:]}
            for i, m in enumerate(months)
            if i % 2 == 0
        ],
        "axis_y": height - pad,
        "pad": pad,
        "right": width - pad,
        "rows": list(zip(months, drill.get("attacks", []), drill.get("shows", []), strict=False)),
    }
