"""Situations: list, page with the explained level, create, edit, link signals, follow."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.views_base import MemberView, ServiceFormView, VisibleDetailView, VisibleListView
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.signalregister.models import Signal
from lont.subjects import selectors as subject_selectors

from .. import selectors, services, svg
from ..choices import LevelCode
from ..forms import LinkSignalsForm, SituationForm
from ..models import Situation
from .base import fetch


class SituationListView(VisibleListView):
    model = Situation
    template_name = "assessment/situation_list.html"

    def get_queryset(self) -> models.QuerySet:
        qs = selectors.situations(self.viewer).order_by("-score", "pk")
        level = self.request.GET.get("niveau", "")
        if level in LevelCode.values:
            qs = qs.filter(level=level)
        return qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["levels"] = LevelCode.choices
        data["filters"] = self.request.GET
        data["can_create"] = self.viewer.can("case.write")
        return data


class SituationDetailView(VisibleDetailView):
    model = Situation
    template_name = "assessment/situation_detail.html"
    context_object_name = "situation"

    def base_queryset(self) -> models.QuerySet:
        return Situation.objects.select_related(
            "organisation", "rivalry__group_a", "rivalry__group_b"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        situation, viewer = self.object, self.viewer
        signals = selectors.situation_signals(viewer, situation)
        data["lines"] = selectors.explanation_lines(viewer, situation)
        data["breaks"] = selectors.trend_break_lines(viewer, situation)
        # The signals shown on the timeline are reads of case content too.
        log_reads(
            viewer,
            [row for row, _a in signals],
            via=AccessVia.PAGE,
            path=self.request.get_full_path(),
        )
        data["signals"] = signals
        data["timeline"] = selectors.timeline(
            viewer, situation, signals, via=AccessVia.PAGE, path=self.request.get_full_path()
        )
        data["groups"] = visible(viewer, situation.groups.all())
        data["chart"] = svg.drill_chart(situation.drill) if situation.drill else None
        data["following"] = situation.followers.filter(pk=viewer.user.pk).exists()
        data["can_edit"] = self.access == Access.FULL and viewer.can("case.write")
        return data


def _form_kwargs(viewer: Any) -> dict[str, Any]:
    return {
        "groups": subject_selectors.groups(viewer),
        "relations": subject_selectors.group_relations(viewer),
    }


class SituationCreateView(ServiceFormView):
    form_class = SituationForm
    title = _("Situatie openen")
    success_message = _("De situatie is geopend en het niveau berekend.")

    def form_kwargs(self) -> dict[str, Any]:
        return _form_kwargs(self.viewer)

    def perform(self, data: dict[str, Any]) -> Any:
        return services.situation_create(viewer=self.viewer, data=data)


class SituationEditView(ServiceFormView):
    form_class = SituationForm
    title = _("Situatie bewerken")
    success_message = _("De situatie is bijgewerkt.")

    def setup_object(self) -> None:
        self.object = fetch(self, Situation, self.kwargs["pk"], Access.FULL)

    def form_kwargs(self) -> dict[str, Any]:
        s = self.object
        initial = {
            "kind": s.kind,
            "title": s.title,
            "description": s.description,
            "groups": list(s.groups.for_viewer(self.viewer)),
            "rivalry": s.rivalry,
        }
        return {**_form_kwargs(self.viewer), "initial": initial}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.situation_update(viewer=self.viewer, situation=self.object, data=data)


class SituationLinkView(ServiceFormView):
    form_class = LinkSignalsForm
    title = _("Signalen koppelen")

    def setup_object(self) -> None:
        self.object = fetch(self, Situation, self.kwargs["pk"], Access.FULL)

    def form_kwargs(self) -> dict[str, Any]:
        return {"signals": visible(self.viewer, Signal.objects.all())}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.situation_link_signals(
            viewer=self.viewer, situation=self.object, signals=data["signals"]
        )


class SituationFollowView(MemberView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        situation = fetch(self, Situation, pk)
        services.situation_follow(
            viewer=self.viewer, situation=situation, follow=request.POST.get("volgen") == "1"
        )
        return redirect(situation.get_absolute_url())
