"""A1 pages: plans, the plan with its tasks and re-escalation watch, task and care forms."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from lont.audit.models import AccessVia
from lont.core.related import log_shown
from lont.core.views_base import ServiceFormView, VisibleDetailView, VisibleListView
from lont.crisis.models import Incident
from lont.networks.choices import Access, Role
from lont.networks.selectors import active_members

from .. import selectors, services
from ..forms import PerspectiveForm, PlanOpenForm, TaskAssignForm, TaskUpdateForm, TipsterCareForm
from ..guide import NORMALISING
from ..models import AftercarePlan, PlanTask


class PlanListView(VisibleListView):
    model = AftercarePlan
    template_name = "aftercare/plan_list.html"
    required_permission = "case.read"

    def base_queryset(self) -> Any:
        return AftercarePlan.objects.select_related("situation", "organisation")


class PlanOpenView(ServiceFormView):
    form_class = PlanOpenForm
    title = _("Nazorgplan openen")
    success_message = _("Het nazorgplan is geopend met de stappen uit de handreiking.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"querysets": {"situation": selectors.plan_situations(self.viewer)}}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.plan_open(
            viewer=self.viewer, situation=data["situation"], title=data.get("title", "")
        )


class PlanDetailView(VisibleDetailView):
    """The plan in full (a summary reader sees its line in the list only)."""

    model = AftercarePlan
    minimum_access = Access.FULL
    template_name = "aftercare/plan_detail.html"
    required_permission = "case.read"

    def base_queryset(self) -> Any:
        return AftercarePlan.objects.select_related("situation", "organisation")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        plan = self.object
        rows = selectors.plan_rows(self.viewer, plan)
        path = self.request.get_full_path()
        log_shown(self.viewer, [r for v in rows.values() for r in v], via=AccessVia.PAGE, path=path)
        watch = selectors.escalation_watch(self.viewer, plan)
        if watch is not None:
            log_shown(
                self.viewer, [s for s, _a in watch.new_signals], via=AccessVia.PAGE, path=path
            )
        incident = None
        if plan.incident_id is not None:  # shown only to who reads the incident in full
            incident = (
                Incident.objects.for_viewer(self.viewer, minimum=Access.FULL)
                .filter(pk=plan.incident_id)
                .first()
            )
            if incident is not None:
                log_shown(self.viewer, [incident], via=AccessVia.PAGE, path=path)
        tasks = rows["tasks"]
        data.update(
            rows=rows,
            guide_tasks=[t for t in tasks if t.step and t.step not in NORMALISING],
            normalising=[t for t in tasks if t.step in NORMALISING],
            own_tasks=[t for t in tasks if not t.step],
            watch=watch,
            incident=incident,
            is_director=self.viewer.role == Role.DIRECTOR,
            update_form=TaskUpdateForm(),
        )
        return data


class TaskUpdateView(ServiceFormView):
    model = PlanTask
    minimum_access = Access.FULL
    form_class = TaskUpdateForm
    title = _("Nazorgtaak bijwerken")
    success_message = _("De taak is bijgewerkt.")

    def page_title(self) -> str:
        return f"{self.title}: {self.object.title}"

    def perform(self, data: dict[str, Any]) -> Any:
        return services.task_update(
            viewer=self.viewer, task=self.object, status=data["status"], result=data["result"]
        )


class TaskAssignView(ServiceFormView):
    model = PlanTask
    minimum_access = Access.FULL
    form_class = TaskAssignForm
    title = _("Nazorgtaak toewijzen")
    success_message = _("De taak is toegewezen.")

    def form_kwargs(self) -> dict[str, Any]:
        return {
            "querysets": {"owner": active_members(self.viewer)},
            "partner": self.object.organisation_id,
        }

    def perform(self, data: dict[str, Any]) -> Any:
        return services.task_assign(
            viewer=self.viewer, task=self.object, owner=data["owner"], due_date=data["due_date"]
        )


class PerspectiveAddView(ServiceFormView):
    model = AftercarePlan
    minimum_access = Access.FULL
    form_class = PerspectiveForm
    title = _("Toekomstperspectief van een jongere")
    success_message = _("Het toekomstperspectief is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"querysets": {"person": selectors.perspective_people(self.viewer)}}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.perspective_add(
            viewer=self.viewer, plan=self.object, person=data["person"], data=data
        )


class TipsterCareView(ServiceFormView):
    model = AftercarePlan
    form_class = TipsterCareForm
    title = _("Zorg voor de tipgever")
    success_message = _(
        "De zorg voor de tipgever is vastgelegd (alleen zichtbaar voor uw organisatie)."
    )

    def form_kwargs(self) -> dict[str, Any]:
        return {"querysets": {"signal": selectors.care_tips(self.viewer)}}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.tipster_care_open(
            viewer=self.viewer, plan=self.object, signal=data["signal"], data=data
        )
