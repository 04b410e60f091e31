from __future__ import annotations

from typing import Any

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    """``{% unread_notifications as count %}``: the viewer's unread notices (header badge)."""
    viewer = context.get("viewer")
    return selectors.unread_count(viewer) if viewer is not None else 0
