"""Checks shared by the assessment services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext as _

from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access


def _require_write(viewer: Viewer) -> None:
    if not viewer.can("case.write"):
        raise PermissionDenied(_("Uw rol mag hier niets vastleggen."))


def _require_full(viewer: Viewer, obj: models.Model) -> None:
    _require_write(viewer)
    if access_for(viewer, obj) < Access.FULL:
        raise PermissionDenied(_("U heeft geen volledige toegang tot dit gegeven."))


def _same_network(viewer: Viewer, *objects: Any) -> None:
    for obj in objects:
        if obj is not None and obj.network_id != viewer.network.pk:
            raise PermissionDenied


def _save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()
