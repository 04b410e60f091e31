from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.defaulttags import CsrfTokenNode
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def main_nav(context: dict[str, Any]) -> str:
    """The main menu: the entries of ``lont.core.navigation`` the viewer may open (rendered once
    per role and language, ``navigation.rendered_menu``)."""
    from lont.core.navigation import rendered_menu

    viewer = context.get("viewer")
    if viewer is None:
        return ""
    request = context.get("request")
    return rendered_menu(viewer, request.path if request is not None else "")


@register.filter
def may_open(viewer: Any, url_name: str) -> bool:
    """``{% if viewer|may_open:"signalregister:list" %}``: show a link only when it opens."""
    from lont.core.policies import may_open as allowed

    return allowed(viewer, url_name)


@register.simple_tag(takes_context=True)
def network_switcher(context: template.Context) -> str:
    """The viewer's network: a form to switch between them for a member of several, else its name.
    One string per membership; the form around the options is the same for everyone (kept with
    the shared fragments, per language and URL prefix)."""
    viewer = context.get("viewer")
    memberships = context.get("viewer_memberships") or []
    if len(memberships) <= 1:
        name = viewer.network.name if viewer is not None else ""
        return format_html('<span class="lont-network-name">{}</span>\n', name)
    before, after, end = _switcher_frame()
    current = viewer.network.pk if viewer is not None else None
    options = [
        format_html(
            '<option value="{}"{}>{}</option>',
            m.network_id,
            _SELECTED if m.network_id == current else "",
            m.network.name,
        )
        for m in memberships
    ]
    csrf = CsrfTokenNode().render(context)
    return mark_safe(before + csrf + after + "".join(options) + end)  # noqa: S308 - escaped above


_SELECTED = mark_safe(" selected")


def _switcher_frame() -> tuple[str, str, str]:
    key = ("network-switcher", *_shared_key())
    frame = _SHARED_FRAMES.get(key)
    if frame is None:
        from django.utils.translation import gettext

        frame = _SHARED_FRAMES[key] = (
            format_html(
                '\n<form method="post" action="{}" class="lont-inline-form lont-switcher">',
                reverse("core:switch_network"),
            ),
            format_html(
                '\n  <label for="network-switch" class="utrecht-form-label">{}</label>\n'
                '  <select id="network-switch" name="network" class="utrecht-select '
                'utrecht-select--html-select" data-autosubmit>\n    ',
                gettext("Netwerk"),
            ),
            format_html(
                '\n  </select>\n  <button type="submit" class="utrecht-button '
                'utrecht-button--secondary-action lont-js-hidden">{}</button>\n</form>\n\n',
                gettext("Wissel"),
            ),
        )
    return frame


@register.simple_tag(takes_context=True)
def viewer_line(context: template.Context) -> str:
    """Who is signed in, for which organisation, in which role (in the header)."""
    viewer = context["viewer"]
    return format_html(
        "<span>{} · {} · {}</span>",
        viewer.user.full_name,
        viewer.organisation.name,
        viewer.membership.get_role_display(),
    )


@register.simple_tag(takes_context=True)
def language_switcher(context: template.Context) -> str:
    """The form that switches to the other language, back to this page (the form is the same for
    everyone in a language: kept with the shared fragments)."""
    key = ("language-switcher", *_shared_key())
    frame = _SHARED_FRAMES.get(key)
    if frame is None:
        nl = get_language() == "nl"
        other, label = ("en", "English") if nl else ("nl", "Nederlands")
        frame = _SHARED_FRAMES[key] = (
            format_html(
                '\n<form method="post" action="{}" class="lont-inline-form">',
                reverse("set_language"),
            ),
            '\n  <input type="hidden" name="next" value="',
            format_html(
                '">\n  \n    <button type="submit" name="language" value="{}" '
                'class="utrecht-button utrecht-button--subtle" lang="{}">{}</button>\n  \n</form>\n',
                other,
                other,
                label,
            ),
        )
    before, after_csrf, end = frame
    request = context.get("request")
    path = escape(request.get_full_path()) if request is not None else ""
    csrf = CsrfTokenNode().render(context)
    return mark_safe(before + csrf + after_csrf + path + end)  # noqa: S308 - escaped above


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


@register.simple_tag
def error_summary_items(form: Any, formset: Any = None) -> list[dict[str, str]]:
    """The lines of the error summary at the top of a form (``lont/forms/error_summary.html``):
    the form's own errors, then those of a formset that belongs to it (its rows' fields, labelled
    with the row number, and its errors about the rows as a whole), each linking to its field."""
    from django.utils.translation import gettext

    items: list[dict[str, str]] = []

    def add_form(bound_form: Any, row: int | None = None) -> None:
        if not bound_form.errors:
            return
        items.extend({"href": "", "text": str(e)} for e in bound_form.non_field_errors())
        for field in bound_form.hidden_fields():
            items.extend({"href": "", "text": str(e)} for e in field.errors)
        for field in bound_form.visible_fields():
            label = str(field.label)
            if row is not None:
                label = gettext("%(label)s (rij %(row)s)") % {"label": label, "row": row}
            items.extend(
                {"href": f"#{field.id_for_label}", "text": f"{label}: {error}"}
                for error in field.errors
            )

    if form:
        add_form(form)
    if formset and formset.is_bound:
        rows = list(formset.forms)
        first = (
            rows[0].visible_fields()[0].id_for_label if rows and rows[0].visible_fields() else ""
        )
        items.extend(
            {"href": f"#{first}" if first else "", "text": str(error)}
            for error in formset.non_form_errors()
        )
        for number, row_form in enumerate(rows, start=1):
            add_form(row_form, row=number)
    return items


# Fragments of the layout that are the same for everyone (asset links, the logo, links that take
# no argument): rendered once per fragment, language and URL prefix, without the page's context —
# so nothing of the request or the viewer can end up in what is kept.
_SHARED: dict[tuple[str, str, str, str], str] = {}
# The same for pieces of the layout built in Python (``network_switcher``'s form).
_SHARED_FRAMES: dict[tuple[str, ...], tuple[str, str, str]] = {}


def _shared_key() -> tuple[str, str, str]:
    return (get_language() or "", get_script_prefix(), str(get_urlconf() or settings.ROOT_URLCONF))


class SharedFragmentNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList) -> None:
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        key = (self.name, *_shared_key())
        html = _SHARED.get(key)
        if html is None:
            # An empty context of the same template: none of the page's variables.
            html = _SHARED[key] = self.nodelist.render(context.new())
        return html


@register.tag
def same_for_everyone(
    parser: template.base.Parser, token: template.base.Token
) -> SharedFragmentNode:
    """``{% same_for_everyone "name" %}…{% end_same_for_everyone %}``: see ``SharedFragmentNode``."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("same_for_everyone takes one quoted fragment name.")
    nodelist = parser.parse(("end_same_for_everyone",))
    parser.delete_first_token()
    return SharedFragmentNode(bits[1][1:-1], nodelist)


@receiver(setting_changed)
def _forget_shared_fragments(**_kwargs: Any) -> None:
    # Tests change STATIC_URL, the theme or the URL conf: a kept fragment may name the old ones.
    _SHARED.clear()
    _SHARED_FRAMES.clear()
