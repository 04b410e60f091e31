"""Person pages (alias first), memberships and relations between people."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.models import AccessVia
from lont.core import guards
from lont.core.filters import parse_id, visible_id
from lont.core.related import filter_visible
from lont.core.views_base import (
    ObjectHistoryView,
    ServiceDeleteView,
    ServiceFormView,
    VisibleDetailView,
    VisibleListView,
)
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.networks.models import Membership

from .. import selectors, services
from ..choices import AgeBand, Involvement
from ..forms import JustifyForm, MembershipForm, PersonForm, PersonRelationForm
from ..models import Group, GroupMembership, Person, PersonRelation


def _members(viewer: Any) -> models.QuerySet:
    return visible(viewer, Membership.objects.filter(is_active=True)).select_related(
        "user", "organisation"
    )


class PersonListView(VisibleListView):
    model = Person
    template_name = "subjects/person_list.html"

    def get_queryset(self) -> models.QuerySet:
        get = self.request.GET
        qs = selectors.persons(
            self.viewer,
            q=get.get("q", ""),
            area=get.get("gebied", ""),
            age_band=get.get("leeftijd", ""),
            involvement=get.get("betrokkenheid", ""),
            group=str(visible_id(self.viewer, Group, get, "groep") or ""),
        )
        return qs.prefetch_related(
            models.Prefetch(
                "group_memberships",
                queryset=selectors.memberships(self.viewer),
                to_attr="visible_memberships",
            )
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["age_bands"] = AgeBand.choices
        data["involvements"] = Involvement.choices
        data["filters"] = self.request.GET
        data["can_create"] = self.viewer.can("case.write")
        return data


class PersonDetailView(VisibleDetailView):
    model = Person
    template_name = "subjects/person_detail.html"
    context_object_name = "person"

    def base_queryset(self) -> models.QuerySet:
        return Person.objects.select_related("organisation")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        person, viewer = self.object, self.viewer
        data["identifying"] = selectors.identifying_access(viewer, person)
        # Rows shown beside the person name groups and people: both ends checked, each logged.
        path = self.request.get_full_path()
        data["memberships"] = filter_visible(
            viewer, selectors.memberships(viewer, person=person), via=AccessVia.PAGE, path=path
        )
        data["relations"] = filter_visible(
            viewer, selectors.person_relations(viewer, person=person), via=AccessVia.PAGE, path=path
        )
        data["justifications"] = filter_visible(
            viewer, selectors.justifications(viewer, person), via=AccessVia.PAGE, path=path
        )
        data["contacts"] = visible(viewer, person.contact_professionals.all()).select_related(
            "user", "organisation"
        )
        data["review_due"] = person.review_date <= timezone.localdate()
        data["justify_form"] = JustifyForm()
        data["can_edit"] = guards.may_change(viewer, self.object)
        data["can_delete"] = guards.may_delete(viewer, person)
        data["can_write"] = viewer.can("case.write")
        return data


class PersonCreateView(ServiceFormView):
    form_class = PersonForm
    title = gettext_lazy("Nieuwe persoon")
    success_message = gettext_lazy("De persoon is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        # The recording organisation always sees what it records itself.
        return {"members": _members(self.viewer), "identifying": True}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.person_create(viewer=self.viewer, data=data)


class PersonEditView(ServiceFormView):
    model = Person
    minimum_access = Access.FULL
    form_class = PersonForm
    success_message = gettext_lazy("De persoon is bijgewerkt.")

    def page_title(self) -> str:
        return _("Persoon bewerken: %(alias)s") % {"alias": self.object.alias}

    def form_kwargs(self) -> dict[str, Any]:
        return {
            "instance": self.object,
            "members": _members(self.viewer),
            "identifying": selectors.identifying_access(self.viewer, self.object),
        }

    def perform(self, data: dict[str, Any]) -> Any:
        person = Person.objects.for_viewer(self.viewer).get(pk=self.object.pk)
        return services.person_update(viewer=self.viewer, person=person, data=data)


class PersonDeleteView(ServiceDeleteView):
    model = Person

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.person_delete(viewer=self.viewer, person=obj)

    def success_url(self, obj: Any) -> str:
        return reverse("subjects:persons")


class PersonHistoryView(ObjectHistoryView):
    model = Person


class PersonJustifyView(ServiceFormView):
    """Principle 9: keep a person beyond the review date only with a reason."""

    model = Person
    form_class = JustifyForm
    title = gettext_lazy("Persoon opnieuw rechtvaardigen")
    success_message = gettext_lazy("De rechtvaardiging is vastgelegd.")

    def perform(self, data: dict[str, Any]) -> Any:
        services.person_justify(viewer=self.viewer, person=self.object, **data)
        return self.object


class MembershipCreateView(ServiceFormView):
    form_class = MembershipForm
    title = gettext_lazy("Persoon aan een groep koppelen")
    success_message = gettext_lazy("De koppeling is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        initial = {}
        for param, field in (("groep", "group"), ("persoon", "person")):
            if (value := parse_id(self.request.GET.get(param))) is not None:
                initial[field] = value
        return {
            "groups": selectors.groups(self.viewer),
            "persons": selectors.member_candidates(self.viewer),
            "initial": initial,
        }

    def perform(self, data: dict[str, Any]) -> Any:
        return services.membership_create(viewer=self.viewer, data=data)


class MembershipDeleteView(ServiceDeleteView):
    model = GroupMembership

    def describe(self, obj: Any) -> str:
        return f"{obj.person.alias} — {obj.group.name}"

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.membership_delete(viewer=self.viewer, membership=obj)

    def success_url(self, obj: Any) -> str:
        return str(obj.get_absolute_url())


class PersonRelationCreateView(ServiceFormView):
    form_class = PersonRelationForm
    title = gettext_lazy("Relatie tussen personen vastleggen")
    success_message = gettext_lazy("De relatie is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        value = parse_id(self.request.GET.get("persoon"))
        return {
            "persons": selectors.persons(self.viewer),
            "initial": {"person_a": value} if value else {},
        }

    def perform(self, data: dict[str, Any]) -> Any:
        return services.person_relation_create(viewer=self.viewer, data=data)


class PersonRelationDeleteView(ServiceDeleteView):
    model = PersonRelation

    def describe(self, obj: Any) -> str:
        return f"{obj.person_a.alias} — {obj.person_b.alias} ({obj.get_kind_display()})"

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.person_relation_delete(viewer=self.viewer, relation=obj)

    def success_url(self, obj: Any) -> str:
        return str(obj.get_absolute_url())
