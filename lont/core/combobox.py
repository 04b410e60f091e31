"""A text field with suggestions for choosing registered rows (a WAI-ARIA combobox with a
listbox), instead of a select of every row: a select grows with the network (a thousand groups,
twenty thousand people) and sends all of them to every reader.

With JavaScript, htmx asks an options endpoint (``views_base.ComboboxOptionsView``) for the
first rows whose name holds what was typed; choosing one fills the hidden value (or, for a field
of several, adds a checked box). Without JavaScript the typed fragment is sent as ``<name>_naam``: the field
then refuses it with a message and the page offers the matching rows in a select, so a second
submit chooses. What was typed and chosen survives every re-render. Only rows of the field's
queryset (the visibility layer) are ever named, and the view logs what the widget showed
(:func:`shown_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import AccessVia
from .filters import parse_id
from .reads import log_reads

TEXT_SUFFIX = "_naam"
MAX_TEXT = 100
SUGGESTIONS = 10
LISTBOX_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,80}$")


@dataclass(frozen=True)
class Typed:
    """What a combobox sent: the chosen ids and the text in the field (None when absent)."""

    ids: list[str] = field(default_factory=list)
    text: str | None = None


def typed_text(value: Any) -> str:
    return (str(value or "")).strip()[:MAX_TEXT]


def first_matching(rows: QuerySet[Any], text: str | None, *, field: str) -> list[Any]:
    """The first of ``rows`` (a visible queryset) by ``field`` whose ``field`` holds the typed
    ``text`` (without text, the first ones): an options endpoint's suggestions, matched as the
    combobox field itself matches."""
    text = typed_text(text)
    if text:
        rows = rows.filter(**{f"{field}__icontains": text})
    return list(rows.order_by(field, "pk")[:SUGGESTIONS])


class ComboboxWidget(forms.Widget):
    template_name = "lont/forms/combobox.html"

    def __init__(
        self,
        url_name: str,
        *,
        multiple: bool = False,
        found_one: Any = "",
        found_many: Any = "",
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(attrs)
        self.url_name = url_name
        # What the options endpoint needs besides the text (e.g. the partner whose members it
        # offers), sent in its address.
        self.url_params: dict[str, Any] = {}
        self.multiple = multiple
        self.found_one, self.found_many = found_one, found_many
        self.field: ComboboxMixin | None = None
        self.shown: list[Any] = []

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Typed:
        ids = data.getlist(name) if self.multiple and hasattr(data, "getlist") else []
        if not self.multiple:
            ids = [data.get(name)]
        text = data.get(name + TEXT_SUFFIX)
        return Typed(
            ids=[str(i) for i in ids if i not in (None, "")],
            text=typed_text(text) if text is not None else None,
        )

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and name + TEXT_SUFFIX not in data

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        listbox = f"{widget['attrs'].get('id') or name}-opties"
        assert self.field is not None, "a ComboboxWidget belongs to a ComboboxMixin field"
        field = self.field
        chosen, text, matches = field.rendered(value)
        query = {"veld": name + TEXT_SUFFIX, "lijst": listbox, **self.url_params}
        self.shown = [*chosen, *matches]
        widget.update(
            multiple=self.multiple,
            text_name=name + TEXT_SUFFIX,
            listbox=listbox,
            url=f"{reverse(self.url_name)}?{urlencode(query)}",
            chosen=[(field.value_of(obj), field.label_from_instance(obj)) for obj in chosen],
            text=text,
            matches=[(field.value_of(obj), field.label_from_instance(obj)) for obj in matches],
            found_one=self.found_one,
            found_many=self.found_many,
        )
        return context


class ComboboxMixin:
    """For a ModelChoiceField or ModelMultipleChoiceField: a :class:`ComboboxWidget` and the
    server-side matching of a typed fragment (``search_fields``, through ``queryset``)."""

    search_fields: ClassVar[tuple[str, ...]] = ("name",)
    # A field for one kind of row names its options endpoint and how the page says what it found
    # ("1 groep", "3 groepen") once, here; a form may still pass them.
    url_name: ClassVar[str] = ""
    found: ClassVar[tuple[Any, Any]] = ("", "")
    # Django gathers ``default_error_messages`` along the MRO: both fields below get this one.
    default_error_messages: ClassVar[dict[str, Any]] = {
        "choose": _("Kies uit de gevonden namen onder het veld, of maak het veld leeg."),
    }
    widget: ComboboxWidget
    error_messages: dict[str, Any]

    def __init__(
        self,
        *args: Any,
        url_name: str | None = None,
        found: tuple[Any, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        multiple = isinstance(self, forms.ModelMultipleChoiceField)
        found_one, found_many = found or self.found
        kwargs["widget"] = ComboboxWidget(
            url_name or self.url_name, multiple=multiple, found_one=found_one, found_many=found_many
        )
        super().__init__(*args, **kwargs)
        self.widget.field = self

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        result = super().__deepcopy__(memo)  # type: ignore[misc]
        result.widget.field = result
        return result

    def label_from_instance(self, obj: Any) -> str:
        return str(obj)

    @property
    def key(self) -> str:
        """The field a choice is sent as: the row's id, or ``to_field_name`` (a member is sent
        as the person's id while the row offered is the membership)."""
        return getattr(self, "to_field_name", None) or "pk"

    def value_of(self, obj: Any) -> Any:
        return getattr(obj, self.key)

    def search(self, text: str) -> list[Any]:
        """The first rows (by their first search field) whose search fields hold ``text``."""
        match = Q()
        for name in self.search_fields:
            match |= Q(**{f"{name}__icontains": text})
        return list(
            self.queryset.filter(match).order_by(self.search_fields[0], "pk")[  # type: ignore[attr-defined]
                :SUGGESTIONS
            ]
        )

    def rows(self, ids: Iterable[Any]) -> list[Any]:
        # An id out of range reads as an unknown one (the database would refuse the number).
        keys = [key for key in map(parse_id, ids) if key is not None]
        if not keys:
            return []
        return list(
            self.queryset.filter(**{f"{self.key}__in": keys}).order_by(  # type: ignore[attr-defined]
                self.search_fields[0], "pk"
            )
        )

    @staticmethod
    def _ids(value: Any) -> list[str]:
        if isinstance(value, Typed):
            return value.ids
        items = value if isinstance(value, list | tuple | QuerySet) else [value]
        return [str(getattr(i, "pk", i)) for i in items if i not in (None, "")]

    def _split(self, value: Any, found: list[Any] | None = None) -> tuple[list[Any], str | None]:
        """The chosen rows and the text still to choose from. A single choice counts only while
        the text still names it (without JavaScript the hidden value stays when the user types
        another name, and then what was typed wins); for several, typed text is settled when a
        chosen row holds it, else it still asks for a choice."""
        chosen = self.rows(self._ids(value)) if found is None else found
        if not isinstance(value, Typed):
            return chosen, None
        text = (value.text or "").casefold()
        # The text names a row when it holds a part of a name or a whole one (a picked option's
        # label may carry a marker after the name).
        named = text and any(
            name and (text in name or name in text) for obj in chosen for name in self._names(obj)
        )
        if not self._multiple and chosen:
            return ([], value.text) if text and not named else (chosen, None)
        # Several: the text is settled once a chosen row holds it (picked from the matches).
        return chosen, value.text if text and not named else None

    def _names(self, obj: Any) -> list[str]:
        return [str(getattr(obj, name, "") or "").casefold() for name in self.search_fields]

    @property
    def _multiple(self) -> bool:
        return isinstance(self, forms.ModelMultipleChoiceField)

    def rendered(self, value: Any) -> tuple[list[Any], str, list[Any]]:
        """What the widget shows: the chosen rows, the text in the field, the matches offered."""
        chosen, pending = self._split(value)
        if pending:
            return chosen, pending, self.search(pending)
        if chosen and not self._multiple:
            return chosen, self.label_from_instance(chosen[0]), []
        return chosen, "", []

    def clean(self, value: Any) -> Any:
        typed = value if isinstance(value, Typed) else Typed(ids=self._ids(value))
        found = self.rows(typed.ids)
        if len(found) != len(set(typed.ids)):
            # Not visible to the viewer, or not existing: refused alike.
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": ", ".join(typed.ids)},
            )
        chosen, pending = self._split(typed, found)
        if pending:
            raise ValidationError(self.error_messages["choose"], code="choose")
        if self.required and not chosen:  # type: ignore[attr-defined]
            raise ValidationError(self.error_messages["required"], code="required")
        if self._multiple:
            return chosen
        return chosen[0] if chosen else None

    def has_changed(self, initial: Any, data: Any) -> bool:
        if self.disabled:  # type: ignore[attr-defined]
            return False
        typed = data if isinstance(data, Typed) else Typed(ids=self._ids(data))
        if set(typed.ids) != set(self._ids(initial if initial is not None else [])):
            return True
        return bool(typed.text) and (self._multiple or not typed.ids)


class ComboboxChoiceField(ComboboxMixin, forms.ModelChoiceField):
    pass


class ComboboxMultipleChoiceField(ComboboxMixin, forms.ModelMultipleChoiceField):
    pass


def shown_rows(*forms_or_formsets: Any) -> list[Any]:
    """The rows the combobox widgets of these (rendered) forms named, for the access log."""
    rows: list[Any] = []
    for item in forms_or_formsets:
        for form in getattr(item, "forms", [item]):
            for bound in form.fields.values():
                rows.extend(getattr(bound.widget, "shown", []) if bound.widget else [])
    return rows


def render_logging_choices(
    request: HttpRequest,
    viewer: Any,
    template_name: str | list[str],
    context: dict[str, Any],
    forms_or_formsets: Iterable[Any],
    *,
    status: int = 200,
) -> HttpResponse:
    """A form page, with the rows its comboboxes named (chosen, or offered as the matches of a
    typed name) access-logged once rendered."""
    response = render(request, template_name, context, status=status)
    shown = shown_rows(*forms_or_formsets)
    if shown:
        log_reads(viewer, shown, via=AccessVia.PAGE, path=request.get_full_path())
    return response
