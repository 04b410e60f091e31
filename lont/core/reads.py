"""The access-log writer, as core sees it: one hook the audit app fills in its ``ready``.

Core's selectors and base views log every read of personal data, but the log itself lives in a
higher layer (``lont.audit``). Core calls :func:`log_reads`; ``AuditConfig.ready`` installs
``lont.audit.access.log_reads`` with :func:`set_read_logger`. Without a writer a read is refused
rather than left unlogged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol


class ReadLogger(Protocol):
    def __call__(
        self, viewer: Any, objects: Iterable[Any], *, via: str, path: str = "", purpose: str = ""
    ) -> int: ...


_logger: ReadLogger | None = None


def set_read_logger(logger: ReadLogger) -> None:
    global _logger
    _logger = logger


def log_reads(
    viewer: Any, objects: Iterable[Any], *, via: str, path: str = "", purpose: str = ""
) -> int:
    if _logger is None:
        raise RuntimeError(
            "No access-log writer installed (lont.audit must be in INSTALLED_APPS): "
            "reads of personal data are never left unlogged."
        )
    return _logger(viewer, objects, via=via, path=path, purpose=purpose)
