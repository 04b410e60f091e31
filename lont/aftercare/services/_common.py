"""Checks shared by the aftercare services (the rules live in ``core.guards``)."""

from __future__ import annotations

from django.db import models

from lont.core import guards

require_write = guards.require_write
require_full = guards.require_full
same_network = guards.require_same_network


def save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()
