"""Re-authentication for sensitive actions: defined in core (pages of every layer need it)."""

from lont.core.reauth import (
    SESSION_REAUTH_KEY,
    RecentAuthRequiredMixin,
    mark_reauthenticated,
    reauth_redirect,
    recently_authenticated,
)

__all__ = [
    "SESSION_REAUTH_KEY",
    "RecentAuthRequiredMixin",
    "mark_reauthenticated",
    "reauth_redirect",
    "recently_authenticated",
]
