"""The audit log as core sees it: hooks the audit app fills in its ``ready``.

Core's selectors and base views log every read of personal data, but the log itself lives in a
higher layer (``lont.audit``). Core calls :func:`log_reads`; ``AuditConfig.ready`` installs
``lont.audit.access.log_reads`` with :func:`set_read_logger`. Without a writer a read is refused
rather than left unlogged. The generic history page reads the change log the same way
(:func:`object_history`, installed from ``lont.audit.selectors.object_history``).

**Refreshes.** A page that renders itself again while it is open (a live picture polled every
few seconds) shows mostly what its reader already saw. Inside :func:`refreshing` the writer logs
only what is *new to that reader*: an object not yet logged for them (same channel) within
``REFRESH_WINDOW``, one that changed since, or one they now read at a higher level. The first
render of a page is never a refresh, so every disclosure keeps its row and the log stays
readable (issue 10: one change on 30 open pages wrote 1,740 rows).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, Protocol

# How long an unchanged object seen again by a refresh counts as already logged for its reader.
REFRESH_WINDOW = dt.timedelta(hours=1)

_refresh: ContextVar[bool] = ContextVar("lont_read_refresh", default=False)


@contextlib.contextmanager
def refreshing() -> Iterator[None]:
    """Reads inside are a refresh of a page its reader has open (see the module docstring)."""
    token = _refresh.set(True)
    try:
        yield
    finally:
        _refresh.reset(token)


def is_refresh() -> bool:
    return _refresh.get()


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


# The change history of one object (the generic history page), kept by the audit app as well.
HistorySource = Callable[[Any, Any], Any]
_history: HistorySource | None = None


def set_history_source(source: HistorySource) -> None:
    global _history
    _history = source


def object_history(viewer: Any, obj: Any) -> Any:
    """The change-log entries of ``obj`` that ``viewer`` may see, newest first."""
    if _history is None:
        raise RuntimeError("No change history installed (lont.audit must be in INSTALLED_APPS).")
    return _history(viewer, obj)
