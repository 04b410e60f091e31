"""Small server-rendered SVG charts (no JavaScript chart library; CSP allows no inline script)."""

from __future__ import annotations

from typing import Any


def _points(values: list[float], width: float, height: float, pad: float, top: float) -> str:
    if not values:
        return ""
    step = (width - 2 * pad) / max(1, len(values) - 1)
    scale = (height - 2 * pad) / top if top else 0
    return " ".join(
        f"{pad + i * step:.1f},{height - pad - v * scale:.1f}"  # f-strings: always a dot
        for i, v in enumerate(values)
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
        "first_at": str(history[0].get("at", ""))[:10] if history else "",
        "last_at": str(history[-1].get("at", ""))[:10] if history else "",
    }


MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _num(value: float) -> str:
    """A coordinate as SVG wants it: a dot, never the locale's decimal comma."""
    return f"{value:.1f}"


def month_label(month: str) -> str:
    """``"2026-03"`` → ``"mrt ’26"``; anything else as it is."""
    year, _sep, number = month.partition("-")
    if number.isdigit() and 1 <= int(number) <= 12 and len(year) == 4:
        return f"{MONTHS_NL[int(number) - 1]} ’{year[2:]}"
    return month


def drill_chart(drill: dict[str, Any], width: int = 560, height: int = 240) -> dict[str, Any]:
    """Two monthly series: personal attacks (solid) and shows of weapons and members (dashed),
    with a labelled count axis and a month under every other point. Every number in the SVG is
    a string with a decimal dot, so the Dutch locale cannot turn coordinates into "12,5"."""
    attacks = [float(v) for v in drill.get("attacks", [])]
    shows = [float(v) for v in drill.get("shows", [])]
    top = max([*attacks, *shows, 1.0])
    pad, bottom = 40, 44
    months = list(drill.get("months", []))
    step = (width - 2 * pad) / max(1, len(months) - 1)
    inner = height - pad - bottom
    axis_y = height - bottom

    def points(values: list[float]) -> str:
        return " ".join(
            f"{_num(pad + i * step)},{_num(axis_y - v / top * inner)}" for i, v in enumerate(values)
        )

    ticks = sorted({0, int(top) // 2, int(top)})
    return {
        "width": str(width),
        "height": str(height),
        "attacks": points(attacks),
        "shows": points(shows),
        "top": int(top),
        "ticks": [{"y": _num(axis_y - t / top * inner), "text": str(t)} for t in ticks],
        "labels": [
            {"x": _num(pad + i * step), "text": month_label(m)}
            for i, m in enumerate(months)
            if i % 2 == 0 or len(months) <= 6
        ],
        "axis_y": str(axis_y),
        "label_y": str(axis_y + 16),
        "title_x": _num(width / 2),
        "title_y": str(height - 6),
        "pad": str(pad),
        "tick_x": str(pad - 6),
        "right": str(width - pad),
        "top_y": str(pad),
        "y_title_y": str(pad - 14),
        "rows": [
            (month_label(m), a, s)
            for m, a, s in zip(
                months, drill.get("attacks", []), drill.get("shows", []), strict=False
            )
        ],
    }
