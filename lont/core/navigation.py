"""The main menu, built from a registry: each entry names a URL and who may open it, so a viewer
only sees links that answer (the privacy officer sees the privacy pages, never a 403).

An app adds its own entry in ``AppConfig.ready()``::

    from django.utils.translation import gettext_lazy as _
    from lont.core import navigation
    navigation.register("calendar", 60, "riskcalendar:month", _("Kalender"), permission="case.read")

``key`` replaces an entry of the same key (so "Kalender" can move from a placeholder to the real
page); ``order`` places it (the defaults below use steps of 10); ``permission`` is a
``Viewer.can`` permission, ``roles`` limits to roles, ``unless`` hides it for a permission (the
home page stands in for the dashboard for who may not read cases). An entry whose URL name does
not resolve is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .choices import Role
from .viewer import Viewer


@dataclass(frozen=True)
class NavEntry:
    key: str
    order: int
    url_name: str
    label: Any
    permission: str | None = None
    roles: frozenset[str] | None = None
    unless: str | None = None

    def allowed(self, viewer: Viewer) -> bool:
        if self.permission is not None and not viewer.can(self.permission):
            return False
        if self.unless is not None and viewer.can(self.unless):
            return False
        return self.roles is None or viewer.role in self.roles


_REGISTRY: dict[str, NavEntry] = {}


def register(
    key: str,
    order: int,
    url_name: str,
    label: Any,
    *,
    permission: str | None = None,
    roles: frozenset[str] | set[str] | None = None,
    unless: str | None = None,
) -> NavEntry:
    entry = NavEntry(
        key, order, url_name, label, permission, frozenset(roles) if roles else None, unless
    )
    _REGISTRY[key] = entry
    _MENUS.clear()
    _RENDERED.clear()
    return entry


def entries() -> list[NavEntry]:
    return sorted(_REGISTRY.values(), key=lambda e: (e.order, e.key))


# The menu of a role is the same for everyone with that role (entries depend on the role's
# permissions only): its entries and URLs are worked out once per role and URL prefix.
_MENUS: dict[tuple[str, str, str], list[tuple[str, str, Any]]] = {}


def _menu_key(viewer: Viewer) -> tuple[str, str, str]:
    return (viewer.role, get_script_prefix(), str(get_urlconf() or settings.ROOT_URLCONF))


def _menu(viewer: Viewer) -> list[tuple[str, str, Any]]:
    key = _menu_key(viewer)
    menu = _MENUS.get(key)
    if menu is None:
        menu = []
        for entry in entries():
            if not entry.allowed(viewer):
                continue
            try:
                menu.append((entry.key, reverse(entry.url_name), entry.label))
            except NoReverseMatch:
                continue
        _MENUS[key] = menu
    return menu


def items_for(viewer: Viewer, path: str) -> list[dict[str, Any]]:
    """The entries the viewer may open, with their URL and whether the page is the current one."""
    out = []
    for key, url, label in _menu(viewer):
        active = path == url if url == "/" else path.startswith(url)
        out.append({"key": key, "url": url, "label": label, "active": active})
    # The longest matching URL is the current page (``/duiding/`` and ``/duiding/situaties/``).
    current = max((i for i in out if i["active"]), key=lambda i: len(i["url"]), default=None)
    for item in out:
        item["active"] = item is current
    return out


# The menu as HTML, rendered once per role, URL prefix, language and current entry (a few hundred
# at most): every page shows it, and its markup holds nothing but the role's entries.
_RENDERED: dict[tuple[Any, ...], str] = {}


def rendered_menu(viewer: Viewer, path: str) -> str:
    """The main menu's list items (``lont/_main_nav.html``) for the viewer on the page at ``path``."""
    items = items_for(viewer, path)
    current = next((item["key"] for item in items if item["active"]), None)
    key = (*_menu_key(viewer), get_language(), current)
    html = _RENDERED.get(key)
    if html is None:
        html = _RENDERED[key] = render_to_string("lont/_main_nav.html", {"nav_items": items})
    return html


# Retention page managers (mirrors lont.retention.services.MANAGERS).
RETENTION_ROLES = frozenset({Role.PRIVACY_OFFICER, Role.DIRECTOR})

# The work's own order (issue 9): the pages of the apps below core, by URL name only.
register("home", 10, "core:home", _("Overzicht"), unless="case.read")
register("dashboard", 10, "assessment:dashboard", _("Overzicht"), permission="case.read")
register("signals", 20, "signalregister:list", _("Signalen"), permission="case.read")
register("situations", 30, "assessment:situations", _("Situaties"), permission="case.read")
register("meetings", 40, "assessment:meetings", _("Overleggen"), permission="case.read")
register("actions", 50, "assessment:actions", _("Acties"), permission="case.read")
register("groups", 70, "subjects:groups", _("Doelgroepen"), permission="case.read")
register("socialmap", 80, "socialmap:list", _("Sociale kaart"), permission="case.read")
register("crisis", 90, "core:phase_crisis", _("Crisis"), permission="case.read")
register("aftercare", 100, "core:phase_aftercare", _("Nazorg"), permission="case.read")
register("knowledge", 110, "knowledge:index", _("Kennisbank"))
register("analyser", 120, "analyser:analyse", _("Tekstanalyse"), permission="case.read")
register("network", 130, "networks:overview", _("Netwerk"))
register("audit", 140, "audit:index", _("Privacy & logs"), permission="audit.read")
register("privacy_requests", 150, "privacy:requests", _("Privacyverzoeken"), roles={Role.DIRECTOR})
register("retention", 160, "retention:index", _("Bewaartermijnen"), roles=RETENTION_ROLES)
