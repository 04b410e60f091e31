"""The type-to-choose fields of aftercare's forms for rows no lower app offers a field for: a tip
(a signal), an incident and a credible messenger (a social-map contact); and, on their own
endpoints, the situation of a plan (read in full) and the young person of a future perspective
(the subjects app's person field). A select of every
tip, incident, contact or person grows with the network (twenty thousand people on the
perspective form); these name only what was chosen or typed. The options endpoints are in
``views.options``, the matching in ``selectors``; the field's queryset (the visibility layer,
from the view) decides what may be chosen."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from lont.assessment.choosers import SituationComboboxField
from lont.core.combobox import ComboboxChoiceField
from lont.subjects.choosers import PersonComboboxField

from . import selectors

DESCRIPTION_CHARS = 60


def tip_label(signal: Any) -> str:
    """A tip as its holder recognises it: the day it was seen and the start of its description
    (the field offers only tips the viewer's partner holds and reads in full)."""
    day = date_format(timezone.localtime(signal.observed_at), "j F Y")
    words = " ".join(str(signal.description).split())
    return f"{day} — {Truncator(words).chars(DESCRIPTION_CHARS)}"


def incident_label(incident: Any) -> str:
    """An incident by its title and the day it was opened (two may share a title)."""
    day = date_format(timezone.localtime(incident.opened_at), "j F Y")
    return f"{incident.title} ({day})"


def day_names(day: dt.date) -> list[str]:
    """The ways :func:`selectors.typed_day` reads a day (5-12-2026, 05/12/2026, 2026-12-05)."""
    days, months = {str(day.day), f"{day.day:02}"}, {str(day.month), f"{day.month:02}"}
    return [
        day.isoformat(),
        *(f"{d}{sep}{m}{sep}{day.year}" for sep in "-/." for d in days for m in months),
    ]


class TipComboboxField(ComboboxChoiceField):
    """A tip, found by a word of its description or its day; newest first."""

    search_fields = ("description",)
    url_name = "aftercare:tip_options"
    found: ClassVar[tuple[Any, Any]] = (_("tip"), _("tips"))

    def label_from_instance(self, obj: Any) -> str:
        return tip_label(obj)

    def search(self, text: str) -> list[Any]:
        assert self.queryset is not None, "the view gives the tips (selectors.care_tips)"
        return selectors.tip_options(self.queryset, text)

    def _names(self, obj: Any) -> list[str]:
        # The label (a picked option's text) cuts the description short: it names the tip too.
        day = timezone.localtime(obj.observed_at).date()
        names = [tip_label(obj), str(obj.description), *day_names(day)]
        return [name.casefold() for name in names]


class IncidentComboboxField(ComboboxChoiceField):
    """An incident the viewer reads in full, found by its title."""

    search_fields = ("title",)
    url_name = "aftercare:incident_options"
    found: ClassVar[tuple[Any, Any]] = (_("incident"), _("incidenten"))

    def label_from_instance(self, obj: Any) -> str:
        return incident_label(obj)


class MessengerComboboxField(ComboboxChoiceField):
    """A credible messenger or key figure of the social map, found by name. Only contacts the
    viewer reads in full: their name is not part of a contact's summary (and a debunk is shown
    no further than its messenger)."""

    search_fields = ("name",)
    url_name = "aftercare:messenger_options"
    found: ClassVar[tuple[Any, Any]] = (_("boodschapper"), _("boodschappers"))

    def label_from_instance(self, obj: Any) -> str:
        return obj.name_and_kind()


class PlanSituationField(SituationComboboxField):
    """A situation the viewer reads in full (a plan is opened only for one of those); its own
    endpoint offers no situation the viewer reads only as a summary."""

    url_name = "aftercare:plan_situation_options"


class PerspectivePersonField(PersonComboboxField):
    """A young person of the group analysis whom the viewer reads in full (the perspective is
    written in the person's own record); its own endpoint offers only those."""

    url_name = "aftercare:perspective_person_options"
