"""The privacy officer's pages for data-subject requests and the register (thin: rules live in
``grants``, reads in ``selectors``, writes in ``services``)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.accounts.reauth import RecentAuthRequiredMixin, reauth_redirect, recently_authenticated
from lont.audit.models import AccessVia
from lont.core.views_base import MemberTemplateView, MemberView, ServiceFormView
from lont.networks.models import CovenantVersion

from . import selectors, services
from .choices import RequestKind
from .export import report_json
from .forms import ApproveForm, ChoosePersonForm, OutcomeForm, RequestStartForm, RiskForm
from .grants import issue_grant, may_approve, may_start
from .models import SubjectRequest
from .pdf import access_report_pdf, register_pdf
from .register import build_register


class RequestMixin:
    """The request of the URL for a viewer who may see it (403/404 otherwise)."""

    kwargs: dict[str, Any]
    viewer: Any

    def get_request(self) -> SubjectRequest:
        return selectors.request_for(self.viewer, self.kwargs["pk"])


class RequestListView(MemberTemplateView):
    template_name = "privacy/requests.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["requests"] = selectors.requests_for(self.viewer)
        data["may_start"] = may_start(self.viewer)
        return data


class RequestStartView(RecentAuthRequiredMixin, ServiceFormView):
    required_permission = None
    form_class = RequestStartForm
    title = gettext_lazy("Nieuw verzoek van een betrokkene")
    success_message = gettext_lazy(
        "Het verzoek is vastgelegd. Een tweede persoon (een andere FG of de netwerkregisseur) "
        "moet het goedkeuren voordat u kunt zoeken."
    )

    def perform(self, data: dict[str, Any]) -> Any:
        return services.request_start(viewer=self.viewer, **data)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_start(self.viewer):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)


class RequestDetailView(RequestMixin, MemberTemplateView):
    """The request; for its two people after approval the search and the access report.
    Without an approved request the grant is refused and nothing about the person is shown."""

    template_name = "privacy/request_detail.html"
    # Personal data only under a grant; every record shown is access-logged by
    # ``services.report_read`` (tests/privacy prove it). The generic URL test cannot make an
    # approved request, so the flag stays off here.
    shows_personal_data = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        request = self.get_request()
        data.update(subject_request=request, may_approve=may_approve(self.viewer, request))
        data["approve_form"] = ApproveForm()
        try:
            grant = issue_grant(self.viewer, request)
        except PermissionDenied:
            grant = None
        data["grant"] = grant
        if grant is not None and request.person_id is not None:
            report = services.report_read(
                grant=grant, via=AccessVia.PAGE, path=self.request.get_full_path()
            )
            data["report"] = report
            if request.kind != RequestKind.ACCESS:
                for i, record in enumerate(report.records):
                    record.form = OutcomeForm(  # type: ignore[attr-defined]
                        initial={"object_type": record.object_type, "object_id": record.object_id},
                        auto_id=f"id_r{i}_%s",
                    )
        return data


class RequestApproveView(RecentAuthRequiredMixin, RequestMixin, ServiceFormView):
    required_permission = None
    form_class = ApproveForm
    title = gettext_lazy("Verzoek goedkeuren (vier ogen)")

    def setup_object(self) -> None:
        self.object = self.get_request()

    def perform(self, data: dict[str, Any]) -> Any:
        return services.request_approve(viewer=self.viewer, request=self.object, **data)

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())


class RequestSearchView(RecentAuthRequiredMixin, RequestMixin, MemberView):
    """Run the approved search. Several exact matches are listed by partner and date only."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        subject_request = self.get_request()
        matches = services.request_search(viewer=self.viewer, request=subject_request)
        if len(matches) > 1:
            return render(
                request,
                "privacy/choose_person.html",
                {"request_obj": subject_request, "matches": matches, "form": ChoosePersonForm()},
            )
        if not matches:
            messages.warning(request, _("Geen persoon gevonden met precies deze gegevens."))
        return redirect(subject_request.get_absolute_url())


