"""Shared checks and helpers of the subjects services."""

from __future__ import annotations

from typing import Any

from django.db import models

from lont.audit.events import record_event
from lont.core import guards
from lont.core.viewer import Viewer

DEFAULT_IDENTIFYING_RETENTION_DAYS = 365

# The write rules live in ``core.guards`` (one wording, shared with the pages' offers).
_require_write = guards.require_write
_require_full = guards.require_full
_require_owner = guards.require_owner
_same_network = guards.require_same_network


def _save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()


def _apply(obj: models.Model, data: dict[str, Any]) -> dict[str, Any]:
    """Set plain fields; return the many-to-many values for after the save."""
    m2m = {}
    for name, value in data.items():
        field = obj._meta.get_field(name)
        if field.many_to_many:
            m2m[name] = value
        else:
            setattr(obj, name, value)
    return m2m


def _event(event: str, obj: Any, viewer: Viewer | None, **details: Any) -> None:
    record_event(
        event=event,
        obj=obj,
        actor=viewer.user if viewer else None,
        network=viewer.network if viewer else None,
        details=details or None,
    )
