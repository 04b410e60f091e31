"""The type-to-choose field for situations (a meeting's agenda, and the forms of the apps above):
a select of every situation grows with the network's history. The options endpoint is
``views.options``; the field's queryset (the visibility layer) decides what may be chosen."""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _

from lont.core.combobox import ComboboxChoiceField, ComboboxMultipleChoiceField


class SituationChoices:
    search_fields: ClassVar[tuple[str, ...]] = ("title",)
    url_name: ClassVar[str] = "assessment:situation_options"
    found: ClassVar[tuple[Any, Any]] = (_("situatie"), _("situaties"))


class SituationComboboxField(SituationChoices, ComboboxChoiceField):
    pass


class SituationsComboboxField(SituationChoices, ComboboxMultipleChoiceField):
    pass
