from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from lont.core.views_base import MemberTemplateView

from . import hooks, selectors, services
from .forms import IndicatorForm, SearchForm
from .models import IndicatorCategory, Phase, Recommendation
from .search import search


class KnowledgeIndexView(MemberTemplateView):
    template_name = "knowledge/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        data["form"] = form
        query = phase = ""
        if form.is_valid():
            query, phase = form.cleaned_data["q"], form.cleaned_data["phase"]
        data["query"] = query
        if query:
            hits = search(query, phase=phase or None)
            data["hits"] = [
                {
                    "rec": hit.recommendation,
                    "points": [p for p in hit.recommendation.points.all() if p.pk in hit.point_ids],
                }
                for hit in hits
            ]
        recs = list(selectors.recommendations(phase=phase or None))
        data["phases"] = [
            (code, label, [r for r in recs if r.phase == code]) for code, label in Phase.choices
        ]
        return data

    def get_template_names(self) -> list[str]:
        if self.request.headers.get("HX-Request"):
            return ["knowledge/_results.html"]
        return [self.template_name]


class RecommendationDetailView(MemberTemplateView):
    template_name = "knowledge/detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        rec = selectors.recommendations().filter(code=self.kwargs["code"]).first()
        if rec is None:
            raise Http404
        data["rec"] = rec
        data["siblings"] = list(
            Recommendation.objects.filter(phase=rec.phase).only("code", "heading")
        )
        data["sources"] = hooks.sources_for(self.viewer, rec.code)
        return data


class IndicatorListView(MemberTemplateView):
    template_name = "knowledge/indicators.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        indicators = list(selectors.network_indicators(self.viewer))
        data["groups"] = [
            (label, [i for i in indicators if i.category == code])
            for code, label in IndicatorCategory.choices
        ]
        data["can_edit"] = self.viewer.can("indicators.change")
        return data


class IndicatorEditView(MemberTemplateView):
    template_name = "knowledge/indicator_edit.html"
    required_permission = "indicators.change"

    def get_indicator(self) -> Any:
        return get_object_or_404(selectors.network_indicators(self.viewer), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        indicator = self.get_indicator()
        data["indicator"] = indicator
        data.setdefault(
            "form",
            IndicatorForm(
                initial={"weight_class": indicator.weight_class, "is_active": indicator.is_active}
            ),
        )
        return data

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        indicator = self.get_indicator()
        form = IndicatorForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        services.indicator_update(
            viewer=self.viewer,
            indicator=indicator,
            weight_class=form.cleaned_data["weight_class"],
            is_active=form.cleaned_data["is_active"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("Indicator %(code)s is bijgewerkt.") % {"code": indicator.code})
        return redirect("knowledge:indicators")
