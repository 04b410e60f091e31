"""A2 pages: staff support (own reports, support, stressor inventory, coping strategies)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.models import AccessVia
from lont.core.filters import parse_id
from lont.core.reads import log_reads
from lont.core.related import log_shown
from lont.core.scoping import system_context
from lont.core.views_base import (
    MemberTemplateView,
    ObjectMixin,
    ServiceFormView,
    VisibleDetailView,
    add_service_errors,
)
from lont.networks.choices import Access

from .. import selectors, services
from ..forms import CheckInForm, ReportForm, SupportForm, SurveyAnswerForm, SurveyForm
from ..guide import COPING, STRESSORS
from ..models import ExposureCheckIn, ExposureReport, StressorSurvey


class StaffView(MemberTemplateView):
    """The staff-support page: the viewer's own (or, for a coordinator, their organisation's)
    reports, where to get support, the stressor inventory and the guide's coping strategies."""

    template_name = "aftercare/staff.html"
    model = ExposureReport
    shows_personal_data = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        reports = list(selectors.reports(self.viewer)[:200])
        log_reads(self.viewer, reports, via=AccessVia.LIST, path=self.request.get_full_path())
        data.update(
            reports=reports,
            pointers=selectors.support_pointers(self.viewer),
            surveys=selectors.surveys(self.viewer),
            coping=COPING,
            stressors=STRESSORS,
            can_manage=self.viewer.can("members.manage"),
        )
        return data


class ReportCreateView(ServiceFormView):
    form_class = ReportForm
    required_permission = None
    title = gettext_lazy("Vertrouwelijke melding: blootstelling aan online geweld")
    success_message = gettext_lazy(
        "Uw melding is vastgelegd. Alleen u en de coördinator van uw organisatie kunnen haar lezen."
    )

    def perform(self, data: dict[str, Any]) -> Any:
        return services.report_create(viewer=self.viewer, data=data)


class ReportDetailView(VisibleDetailView):
    """The reporter and their own coordinator read it; anyone else in the network is refused
    outright (403: confidential, not merely not shared)."""

    model = ExposureReport
    minimum_access = Access.FULL
    template_name = "aftercare/report_detail.html"

    def get_object(self, queryset: Any = None) -> Any:
        try:
            return super().get_object(queryset)
        except Http404:
            with system_context("does this confidential report exist in the viewer's network"):
                exists = ExposureReport.objects.filter(  # lint: system-read existence only, for 403
                    network=self.viewer.network, pk=parse_id(self.kwargs["pk"]) or 0
                ).exists()
            if exists:
                raise PermissionDenied(_("Deze melding is vertrouwelijk.")) from None
            raise

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        checkins = selectors_checkins(self.viewer, self.object)
        log_shown(self.viewer, checkins, via=AccessVia.PAGE, path=self.request.get_full_path())
        data.update(
            checkins=checkins, form=CheckInForm(), pointers=selectors.support_pointers(self.viewer)
        )
        return data


def selectors_checkins(viewer: Any, report: ExposureReport) -> list[Any]:
    from lont.core.related import filter_visible

    return filter_visible(
        viewer,
        ExposureCheckIn.objects.for_viewer(viewer, minimum=Access.FULL).filter(report=report),
        minimum=Access.FULL,
    )


class CheckInRecordView(ServiceFormView):
    model = ExposureCheckIn
    minimum_access = Access.FULL
    required_permission = None
    form_class = CheckInForm
    title = gettext_lazy("Nagesprek vastleggen")
    success_message = gettext_lazy("Het nagesprek is vastgelegd.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.checkin_record(viewer=self.viewer, checkin=self.object, note=data["note"])


class SupportCreateView(ServiceFormView):
    form_class = SupportForm
    required_permission = "members.manage"
    title = gettext_lazy("Steunpunt toevoegen")
    success_message = gettext_lazy("Het steunpunt is toegevoegd.")

    def success_url(self, result: Any) -> str:
        return reverse("aftercare:staff")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.support_create(viewer=self.viewer, data=data)


class SurveyCreateView(ServiceFormView):
    form_class = SurveyForm
    required_permission = "members.manage"
    title = gettext_lazy("Stressorenpeiling uitzetten")
    success_message = gettext_lazy("De peiling staat klaar.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.survey_create(viewer=self.viewer, data=data)


class SurveyView(ObjectMixin, MemberTemplateView):
    """Answer the inventory anonymously; after closing, the aggregates (cells of five or more)."""

    model = StressorSurvey
    template_name = "aftercare/survey.html"

    def _context(self, survey: StressorSurvey, form: Any) -> dict[str, Any]:
        today = timezone.localdate()
        return {
            "survey": survey,
            "form": form,
            "answered": selectors.has_answered(self.viewer, survey),
            "is_open": survey.opens_on <= today <= survey.closes_on,
            "result": selectors.survey_result(survey, today),
            "coping": COPING,
        }

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = self.get_object()
        return render(request, self.template_name, self._context(survey, SurveyAnswerForm()))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = self.get_object()
        form = SurveyAnswerForm(data=request.POST)
        if form.is_valid():
            try:
                services.survey_answer(viewer=self.viewer, survey=survey, answers=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Dank u. Uw antwoorden zijn anoniem opgeteld."))
                return redirect(survey.get_absolute_url())
        return render(request, self.template_name, self._context(survey, form), status=400)
