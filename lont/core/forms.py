"""Form rendering with NL Design System (Utrecht) markup, shared by every app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting

from .scoping import system_context

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button",
    forms.CheckboxSelectMultiple: "utrecht-checkbox",
}


class LontFormRenderer(TemplatesSetting):
    form_template_name = "lont/forms/form.html"
    field_template_name = "lont/forms/field.html"


def style_widget(field: forms.Field) -> None:
    widget = field.widget
    css = next(
        (value for cls, value in WIDGET_CLASSES.items() if type(widget) is cls),
        "utrecht-textbox utrecht-textbox--html-input",
    )
    widget.attrs.setdefault("class", css)


# Free text is always bounded (issue 14: a 100 KB "korte beschrijving" was stored). A field
# without its own limit gets these; the browser enforces ``maxlength`` and app.js shows a counter.
TEXTAREA_MAX_LENGTH = 5000
TEXTBOX_MAX_LENGTH = 500


def bound_text(field: forms.Field, limit: int | None = None) -> None:
    if not isinstance(field, forms.CharField) or isinstance(
        field, (forms.URLField, forms.EmailField)
    ):
        return
    if field.max_length is None or limit is not None:
        limit = limit or (
            TEXTAREA_MAX_LENGTH if isinstance(field.widget, forms.Textarea) else TEXTBOX_MAX_LENGTH
        )
        field.max_length = limit
        field.validators.append(MaxLengthValidator(limit))
        field.widget.attrs["maxlength"] = str(limit)
    if not field.widget.is_hidden:
        field.widget.attrs.setdefault("maxlength", str(field.max_length))


class StyledFormMixin:
    """NL Design System form behaviour (GOV.UK pattern): no browser validation styling before a
    submit (``required`` is announced through ``aria-required`` instead), every free-text field
    bounded, and fields that are only required in some cases marked as such, not "(optioneel)":
    list them in ``conditionally_required`` (field name → when it is required)."""

    fields: dict[str, forms.Field]
    use_required_attribute = False
    conditionally_required: dict[str, Any] = {}
    max_lengths: dict[str, int] = {}  # a tighter limit for a free-text field than the default

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # A model form reads its instance's many-to-many values (ids) as initial data; the
        # choices it offers are set, scoped, by each form.
        with system_context("a model form reads its own instance's many-to-many values"):
            super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            style_widget(field)
            bound_text(field, self.max_lengths.get(name))
            if field.required and not field.widget.is_hidden:
                field.widget.attrs.setdefault("aria-required", "true")
            if name in self.conditionally_required:
                field.lont_required_when = self.conditionally_required[name]  # type: ignore[attr-defined]


class StyledForm(StyledFormMixin, forms.Form):
    pass


class StyledModelForm(StyledFormMixin, forms.ModelForm):
    pass
