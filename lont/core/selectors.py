"""Permission-aware reads shared by every app: fetch through the visibility layer and log the read."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404

from .choices import Access
from .filters import parse_id
from .reads import log_reads
from .viewer import Viewer
from .visibility import effective_access, visible


def get_visible(
    viewer: Viewer,
    model_or_queryset: type[models.Model] | models.QuerySet,
    *,
    via: str,
    path: str = "",
    purpose: str = "",
    minimum: Access = Access.SUMMARY,
    **lookup: Any,
) -> tuple[Any, Access]:
    """One object and the viewer's access to it. Missing and forbidden give the same 404, and so
    does a malformed id (``/signals/abc/``, a number past the database's range)."""
    if "pk" in lookup and parse_id(lookup["pk"]) is None:
        raise Http404
    try:
        obj = visible(viewer, model_or_queryset, minimum=minimum).get(**lookup)
    except models.ObjectDoesNotExist:
        raise Http404 from None
    # A row that names other registered objects is shown no further than its least visible end.
    level = effective_access(viewer, obj)
    if level < minimum:
        raise Http404
    log_reads(viewer, [obj], via=via, path=path, purpose=purpose)
    return obj, level
