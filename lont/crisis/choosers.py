"""The type-to-choose fields of the incident room's forms whose choices are narrower than the
shared ones (``subjects.choosers``, ``assessment.choosers``): a situation an incident may be
opened from, a person the viewer reads in full, a contact from the social map the viewer reads in
full. Each names its own options endpoint (``views``), which offers what ``selectors`` gives the
field as its queryset, so nothing is offered that the field would refuse."""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _

from lont.assessment.choosers import SituationComboboxField
from lont.core.combobox import ComboboxChoiceField
from lont.subjects.choosers import PersonComboboxField


class OpeningSituationField(SituationComboboxField):
    """A situation at *hoog* or *acuut* (an incident opens only from those)."""

    url_name = "crisis:situation_options"


class FullPersonField(PersonComboboxField):
    """A person the viewer reads in full, by alias (a role on the incident names them)."""

    url_name = "crisis:person_options"


class ContactField(ComboboxChoiceField):
    """A contact from the social map the viewer reads in full (a name and a number to call),
    by name; labelled with its kind."""

    url_name = "crisis:contact_options"
    found: ClassVar[tuple[Any, Any]] = (_("contact"), _("contacten"))

    def label_from_instance(self, obj: Any) -> str:
        return obj.name_and_kind()
