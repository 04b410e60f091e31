"""Form rendering with NL Design System (Utrecht) markup, shared by every app."""

from __future__ import annotations

from typing import Any

from django import forms
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


class StyledFormMixin:
    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # A model form reads its instance's many-to-many values (ids) as initial data; the
        # choices it offers are set, scoped, by each form.
        with system_context("a model form reads its own instance's many-to-many values"):
            super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style_widget(field)


class StyledForm(StyledFormMixin, forms.Form):
    pass


class StyledModelForm(StyledFormMixin, forms.ModelForm):
    pass
