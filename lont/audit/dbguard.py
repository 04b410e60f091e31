"""The maintenance switch the append-only triggers consult (see migration 0002).

SQLite calls the application function ``lont_log_maintenance()``; PostgreSQL reads the session
setting ``lont.log_maintenance``. Both default to *off*; only ``LONT_LOG_MAINTENANCE`` (test
settings, so the test database can be flushed) turns it on for new connections.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.backends.signals import connection_created
from django.dispatch import receiver

_state = {"maintenance": False}


def set_maintenance(on: bool) -> None:
    _state["maintenance"] = on


@receiver(connection_created)
def _install(sender: Any, connection: Any, **kwargs: Any) -> None:
    enabled = bool(getattr(settings, "LONT_LOG_MAINTENANCE", False))
    _state["maintenance"] = enabled
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "lont_log_maintenance", 0, lambda: int(_state["maintenance"]), deterministic=False
        )
    elif connection.vendor == "postgresql" and enabled:
        with connection.cursor() as cursor:
            cursor.execute("SET lont.log_maintenance = 'on'")
