"""The suggestions of the incident room's type-to-choose fields (``choosers``): what the form's
field would accept, each offered row access-logged by the base."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from lont.assessment.models import Situation
from lont.core.combobox import first_matching
from lont.core.views_base import ComboboxOptionsView
from lont.socialmap.models import Contact
from lont.subjects.models import Person

from .. import selectors


class SituationOptionsView(ComboboxOptionsView):
    """Visible situations at hoog or acuut whose title holds what was typed."""

    model = Situation
    required_permission = "case.write"
    text_param = "situation_naam"
    listbox_id = "situation-opties"
    none_found = gettext_lazy("Geen situatie op hoog of acuut gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return first_matching(selectors.opening_situations(self.viewer), text, field="title")


class PersonOptionsView(ComboboxOptionsView):
    """People the viewer reads in full whose alias holds what was typed (aliases only)."""

    model = Person
    required_permission = "case.write"
    text_param = "person_naam"
    listbox_id = "person-opties"
    none_found = gettext_lazy("Geen persoon gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return first_matching(selectors.people_to_name(self.viewer), text, field="alias")


class ContactOptionsView(ComboboxOptionsView):
    """Contacts the viewer reads in full whose name holds what was typed, with their kind."""

    model = Contact
    required_permission = "case.write"
    text_param = "contact_naam"
    listbox_id = "contact-opties"
    none_found = gettext_lazy("Geen contact gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return first_matching(selectors.contacts_to_reach(self.viewer), text, field="name")

    def label(self, obj: Any) -> str:
        return obj.name_and_kind()
