"""Database sessions with a sliding idle timeout that writes only when the expiry has gone stale.

Django's way to slide a session is ``SESSION_SAVE_EVERY_REQUEST``: an UPDATE (and a commit) on
every request, the one write most page views do. Here a session is written again only when its
stored expiry lags the fresh one (now + ``SESSION_COOKIE_AGE``) by more than
``LONT_SESSION_REFRESH_SECONDS``. The stored expiry never lies beyond that fresh one, so the idle
timeout stays enforced: a session still ends at most ``SESSION_COOKIE_AGE`` after the last request
(up to ``LONT_SESSION_REFRESH_SECONDS`` sooner, never later).

Use with ``SESSION_ENGINE = "lont.accounts.sessions"``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import db
from django.db.models import QuerySet
from django.utils import timezone

from lont.core.prepared import PreparedQuery


def _session_by_key(session_key: str) -> QuerySet[Any]:
    return SessionStore.get_model_class().objects.filter(session_key=session_key)


# Read on every request of a signed-in user: compiled once (lont.core.prepared).
_SESSION_BY_KEY = PreparedQuery(_session_by_key, session_key=str)


class SessionStore(db.SessionStore):
    _stored_expiry: datetime | None = None

    def _get_session_from_db(self) -> Any:
        """Django's lookup (the row with this key, if not expired), through the prepared query."""
        found = _SESSION_BY_KEY(session_key=str(self.session_key))
        stored = found[0] if found and found[0].expire_date > timezone.now() else None
        if stored is None:
            self._session_key = None
        self._stored_expiry = stored.expire_date if stored is not None else None
        return stored

    def load(self) -> dict[str, Any]:
        data = super().load()
        if self._stored_expiry is not None and self._is_stale(data):
            # Django's middleware saves a modified session with a fresh expiry.
            self.modified = True
        return data

    def _is_stale(self, data: dict[str, Any]) -> bool:
        assert self._stored_expiry is not None
        fresh = self.get_expiry_date(expiry=data.get("_session_expiry"))
        allowed_lag = timedelta(seconds=settings.LONT_SESSION_REFRESH_SECONDS)
        return fresh - self._stored_expiry > allowed_lag