class RequestChooseView(RecentAuthRequiredMixin, RequestMixin, MemberView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        subject_request = self.get_request()
        form = ChoosePersonForm(request.POST)
        if form.is_valid():
            services.request_choose_person(
                viewer=self.viewer,
                request=subject_request,
                person_id=form.cleaned_data["person_id"],
            )
        return redirect(subject_request.get_absolute_url())


class RequestOutcomeView(RequestMixin, ServiceFormView):
    required_permission = None
    form_class = OutcomeForm
    title = gettext_lazy("Uitkomst voor dit gegeven")
    success_message = gettext_lazy("De uitkomst is vastgelegd.")

    def setup_object(self) -> None:
        self.object = self.get_request()

    def perform(self, data: dict[str, Any]) -> Any:
        return services.outcome_record(viewer=self.viewer, request=self.object, **data)

    def success_url(self, result: Any) -> str:
        return str(self.object.get_absolute_url())

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())


class ReportFileView(RequestMixin, MemberView):
    """The report as a file: re-authentication, one of the four eyes, every record logged."""

    is_export = True
    via: ClassVar[str] = AccessVia.PDF

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not recently_authenticated(request):
            return reauth_redirect(request)
        grant = issue_grant(self.viewer, self.get_request())
        report = services.report_read(grant=grant, via=self.via, path=request.get_full_path())
        return self.respond(report)

    def respond(self, report: Any) -> HttpResponse:
        raise NotImplementedError


class ReportPdfView(ReportFileView):
    via = AccessVia.PDF

    def respond(self, report: Any) -> HttpResponse:
        response = HttpResponse(access_report_pdf(report), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="verzoek-{report.request.pk}.pdf"'
        return response


class ReportJsonView(ReportFileView):
    via = AccessVia.EXPORT

    def respond(self, report: Any) -> HttpResponse:
        body = json.dumps(report_json(report), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="verzoek-{report.request.pk}.json"'
        return response


# The register and the DPIA annex ---------------------------------------------------------------


def _version(viewer: Any, request: HttpRequest) -> Any:
    """The covenant version asked for (``?versie=3``), else the one in force: the register is
    versioned with the covenant."""
    number = request.GET.get("versie", "")
    if number.isdigit():
        found = CovenantVersion.objects.filter(network=viewer.network, number=int(number)).first()
        if found is not None:
            return found
    return viewer.network.active_covenant()


class RegisterView(MemberTemplateView):
    template_name = "privacy/register.html"
    required_permission = "audit.read"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        version = _version(self.viewer, self.request)
        data["register"] = build_register(version) if version else None
        data["versions"] = list(
            CovenantVersion.objects.filter(network=self.viewer.network).order_by("-number")
        )
        data["dpia"] = services.dpia_for(self.viewer.network)
        data["risk_form"] = RiskForm()
        return data


class RegisterPdfView(MemberView):
    required_permission = "audit.read"
    is_export = True  # the register names categories and partner types: no personal records

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        version = _version(self.viewer, request)
        if version is None:
            return redirect("privacy:register")
        pdf = register_pdf(build_register(version), services.dpia_for(self.viewer.network))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="verwerkingsregister-{version.network.slug}-v{version.number}.pdf"'
        )
        return response


class RiskAddView(ServiceFormView):
    required_permission = "audit.read"
    form_class = RiskForm
    title = gettext_lazy("Risico toevoegen aan de DPIA")
    success_message = gettext_lazy("Het risico is toegevoegd.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.dpia_add_risk(viewer=self.viewer, **data)

    def success_url(self, result: Any) -> str:
        return "../"


class DpiaSignView(RecentAuthRequiredMixin, MemberView):
    required_permission = "audit.read"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.dpia_sign(viewer=self.viewer)
        except ValidationError as error:  # shown; nothing signed
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De DPIA is vastgesteld."))
        return redirect("privacy:register")
