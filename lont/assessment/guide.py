"""Hands the guide's catalogue (knowledge app) to the pure engine, which imports no app itself.

Pure Python too: the benchmark calls :func:`install_guide` without Django.
"""

from __future__ import annotations

from lont.engine import guide
from lont.knowledge.catalogue import load_indicators, load_lists


def install_guide() -> None:
    guide.install(
        indicator_labels=lambda: {i.code: i.label_nl for i in load_indicators()},
        request_techniques=lambda code: load_lists()["request_techniques"].get(code),
    )
