"""Who is acting, in which request: set by middleware for pages and API, by services for tasks.

The change log reads this so no write path has to pass the actor down by hand.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ActingContext:
    user_id: int | None
    network_id: int | None
    request_id: str
    via: str  # "page", "api", "task", "command"


_current: ContextVar[ActingContext | None] = ContextVar("lont_acting_context", default=None)


def current() -> ActingContext | None:
    return _current.get()


def new_request_id() -> str:
    return uuid.uuid4().hex


@contextlib.contextmanager
def acting(
    *, user: Any = None, network: Any = None, via: str = "command", request_id: str | None = None
) -> Iterator[ActingContext]:
    ctx = ActingContext(
        user_id=getattr(user, "pk", None),
        network_id=getattr(network, "pk", None),
        request_id=request_id or new_request_id(),
        via=via,
    )
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)


def set_current(ctx: ActingContext | None) -> Any:
    return _current.set(ctx)


def reset_current(token: Any) -> None:
    _current.reset(token)
