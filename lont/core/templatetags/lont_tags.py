from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
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


class SharedFragmentNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList) -> None:
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        key = (
            self.name,
            get_language() or "",
            get_script_prefix(),
            str(get_urlconf() or settings.ROOT_URLCONF),
        )
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
