"""Counts the queries run through Django's connection and their wall time (round trip included).

Installed with ``connection.execute_wrapper(meter)``; shared by the benches that print queries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


class QueryMeter:
    def __init__(self) -> None:
        self.queries = 0
        self.query_ms = 0.0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, ctx: Any):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, ctx)
        finally:
            self.queries += 1
            self.query_ms += (time.perf_counter() - start) * 1000
