"""The type-to-choose field for a member of one partner (a task's or an action's owner): a
select of every member of the network grows with it (three hundred at the large network) and
offered people the service then refused, as an owner must be an active member of the owning
partner. The row offered is the membership (the member directory, access-logged like its list);
what the field sends and gives is the person (a user id), as the forms and services always took.
The options endpoint is ``views.MemberOptionsView``."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from lont.core.combobox import ComboboxChoiceField
from lont.core.filters import parse_id

# The query parameter that names the partner whose members the options endpoint offers (the
# name of the partner field it follows, sent along by htmx, or set in the field's address).
PARTNER_PARAM = "organisation"


class MemberComboboxField(ComboboxChoiceField):
    """An active member of one partner, by name. The queryset (``selectors.active_members``,
    from the view) is narrowed to the partner with :meth:`for_partner` or :meth:`follow`;
    before a partner is known nobody is offered."""

    search_fields = ("user__full_name",)
    url_name = "networks:member_options"
    found: ClassVar[tuple[Any, Any]] = (_("lid"), _("leden"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("to_field_name", "user_id")
        super().__init__(*args, **kwargs)
        self.known: list[Any] = []

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.full_name)

    def _names(self, obj: Any) -> list[str]:
        return [str(obj.user.full_name).casefold()]

    def of_partner(self, partner_id: int | None) -> None:
        """Only the active members of this partner (nobody while none is chosen)."""
        queryset = self.queryset
        assert queryset is not None, "the view gives the members (networks.selectors)"
        self.queryset = (
            queryset.filter(organisation_id=partner_id) if partner_id else queryset.none()
        )

    def for_partner(self, partner_id: int) -> None:
        """A fixed partner (a task's): the endpoint is told it in its address."""
        self.of_partner(partner_id)
        self.widget.url_params = {PARTNER_PARAM: partner_id}

    def follow(self, form: forms.BaseForm, name: str) -> None:
        """The partner chosen in ``form``'s field ``name`` (a select of partners): what was
        sent, or else the initial one; htmx sends the select's value to the endpoint too."""
        partner = form[name]
        self.of_partner(parse_id(partner.value()))
        self.widget.attrs["hx-include"] = f"#{partner.auto_id}"

    def rows(self, ids: Any) -> list[Any]:
        # Rows already read (the viewer's own membership, the initial owner on each of a meeting
        # page's action forms) are not read again per form.
        keys = {str(i) for i in ids}
        if self.known and keys and keys <= {str(self.value_of(m)) for m in self.known}:
            return [m for m in self.known if str(self.value_of(m)) in keys]
        return super().rows(ids)

    def clean(self, value: Any) -> Any:
        membership = super().clean(value)
        return membership.user if membership is not None else None
