"""The type-to-choose fields for groups and people, for every app's forms: a select of every
group or person grows with the network (a thousand groups, twenty thousand people on each form
page), these name only what was chosen or typed. The options endpoints are in ``views.options``;
the field's queryset (the visibility layer) decides what may be chosen."""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _

from lont.core.combobox import ComboboxChoiceField, ComboboxMultipleChoiceField


class GroupChoices:
    """What a group field searches (its name and other names), asks and says it found."""

    search_fields: ClassVar[tuple[str, ...]] = ("name", "other_names")
    url_name: ClassVar[str] = "subjects:group_options"
    found: ClassVar[tuple[Any, Any]] = (_("groep"), _("groepen"))


class PersonChoices:
    """A person by alias (never a real name: those are encrypted and never searched)."""

    search_fields: ClassVar[tuple[str, ...]] = ("alias",)
    url_name: ClassVar[str] = "subjects:person_options"
    found: ClassVar[tuple[Any, Any]] = (_("persoon"), _("personen"))


class GroupComboboxField(GroupChoices, ComboboxChoiceField):
    pass


class GroupsComboboxField(GroupChoices, ComboboxMultipleChoiceField):
    pass


class FullGroupComboboxField(GroupComboboxField):
    """A group the viewer reads in full (its queryset says so; its endpoint offers only those)."""

    url_name = "subjects:full_group_options"


class PersonComboboxField(PersonChoices, ComboboxChoiceField):
    pass


class PersonsComboboxField(PersonChoices, ComboboxMultipleChoiceField):
    pass


class MemberCandidateField(PersonComboboxField):
    """A person who may be linked to a group: victims and tipsters never are (their own
    endpoint, so they are not offered either)."""

    url_name = "subjects:member_candidate_options"


class GroupRelationComboboxField(ComboboxChoiceField):
    """A relation between two groups, found by either group's name; labelled as the relation
    names itself ("A — B (rivaliteit)"), so its queryset selects both groups."""

    search_fields = ("group_a__name", "group_b__name")
    url_name = "subjects:group_relation_options"
    found: ClassVar[tuple[Any, Any]] = (_("relatie"), _("relaties"))

    def _names(self, obj: Any) -> list[str]:
        return [obj.group_a.name.casefold(), obj.group_b.name.casefold()]
