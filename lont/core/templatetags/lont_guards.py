"""``{% load lont_guards %}``: offer an action only when the viewer may perform it — the same
rule the service enforces (``core.guards``), e.g. ``{% if m|may_delete:viewer %}``."""

from __future__ import annotations

from typing import Any

from django import template

from lont.core import guards

register = template.Library()


@register.filter
def may_change(obj: Any, viewer: Any) -> bool:
    return guards.may_change(viewer, obj)


@register.filter
def may_delete(obj: Any, viewer: Any) -> bool:
    return guards.may_delete(viewer, obj)
