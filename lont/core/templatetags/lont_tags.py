from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

register = template.Library()

NAV = [
    ("core:home", gettext_lazy("Overzicht")),
    ("core:phase_peacetime", gettext_lazy("Vredestijd")),
    ("core:phase_crisis", gettext_lazy("Crisis")),
    ("core:phase_aftercare", gettext_lazy("Nazorg")),
    ("networks:overview", gettext_lazy("Netwerk")),
    ("knowledge:index", gettext_lazy("Kennisbank")),
    ("analyser:analyse", gettext_lazy("Tekstanalyse")),
]


@register.simple_tag(takes_context=True)
def main_nav_items(context: dict[str, Any]) -> list[dict[str, Any]]:
    request = context.get("request")
    path = request.path if request is not None else ""
    items = []
    for url_name, label in NAV:
        url = reverse(url_name)
        active = path == url if url_name == "core:home" else path.startswith(url)
        items.append({"url": url, "label": label, "active": active})
    viewer = context.get("viewer")
    if viewer is not None and viewer.can("audit.read"):
        url = reverse("audit:index")
        items.append({"url": url, "label": _("Privacy & logs"), "active": path.startswith(url)})
    return items


@register.simple_tag
def theme_stylesheet() -> str:
    return str(settings.LONT_THEME_STYLESHEET)


@register.filter
def access_label(level: int) -> str:
    from lont.core.choices import Access

    return str(Access(level).label)
