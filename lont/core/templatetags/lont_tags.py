from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def main_nav_items(context: dict[str, Any]) -> list[dict[str, Any]]:
    """The main menu: the entries of ``lont.core.navigation`` the viewer may open."""
    from lont.core.navigation import items_for

    viewer = context.get("viewer")
    if viewer is None:
        return []
    request = context.get("request")
    return items_for(viewer, request.path if request is not None else "")


@register.filter
def may_open(viewer: Any, url_name: str) -> bool:
    """``{% if viewer|may_open:"signalregister:list" %}``: show a link only when it opens."""
    from lont.core.policies import may_open as allowed

    return allowed(viewer, url_name)


@register.simple_tag
def theme_stylesheet() -> str:
    return str(settings.LONT_THEME_STYLESHEET)


@register.filter
def access_label(level: int) -> str:
    from lont.core.choices import Access

    return str(Access(level).label)


# Access levels in templates: one flag per level, never a comparison of numbers (issue 8).
@register.filter
def is_full(level: Any) -> bool:
    """``{% if access|is_full %}``: the viewer reads this row in full."""
    from lont.core.choices import Access

    return level is not None and level != "" and int(level) == Access.FULL


@register.filter
def is_summary(level: Any) -> bool:
    """``{% if access|is_summary %}``: the viewer reads this row as a summary only."""
    from lont.core.choices import Access

    return level is not None and level != "" and int(level) == Access.SUMMARY


@register.simple_tag(takes_context=True)
def summary_of(context: dict[str, Any], obj: Any) -> str:
    """``{% summary_of obj %}``: the summary sentence declared with the model's registration."""
    from lont.core.related import summary_text

    return summary_text(context["viewer"], obj)
