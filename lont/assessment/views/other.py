"""Dashboard, actions board, fairness view and the engine parameters."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.views_base import MemberTemplateView, MemberView, ServiceFormView

from .. import recompute, selectors, services, svg
from ..forms import ActionUpdateForm, ParametersForm
from ..models import Action, Situation
from .base import fetch


class DashboardView(MemberTemplateView):
    template_name = "assessment/dashboard.html"
    model = Situation
    required_permission = "case.read"
    shows_personal_data = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        since = services.dashboard_visit(self.viewer)
        board = selectors.dashboard(self.viewer, since)
        log_reads(
            self.viewer, board.pop("logged"), via=AccessVia.LIST, path=self.request.get_full_path()
        )
        board["by_level"] = [
            (level, [(s, svg.sparkline(s.history)) for s in rows], count)
            for level, rows, count in board["by_level"]
        ]
        data.update(board)
        data["today"] = timezone.localdate()
        return data


class ActionsBoardView(MemberTemplateView):
    template_name = "assessment/actions.html"
    model = Action
    required_permission = "case.read"
    shows_personal_data = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        today = timezone.localdate()
        board = selectors.actions_board(self.viewer, today)
        log_reads(
            self.viewer,
            [a for rows in board.values() for a in rows],
            via=AccessVia.LIST,
            path=self.request.get_full_path(),
        )
        data["columns"] = [
            ("overdue", _("Over tijd"), board["overdue"]),
            ("open", _("Open"), board["open"]),
            ("done", _("Afgerond of vervallen"), board["done"]),
        ]
        data["form"] = ActionUpdateForm()
        data["today"] = today
        return data


class ActionUpdateView(MemberView):
    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        action = fetch(self, Action, pk)
        form = ActionUpdateForm(data=request.POST)
        if form.is_valid():
            try:
                services.action_update(
                    viewer=self.viewer,
                    action=action,
                    status=form.cleaned_data["status"],
                    result=form.cleaned_data["result"],
                )
                messages.success(request, _("De actie is bijgewerkt."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        else:
            messages.error(request, _("Kies een geldige status."))
        return redirect("assessment:actions")


class FairnessView(MemberTemplateView):
    """Principle 10: whom do our signals concern? Aggregates only, small cells suppressed."""

    template_name = "assessment/fairness.html"
    required_permission = "fairness.read"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        tables = selectors.fairness(self.viewer)
        data["tables"] = tables
        data["tables_list"] = [
            ("age", _("Leeftijdsgroep"), tables["age"]),
            ("area", _("Gebied"), tables["area"]),
            ("group", _("Groep"), tables["group"]),
        ]
        return data


class ParametersView(ServiceFormView):
    form_class = ParametersForm
    template_name = "assessment/parameters.html"
    required_permission = "indicators.change"
    title = gettext_lazy("Parameters van de rekenregels")
    success_message = gettext_lazy("Nieuwe versie van de parameters vastgesteld.")

    def form_kwargs(self) -> dict[str, Any]:
        current = recompute.parameters_for(self.viewer.network.pk).to_dict()
        return {"initial": {"parameters": json.dumps(current, indent=2, ensure_ascii=False)}}

    def extra_context(self) -> dict[str, Any]:
        return {"versions": selectors.parameter_versions(self.viewer)}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.parameters_create(
            viewer=self.viewer, data=data["parameters"], reason=data["reason"]
        )

    def success_url(self, result: Any) -> str:
        return str(self.request.path)
