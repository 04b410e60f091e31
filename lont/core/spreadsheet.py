"""CSV cells that are safe to open in a spreadsheet (every export of Lont uses this)."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """Spreadsheet formula injection: a cell starting with =, +, -, @ (or a tab or carriage
    return that some programs strip first) would run as a formula in Excel or LibreOffice."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
