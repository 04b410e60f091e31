"""Rivalries and alliances between groups, with their conflict history."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.core import guards
from lont.core.filters import parse_id
from lont.core.views_base import (
    ObjectHistoryView,
    ServiceDeleteView,
    ServiceFormView,
    VisibleDetailView,
    VisibleListView,
)
from lont.networks.choices import Access

from .. import selectors, services
from ..choices import GroupRelationKind
from ..forms import ConflictEventForm, GroupRelationForm
from ..models import GroupRelation


class RelationListView(VisibleListView):
    model = GroupRelation
    template_name = "subjects/relation_list.html"

    def get_queryset(self) -> models.QuerySet:
        qs = selectors.group_relations(self.viewer, kind=self.request.GET.get("soort", ""))
        q = self.request.GET.get("q", "").strip()[:100]
        if q:
            qs = qs.filter(
                models.Q(group_a__name__icontains=q) | models.Q(group_b__name__icontains=q)
            )
        return qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["kinds"] = GroupRelationKind.choices
        data["filters"] = self.request.GET
        data["can_create"] = self.viewer.can("case.write")
        return data


class RelationDetailView(VisibleDetailView):
    model = GroupRelation
    template_name = "subjects/relation_detail.html"
    context_object_name = "relation"

    def base_queryset(self) -> models.QuerySet:
        return GroupRelation.objects.select_related("group_a", "group_b", "organisation")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        relation, viewer = self.object, self.viewer
        data["events"] = selectors.conflict_events(viewer, relation)
        data["interventions"] = selectors.threat_interventions(relation)
        data["event_form"] = ConflictEventForm()
        data["can_edit"] = guards.may_change(viewer, self.object)
        data["can_delete"] = guards.may_delete(viewer, relation)
        data["can_write"] = viewer.can("case.write")
        return data


class RelationCreateView(ServiceFormView):
    form_class = GroupRelationForm
    title = gettext_lazy("Relatie tussen groepen vastleggen")
    success_message = gettext_lazy("De relatie is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        value = parse_id(self.request.GET.get("groep"))
        return {
            "groups": selectors.groups(self.viewer),
            "initial": {"group_a": value} if value else {},
        }

    def perform(self, data: dict[str, Any]) -> Any:
        return services.group_relation_create(viewer=self.viewer, data=data)


class RelationEditView(ServiceFormView):
    model = GroupRelation
    minimum_access = Access.FULL
    form_class = GroupRelationForm
    title = gettext_lazy("Relatie tussen groepen bewerken")
    success_message = gettext_lazy("De relatie is bijgewerkt.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"instance": self.object, "groups": selectors.groups(self.viewer)}

    def perform(self, data: dict[str, Any]) -> Any:
        relation = GroupRelation.objects.for_viewer(self.viewer).get(pk=self.object.pk)
        return services.group_relation_update(viewer=self.viewer, relation=relation, data=data)


class RelationDeleteView(ServiceDeleteView):
    model = GroupRelation

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.group_relation_delete(viewer=self.viewer, relation=obj)

    def success_url(self, obj: Any) -> str:
        return reverse("subjects:relations")


class RelationHistoryView(ObjectHistoryView):
    model = GroupRelation


class ConflictEventCreateView(ServiceFormView):
    model = GroupRelation
    form_class = ConflictEventForm
    success_message = gettext_lazy("De gebeurtenis is toegevoegd aan de tijdlijn.")

    def page_title(self) -> str:
        return _("Gebeurtenis toevoegen: %(relation)s") % {"relation": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.conflict_event_create(viewer=self.viewer, relation=self.object, data=data)
