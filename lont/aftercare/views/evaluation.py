"""A3 pages: evaluations by the fixed protocol, the partners' answers, lessons, advisory board."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from lont.assessment.selectors import situations
from lont.audit.models import AccessVia
from lont.core.filters import parse_id
from lont.core.reauth import RecentAuthRequiredMixin
from lont.core.related import filter_visible, log_shown
from lont.core.views_base import (
    MemberTemplateView,
    MemberView,
    ObjectMixin,
    ServiceFormView,
    VisibleDetailView,
    VisibleListView,
)
from lont.networks.choices import Access, Role
from lont.networks.models import Organisation
from lont.networks.selectors import active_members

from .. import selectors, services
from ..choices import LessonKind
from ..forms import (
    AdoptActionForm,
    AdvisoryForm,
    AnswerForm,
    ConfirmForm,
    EvaluationForm,
    LessonForm,
)
from ..guide import PROTOCOL, QUESTIONS
from ..models import AdvisoryMember, Evaluation, EvaluationAnswer, Lesson


class EvaluationListView(VisibleListView):
    model = Evaluation
    template_name = "aftercare/evaluation_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["is_director"] = self.viewer.role == Role.DIRECTOR
        data["protocol"] = PROTOCOL
        return data


class EvaluationStartView(ServiceFormView):
    form_class = EvaluationForm
    title = _("Netwerkbrede evaluatie starten")
    success_message = _("De evaluatie is gestart; de partners kunnen hun drie vragen beantwoorden.")

    def form_kwargs(self) -> dict[str, Any]:
        incidents = selectors.evaluation_incidents(self.viewer)
        kwargs: dict[str, Any] = {
            "querysets": {"situation": situations(self.viewer), "incident": incidents}
        }
        # From an incident's plan: the incident, its situation and its on-the-spot evaluation.
        chosen = parse_id(self.request.GET.get("incident"))
        incident = incidents.filter(pk=chosen).first() if chosen else None
        if self.request.method == "GET" and incident is not None:
            kwargs["initial"] = {
                "incident": incident.pk,
                "situation": incident.situation_id,
                "title": _("Evaluatie: %(title)s") % {"title": incident.title[:100]},
                "spot_evaluation": incident.spot_evaluation,
            }
        return kwargs

    def perform(self, data: dict[str, Any]) -> Any:
        return services.evaluation_start(
            viewer=self.viewer,
            title=data["title"],
            situation=data.get("situation"),
            spot_evaluation=data.get("spot_evaluation", ""),
            incident=data.get("incident"),
        )


class EvaluationDetailView(VisibleDetailView):
    """The evaluation in full (a summary reader sees its line in the list only)."""

    model = Evaluation
    minimum_access = Access.FULL
    template_name = "aftercare/evaluation_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        evaluation = self.object
        answers = filter_visible(
            self.viewer,
            EvaluationAnswer.objects.for_viewer(self.viewer)
            .filter(evaluation=evaluation)
            .select_related("organisation"),
        )
        lessons = filter_visible(
            self.viewer,
            Lesson.objects.for_viewer(self.viewer)
            .filter(evaluation=evaluation)
            .select_related("covenant_version", "action", "parameters", "indicator"),
        )
        log_shown(
            self.viewer, [*answers, *lessons], via=AccessVia.PAGE, path=self.request.get_full_path()
        )
        data.update(
            answers=answers,
            lessons=lessons,
            questions=QUESTIONS,
            protocol=PROTOCOL,
            is_director=self.viewer.role == Role.DIRECTOR,
            answered=any(a.organisation_id == self.viewer.organisation.pk for a in answers),
            # engine and indicator changes are adopted through the API (they take JSON / a code)
            adoptable=(LessonKind.ACTION, LessonKind.COVENANT),
        )
        return data


class AnswerView(ServiceFormView):
    model = Evaluation
    form_class = AnswerForm
    title = _("Evaluatie van uw organisatie")
    success_message = _("De evaluatie van uw organisatie is opgeslagen.")

    def perform(self, data: dict[str, Any]) -> Any:
        services.answer_save(viewer=self.viewer, evaluation=self.object, data=data)
        return self.object


class MergeView(ObjectMixin, MemberView):
    model = Evaluation
    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        evaluation = self.get_object()
        try:
            services.evaluation_merge(viewer=self.viewer, evaluation=evaluation)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, str(_("De antwoorden zijn samengevoegd.")))
        return redirect(evaluation.get_absolute_url())


class LessonAddView(ServiceFormView):
    model = Evaluation
    minimum_access = Access.FULL
    form_class = LessonForm
    title = _("Les vastleggen")
    success_message = _("De les is vastgelegd.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.lesson_add(viewer=self.viewer, evaluation=self.object, data=data)


class LessonAdoptView(RecentAuthRequiredMixin, ServiceFormView):
    """The director adopts a lesson (re-authenticated: it may change the covenant). An action
    asks for owner and date; a covenant change becomes a new version with the lesson as reason."""

    model = Lesson
    minimum_access = Access.FULL
    title = _("Les overnemen")
    success_message = _("De les is overgenomen en is werk geworden.")

    @property
    def form_class(self) -> Any:  # type: ignore[override]
        lesson = self.object
        return AdoptActionForm if lesson and lesson.kind == LessonKind.ACTION else ConfirmForm

    def form_kwargs(self) -> dict[str, Any]:
        if self.form_class is AdoptActionForm:
            return {
                "querysets": {
                    "organisation": Organisation.objects.for_viewer(self.viewer),
                    "owner": active_members(self.viewer),
                }
            }
        return {}

    def extra_context(self) -> dict[str, Any]:
        return {"lesson": self.object}

    def get_template_names(self) -> list[str]:
        return ["aftercare/lesson_adopt.html"]

    def perform(self, data: dict[str, Any]) -> Any:
        return services.lesson_adopt(viewer=self.viewer, lesson=self.object, data=data)


class CovenantOriginView(MemberTemplateView):
    """ "Which evaluation led to this covenant version?" — every version that came from an
    adopted lesson, with the lesson and its evaluation (as far as the viewer may read them)."""

    template_name = "aftercare/covenant_origin.html"
    model = Lesson
    shows_personal_data = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        lessons = filter_visible(
            self.viewer,
            Lesson.objects.for_viewer(self.viewer)
            .filter(covenant_version__isnull=False)
            .select_related("evaluation", "covenant_version")
            .order_by("-covenant_version__number"),
        )
        log_shown(self.viewer, lessons, via=AccessVia.PAGE, path=self.request.get_full_path())
        data["lessons"] = lessons
        return data


class AdvisoryView(VisibleListView):
    model = AdvisoryMember
    template_name = "aftercare/advisory.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["is_director"] = self.viewer.role == Role.DIRECTOR
        return data


class AdvisoryAddView(ServiceFormView):
    form_class = AdvisoryForm
    title = _("Lid van de adviesraad toevoegen")
    success_message = _("Het lid is toegevoegd.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.advisory_add(viewer=self.viewer, data=data)


__all__ = ["selectors"]
