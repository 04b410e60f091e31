"""The suggestions of aftercare's type-to-choose fields (``choosers``): the first rows the
viewer may choose whose name holds what was typed, each read access-logged (by the base)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from lont.assessment.models import Situation
from lont.core.combobox import first_matching
from lont.core.views_base import ComboboxOptionsView
from lont.crisis.models import Incident
from lont.signalregister.models import Signal
from lont.socialmap.models import Contact
from lont.subjects.models.people import IDENTIFYING_FIELDS
from lont.subjects.selectors import person_options
from lont.subjects.views.options import PersonOptionsView

from .. import selectors
from ..choosers import incident_label, tip_label


class PlanSituationOptionsView(ComboboxOptionsView):
    """Situations the viewer reads in full, by title (a plan's situation)."""

    model = Situation
    required_permission = "case.write"
    text_param = "situation_naam"
    listbox_id = "situatie-opties"
    none_found = gettext_lazy("Geen situatie gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return first_matching(selectors.plan_situations(self.viewer), text, field="title")


class PerspectivePersonOptionsView(PersonOptionsView):
    """People of the group analysis the viewer reads in full, by alias (a perspective's young
    person)."""

    required_permission = "case.write"

    def suggestions(self, text: str) -> list[Any]:
        people = selectors.perspective_people(self.viewer).defer(*IDENTIFYING_FIELDS)
        return person_options(self.viewer, text, people=people)


class TipOptionsView(ComboboxOptionsView):
    """The viewer's partner's own tips, newest first, by a word of the description or the day
    (tipster care)."""

    model = Signal
    required_permission = "case.write"
    text_param = "signal_naam"
    listbox_id = "tip-opties"
    none_found = gettext_lazy("Geen tip gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return selectors.tip_options(selectors.care_tips(self.viewer), text)

    def label(self, obj: Any) -> str:
        return tip_label(obj)


class IncidentOptionsView(ComboboxOptionsView):
    """Incidents the viewer reads in full, by title (an evaluation's incident)."""

    model = Incident
    required_permission = "case.write"
    text_param = "incident_naam"
    listbox_id = "incident-opties"
    none_found = gettext_lazy("Geen incident gevonden")

    def suggestions(self, text: str) -> list[Any]:
        incidents = selectors.evaluation_incidents(self.viewer)
        return first_matching(incidents, text, field="title")

    def label(self, obj: Any) -> str:
        return incident_label(obj)


class MessengerOptionsView(ComboboxOptionsView):
    """Credible messengers and key figures the viewer reads in full, by name (a debunk's
    messenger)."""

    model = Contact
    required_permission = "case.write"
    text_param = "messenger_naam"
    listbox_id = "boodschapper-opties"
    none_found = gettext_lazy("Geen boodschapper gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return first_matching(selectors.messengers(self.viewer), text, field="name")

    def label(self, obj: Any) -> str:
        return obj.name_and_kind()
