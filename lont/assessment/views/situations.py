"""Situations: list, page with the explained level, create, edit, link signals, follow."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.views_base import (
    MemberView,
    ServiceFormView,
    VisibleDetailView,
    VisibleListView,
    fetch_for_page,
)
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.signalregister.models import Signal
from lont.subjects import selectors as subject_selectors

from .. import explain, linking, recompute, selectors, services, svg
from ..choices import LevelCode, SituationKind
from ..forms import LinkSignalsForm, SituationForm
from ..models import Situation


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
        situation, viewer, path = self.object, self.viewer, self.request.get_full_path()
        # The page is the same size for a situation of any size: one page of its signals and
        # its strongest contributions ("Alle bijdragen" pages through the rest).
        older = self.request.GET.get("ouder", "")[:40]
        signals, data["older_cursor"] = selectors.situation_signal_page(viewer, situation, older)
        data["older_than"] = older
        contributions, data["lines_left_out"] = recompute.shown(situation)
        data["lines"], line_signals = selectors.contribution_lines(
            viewer, recompute.explained(situation, contributions)
        )
        data["breaks"] = selectors.trend_break_lines(viewer, situation)
        data["signals"] = signals
        data["timeline"] = selectors.timeline(
            viewer, situation, signals, via=AccessVia.PAGE, path=path
        )
        data["groups"] = visible(viewer, situation.groups.all())
        week = timezone.now() - dt.timedelta(days=7)
        newest = None if older else [row for row, _a in signals]
        data["sentence"] = explain.plain_sentence(
            situation, data["lines"], selectors.fresh_signal_count(viewer, situation, week, newest)
        )
        data.update(explain.named(viewer, situation, signals, path))
        # What is shown of case content is access-logged: the signals on this page, those the
        # contribution lines name and those the automatic links name (each once).
        shown = {row.pk: row for row, _a in signals}
        shown.update((row.pk, row) for row in [*line_signals, *data["autolinked"]])
        log_reads(viewer, list(shown.values()), via=AccessVia.PAGE, path=path)
        data["is_owner"] = situation.organisation_id == viewer.organisation.pk
        data["chart"] = svg.drill_chart(situation.drill) if situation.drill else None
        data["following"] = situation.followers.filter(pk=viewer.user.pk).exists()
        data["can_edit"] = self.access == Access.FULL and viewer.can("case.write")
        return data


class SituationContributionsView(VisibleDetailView):
    """All contributions to a situation's score, a page at a time, each at the viewer's level;
    only the signals a page names are read and access-logged."""

    model = Situation
    template_name = "assessment/situation_contributions.html"
    context_object_name = "situation"
    PER_PAGE = 100

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        contributions = recompute.contributions(self.object)
        page = Paginator(contributions, self.PER_PAGE).get_page(self.request.GET.get("page"))
        data["lines"], named = selectors.contribution_lines(
            self.viewer, recompute.explained(self.object, list(page.object_list))
        )
        log_reads(self.viewer, named, via=AccessVia.PAGE, path=self.request.get_full_path())
        data["page_obj"], data["is_paginated"] = page, page.has_other_pages()
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

    def _proposed_signal(self) -> Signal | None:
        """``?signaal=`` from a proposal: a signal the viewer sees, linked once it is open."""
        pk = self.request.GET.get("signaal", "")
        if not pk.isdigit():
            return None
        return visible(self.viewer, Signal.objects.filter(pk=int(pk))).first()

    def form_kwargs(self) -> dict[str, Any]:
        kind = self.request.GET.get("soort", "")
        initial = {"kind": kind} if kind in SituationKind.values else {}
        return {**_form_kwargs(self.viewer), "initial": initial}

    def perform(self, data: dict[str, Any]) -> Any:
        situation = services.situation_create(viewer=self.viewer, data=data)
        signal = self._proposed_signal()
        if signal is not None:
            services.situation_link_signals(
                viewer=self.viewer, situation=situation, signals=[signal]
            )
        return situation


class SituationEditView(ServiceFormView):
    form_class = SituationForm
    title = _("Situatie bewerken")
    success_message = _("De situatie is bijgewerkt.")

    def setup_object(self) -> None:
        self.object = fetch_for_page(self, Situation, self.kwargs["pk"], Access.FULL)

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
    """Link by hand: a searchable list of the signals the viewer sees, each described at their
    access level (date, partner, groups, indicators; the text only in full), newest first; the
    signals already linked are listed as linked."""

    form_class = LinkSignalsForm
    title = _("Signalen koppelen")
    template_name = "assessment/link_signals.html"
    LIMIT = 200

    def setup_object(self) -> None:
        self.object = fetch_for_page(self, Situation, self.kwargs["pk"], Access.FULL)
        self.search = self.request.GET.get("zoek", "").strip()[:100]
        linked = visible(self.viewer, self.object.signals.all())
        self.linked_ids = set(linked.values_list("pk", flat=True))
        rows = (
            visible(self.viewer, Signal.objects.all())
            .select_related("organisation")
            .prefetch_related("groups__group", "indicators__indicator")
            .order_by("-observed_at", "-pk")
        )
        self.labels: dict[int, str] = {}
        self.linked_labels: list[str] = []
        for row in rows[: self.LIMIT + len(self.linked_ids)]:
            label = linking.describe(self.viewer, row)
            if row.pk in self.linked_ids:
                self.linked_labels.append(label)
            elif not self.search or self.search.lower() in label.lower():
                self.labels[row.pk] = label

    def form_kwargs(self) -> dict[str, Any]:
        signals = visible(self.viewer, Signal.objects.filter(pk__in=list(self.labels)))
        return {"signals": signals.order_by("-observed_at", "-pk"), "labels": self.labels}

    def extra_context(self) -> dict[str, Any]:
        return {"search": self.search, "linked": self.linked_labels, "situation": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.situation_link_signals(
            viewer=self.viewer, situation=self.object, signals=data["signals"]
        )


class SituationFollowView(MemberView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        situation = fetch_for_page(self, Situation, pk)
        services.situation_follow(
            viewer=self.viewer, situation=situation, follow=request.POST.get("volgen") == "1"
        )
        return redirect(situation.get_absolute_url())


class AutoLinkUndoView(MemberView):
    """The situation's owner undoes a link the signal made by itself."""

    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int, signal_pk: int) -> HttpResponse:
        situation = fetch_for_page(self, Situation, pk, Access.FULL)
        services.situation_autolink_undo(
            viewer=self.viewer, situation=situation, signal_id=signal_pk
        )
        messages.success(request, _("De automatische koppeling is ongedaan gemaakt."))
        return redirect(situation.get_absolute_url())
