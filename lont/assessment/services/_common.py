"""Checks shared by the assessment services."""

from __future__ import annotations

from django.db import models

from lont.core import guards

# The write rules live in ``core.guards`` (one wording, shared with the pages' offers).
_require_write = guards.require_write
_require_full = guards.require_full
_same_network = guards.require_same_network


def _save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()
