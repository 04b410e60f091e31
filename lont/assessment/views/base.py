"""Small helpers of the assessment pages (the bases are generic: ``core.views_base``)."""

from __future__ import annotations

from typing import Any

from lont.audit.models import AccessVia
from lont.core.selectors import get_visible
from lont.networks.choices import Access


def fetch(view: Any, model_or_qs: Any, pk: Any, minimum: Access = Access.SUMMARY) -> Any:
    obj, view.access = get_visible(
        view.viewer,
        model_or_qs,
        via=AccessVia.PAGE,
        path=view.request.get_full_path(),
        minimum=minimum,
        pk=pk,
    )
    return obj
