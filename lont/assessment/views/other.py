"""Dashboard, actions board, fairness view and the engine parameters."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from html import escape
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.addresses import address_by_id
from lont.core.dates import day_month, day_month_time
from lont.core.text import shortened
from lont.core.views_base import MemberTemplateView, MemberView, ServiceFormView, fetch_for_page
from lont.networks.choices import Access

from .. import recompute, selectors, services, svg
from ..forms import ActionUpdateForm, ParametersForm
from ..models import Action, Situation


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
        data.update(dashboard_rows(board, timezone.localdate()))
        return data


def dashboard_rows(board: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The dashboard's rows as shown, formatted once here rather than per row by template tags
    and filters (they were most of the dashboard's template time): dicts the template reads with
    one lookup each. What a row may show was decided by the visibility layer (``board``): a new
    signal carries its description only when its access is full."""
    url = address_by_id("assessment:situation_detail")
    return {
        **board,
        "by_level": [
            {
                "badge": _level_badge(level.value),
                "count": count,
                "items": _situation_items(rows, url),
            }
            for level, rows, count in board["by_level"]
        ],
        "breaks": [
            {"url": url(s.pk), "title": s.title, "evidence": b.get("evidence_nl", "")}
            for s, b in board["breaks"]
        ],
        "actions": [
            {
                "due": day_month(a.due_date),
                "overdue": a.due_date < today,
                "organisation": a.organisation.name,
                "text": shortened(a.description, 80),
            }
            for a in board["actions"]
        ],
        "new_signals": [
            {
                "registered": day_month_time(s.registered_at),
                "organisation": s.organisation.name,
                "text": shortened(s.description, 80) if access == Access.FULL else None,
            }
            for s, access in board["new_signals"]
        ],
    }


def _level_badge(level: str) -> SafeString:
    """What ``assessment/_level.html`` prints for a level (its closing newline too), without a
    template per level shown."""
    return format_html(
        '<span class="lont-badge lont-level lont-level--{}">{} {}</span>\n',
        level,
        _("niveau"),
        level,
    )


def _situation_items(situations: list[Situation], url: Callable[[int], str]) -> SafeString:
    """A level's list items: its situations with their sparklines, as HTML (the list was most of
    the page's template nodes: a dozen per situation). Every value escaped as a template would
    (``html.escape``, what Django's ``escape`` runs; the sentences translated once per list)."""
    trend = _("Verloop van de score: van %(first)s naar %(last)s")
    score = _("score %(first)s → %(last)s")
    items = []
    for situation in situations:
        spark = svg.sparkline(situation.history)
        # Numbers as a template would print them: localised ("18,5" in Dutch).
        numbers = {"first": localize(spark["first"]), "last": localize(spark["last"])}
        width, height = spark["width"], spark["height"]
        items.append(
            f'<li><a class="utrecht-link" href="{escape(url(situation.pk))}">'
            f"{escape(situation.title)}</a>\n"
            f'        <svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="{escape(trend % numbers)}">'
            f'<polyline points="{escape(spark["points"])}" fill="none" stroke="currentColor" '
            'stroke-width="1.5"/></svg>\n'
            f'        <span class="lont-muted">{escape(score % numbers)}</span></li>'
        )
    return mark_safe("".join(items))  # noqa: S308 - every value escaped above


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
        action = fetch_for_page(self, Action, pk)
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
