"""Group pages: list, detail, create, edit, delete, history, timeline; assessments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.core import guards
from lont.core.views_base import (
    MemberView,
    ObjectHistoryView,
    ObjectMixin,
    ServiceDeleteView,
    ServiceFormView,
    VisibleDetailView,
    VisibleListView,
)
from lont.core.visibility import visible
from lont.knowledge.catalogue import load_lists
from lont.networks.choices import Access
from lont.networks.models import Organisation

from .. import selectors, services
from ..choices import CorePurpose, FormationStage
from ..forms import AssessmentForm, ContributionForm, GroupForm, StepForm
from ..models import Group, GroupAssessment


class GroupListView(VisibleListView):
    model = Group
    template_name = "subjects/group_list.html"

    def get_queryset(self) -> models.QuerySet:
        get = self.request.GET
        return selectors.groups(
            self.viewer,
            q=get.get("q", ""),
            area=get.get("gebied", ""),
            stage=get.get("fase", ""),
            purpose=get.get("kerndoel", ""),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["stages"] = FormationStage.choices
        data["purposes"] = CorePurpose.choices
        data["filters"] = self.request.GET
        data["can_create"] = self.viewer.can("case.write")
        return data


class GroupDetailView(VisibleDetailView):
    model = Group
    template_name = "subjects/group_detail.html"
    context_object_name = "group"

    def base_queryset(self) -> models.QuerySet:
        return Group.objects.select_related("organisation")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        group, viewer = self.object, self.viewer
        data["memberships"] = selectors.memberships(viewer, group=group)
        data["relations"] = selectors.group_relations(viewer, group=group)
        data["assessments"] = selectors.assessments(viewer, group=group)
        data["stage_advice"] = selectors.stage_advice(group.formation_stage)
        data["purpose_advice"] = selectors.purpose_advice(group.core_purpose)
        data["can_edit"] = guards.may_change(viewer, self.object)
        data["can_delete"] = guards.may_delete(viewer, group)
        data["can_write"] = viewer.can("case.write")
        return data


class GroupCreateView(ServiceFormView):
    form_class = GroupForm
    title = gettext_lazy("Nieuwe groep")
    success_message = gettext_lazy("De groep is vastgelegd.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.group_create(viewer=self.viewer, data=data)


class GroupEditView(ServiceFormView):
    model = Group
    minimum_access = Access.FULL
    form_class = GroupForm
    success_message = gettext_lazy("De groep is bijgewerkt.")

    def page_title(self) -> str:
        return _("Groep bewerken: %(name)s") % {"name": self.object.name}

    def form_kwargs(self) -> dict[str, Any]:
        return {"instance": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        # The form validated against the instance; reload so the service starts from the DB state.
        group = Group.objects.for_viewer(self.viewer).get(pk=self.object.pk)
        return services.group_update(viewer=self.viewer, group=group, data=data)


class GroupDeleteView(ServiceDeleteView):
    model = Group

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.group_delete(viewer=self.viewer, group=obj)

    def success_url(self, obj: Any) -> str:
        return reverse("subjects:groups")


class GroupHistoryView(ObjectHistoryView):
    model = Group


class GroupTimelineView(ObjectMixin, MemberView):
    model = Group
    shows_personal_data = True

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from django.shortcuts import render

        group = self.get_object()
        items = selectors.group_timeline(self.viewer, group)
        return render(request, "subjects/group_timeline.html", {"group": group, "items": items})


# Assessments --------------------------------------------------------------------------------------


def _assessment_form_kwargs(viewer: Any) -> dict[str, Any]:
    return {
        "persons": selectors.persons(viewer),
        "organisations": Organisation.objects.for_viewer(viewer),
    }


class AssessmentCreateView(ServiceFormView):
    model = Group
    form_class = AssessmentForm
    success_message = gettext_lazy("De groepsanalyse is gestart.")

    def page_title(self) -> str:
        return _("Nieuwe groepsanalyse voor %(name)s") % {"name": self.object.name}

    def form_kwargs(self) -> dict[str, Any]:
        return _assessment_form_kwargs(self.viewer)

    def perform(self, data: dict[str, Any]) -> Any:
        return services.assessment_create(viewer=self.viewer, group=self.object, data=data)


class AssessmentEditView(ServiceFormView):
    model = GroupAssessment
    minimum_access = Access.FULL
    form_class = AssessmentForm
    title = gettext_lazy("Groepsanalyse bewerken")
    success_message = gettext_lazy("De groepsanalyse is bijgewerkt.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"instance": self.object, **_assessment_form_kwargs(self.viewer)}

    def perform(self, data: dict[str, Any]) -> Any:
        assessment = GroupAssessment.objects.for_viewer(self.viewer).get(pk=self.object.pk)
        return services.assessment_update(viewer=self.viewer, assessment=assessment, data=data)


class AssessmentDetailView(VisibleDetailView):
    model = GroupAssessment
    template_name = "subjects/assessment_detail.html"
    context_object_name = "assessment"

    def base_queryset(self) -> models.QuerySet:
        return GroupAssessment.objects.select_related("group", "organisation", "shortlist_by")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        assessment, viewer = self.object, self.viewer
        data["steps"] = selectors.assessment_steps(viewer, assessment)
        visible_people = visible(viewer, assessment.prototypical_members.all())
        data["prototypical_members"] = visible_people
        data["credible_messengers"] = visible(viewer, assessment.credible_messengers.all())
        data["shortlist_types"] = load_lists()["shortlist_types"]
        data["step_form"] = StepForm()
        data["contribution_form"] = ContributionForm()
        data["can_edit"] = guards.may_change(viewer, self.object)
        data["can_delete"] = guards.may_delete(viewer, assessment)
        data["can_write"] = viewer.can("case.write")
        return data


class AssessmentStepView(ObjectMixin, MemberView):
    """POST only: a step's status and dates."""

    model = GroupAssessment
    minimum_access = Access.FULL
    required_permission = "case.write"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment = self.get_object()
        form = StepForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("Controleer de stap: %(errors)s") % {"errors": form.errors.as_text()}
            )
            return redirect(assessment)
        try:
            services.assessment_step_update(
                viewer=self.viewer, assessment=assessment, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Stap bijgewerkt."))
        return redirect(assessment)


class ContributionView(ObjectMixin, MemberView):
    """POST only: a partner's contribution to one step."""

    model = GroupAssessment
    required_permission = "case.write"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment = self.get_object()
        form = ContributionForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("Controleer de bijdrage: %(errors)s") % {"errors": form.errors.as_text()}
            )
            return redirect(assessment)
        try:
            services.contribution_add(
                viewer=self.viewer, assessment=assessment, **form.cleaned_data
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Uw bijdrage is toegevoegd."))
        return redirect(assessment)


class AssessmentDeleteView(ServiceDeleteView):
    model = GroupAssessment

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.assessment_delete(viewer=self.viewer, assessment=obj)

    def success_url(self, obj: Any) -> str:
        return str(obj.group.get_absolute_url())


class AssessmentHistoryView(ObjectHistoryView):
    model = GroupAssessment
