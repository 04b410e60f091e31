"""``{% guide_for "P5" %}`` shows "what the guide says here" on any page."""

from __future__ import annotations

from typing import Any

from django import template

from ..selectors import recommendations_for_capability

register = template.Library()


@register.inclusion_tag("knowledge/_guide_for.html")
def guide_for(capability: str, open: bool = False) -> dict[str, Any]:
    return {
        "capability": capability,
        "recommendations": recommendations_for_capability(capability),
        "open": open,
    }
