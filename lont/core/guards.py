"""The write rules every service enforces, in one wording, and the same rules as predicates for
pages, so a page never offers an action the viewer may not perform.

Services call the ``require_*`` functions (they raise ``PermissionDenied`` with a Dutch reason);
views and templates call the ``may_*`` predicates (``{% load lont_guards %}``,
``{% if obj|may_delete:viewer %}``). Both read the same three facts: the viewer's role
(``case.write``), their access to the object (``core.visibility``) and who recorded it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from lont.core.choices import Access, Role

from .viewer import Viewer
from .visibility import access_for

WRITE_PERMISSION = "case.write"


def refused_write() -> str:
    return _("Uw rol mag hier niets vastleggen.")


def refused_full() -> str:
    return _("U heeft geen volledige toegang tot dit gegeven.")


def refused_owner() -> str:
    return _("Alleen de partner die dit vastlegde (of de netwerkregisseur) kan dit verwijderen.")


def refused_network() -> str:
    return _("Dit gegeven bestaat niet of is voor u niet zichtbaar.")


def may_write(viewer: Viewer | None, permission: str = WRITE_PERMISSION) -> bool:
    return viewer is not None and viewer.can(permission)


def may_change(viewer: Viewer | None, obj: Any, permission: str = WRITE_PERMISSION) -> bool:
    """Change: a writing role with full access to the object."""
    return may_write(viewer, permission) and access_for(viewer, obj) >= Access.FULL  # type: ignore[arg-type]


def may_delete(viewer: Viewer | None, obj: Any, permission: str = WRITE_PERMISSION) -> bool:
    """Delete (or unlink): the partner that recorded it, or the network director; never what
    the viewer cannot see at all."""
    if not may_write(viewer, permission):
        return False
    assert viewer is not None
    owner = getattr(obj, "organisation_id", None) == viewer.organisation.pk
    if not owner and viewer.role != Role.DIRECTOR:
        return False
    return access_for(viewer, obj) >= Access.SUMMARY


def require_write(viewer: Viewer, permission: str = WRITE_PERMISSION) -> None:
    if not may_write(viewer, permission):
        raise PermissionDenied(refused_write())


def require_full(viewer: Viewer, obj: Any, permission: str = WRITE_PERMISSION) -> None:
    require_write(viewer, permission)
    if access_for(viewer, obj) < Access.FULL:
        raise PermissionDenied(refused_full())


def require_owner(viewer: Viewer, obj: Any, permission: str = WRITE_PERMISSION) -> None:
    require_write(viewer, permission)
    if not may_delete(viewer, obj, permission):
        raise PermissionDenied(refused_owner())


def require_same_network(viewer: Viewer, *objects: Any) -> None:
    for obj in objects:
        if obj is not None and obj.network_id != viewer.network.pk:
            raise PermissionDenied(refused_network())


def protected_reason(error: ProtectedError) -> str:
    """Why a delete was refused because other rows still refer to the object: the kinds of rows
    only (not how many, nor which: the viewer may not see them)."""
    kinds = sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects})
    return _(
        "Dit kan niet worden verwijderd: andere gegevens verwijzen er nog naar (%(kinds)s). "
        "Haal die koppelingen eerst weg; er is niets verwijderd."
    ) % {"kinds": ", ".join(kinds) or "?"}
