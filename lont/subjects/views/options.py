"""The suggestions of the group and person fields (type to choose) on every app's forms: the
first visible rows whose name holds what was typed, each read access-logged."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from lont.core.views_base import ComboboxOptionsView
from lont.networks.choices import Access

from .. import selectors
from ..models import Group, GroupRelation, Person


class GroupOptionsView(ComboboxOptionsView):
    """Visible groups whose name or other name holds what was typed (the first groups when
    nothing is); also the signal list's group filter."""

    model = Group
    required_permission = "case.read"
    text_param = "groep_naam"
    listbox_id = "f-groep-opties"
    none_found = gettext_lazy("Geen groep gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return selectors.group_options(self.viewer, text)


class FullGroupOptionsView(GroupOptionsView):
    """As :class:`GroupOptionsView`, only groups the viewer reads in full (for the forms that
    link work to a group: the online presence's contacts and activities)."""

    def suggestions(self, text: str) -> list[Any]:
        return selectors.group_options(self.viewer, text, minimum=Access.FULL)


class GroupRelationOptionsView(ComboboxOptionsView):
    """Visible relations between groups (both groups visible) whose groups' names hold what was
    typed (a situation's rivalry)."""

    model = GroupRelation
    required_permission = "case.read"
    text_param = "relatie_naam"
    listbox_id = "relatie-opties"
    none_found = gettext_lazy("Geen relatie gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return selectors.group_relation_options(self.viewer, text)


class PersonOptionsView(ComboboxOptionsView):
    """Visible people whose alias holds what was typed (aliases only)."""

    model = Person
    required_permission = "case.read"
    text_param = "persoon_naam"
    listbox_id = "persoon-opties"
    none_found = gettext_lazy("Geen persoon gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return selectors.person_options(self.viewer, text)


class MemberCandidateOptionsView(PersonOptionsView):
    """As :class:`PersonOptionsView`, without victims and tipsters (never linked to a group)."""

    required_permission = "case.write"

    def suggestions(self, text: str) -> list[Any]:
        people = selectors.member_candidates(self.viewer)
        return selectors.person_options(self.viewer, text, people=people)
