from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.core.choices import Role

register = template.Library()

# Who sees the retention page (mirrors lont.retention.services.MANAGERS).
RETENTION_ROLES = frozenset({Role.PRIVACY_OFFICER, Role.DIRECTOR})

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
    if viewer is not None and viewer.role == "director":
        # The director is the usual second pair of eyes on a data-subject request.
        url = reverse("privacy:requests")
        items.append({"url": url, "label": _("Privacyverzoeken"), "active": path.startswith(url)})
    if viewer is not None and viewer.role in RETENTION_ROLES:
        url = reverse("retention:index")
        items.append({"url": url, "label": _("Bewaartermijnen"), "active": path.startswith(url)})
    return items


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
