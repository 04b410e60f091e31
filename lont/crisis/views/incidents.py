"""The incidents: the list, opening one, the picture and action-plan forms, the history and the
printable situation report."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

from lont.assessment.models import Situation
from lont.audit.models import AccessVia
from lont.core.reads import log_reads
from lont.core.related import summarised
from lont.core.selectors import get_visible
from lont.core.views_base import (
    MemberView,
    ObjectHistoryView,
    ServiceFormView,
    VisibleListView,
    fetch_for_page,
)
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.subjects.models import Group

from .. import selectors, services
from ..forms import IncidentOpenForm, IncidentPictureForm, IncidentPlanForm
from ..guide import DIMENSION_GUIDE, SAFETY_FIRST
from ..models import Incident
from ..pdf import situation_report_pdf


class IncidentListView(VisibleListView):
    model = Incident
    template_name = "crisis/incident_list.html"

    def get_queryset(self) -> Any:
        return selectors.incidents(self.viewer)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["can_create"] = self.viewer.can("case.write")
        return data


class IncidentOpenView(ServiceFormView):
    """Open an incident by hand, or from a situation (``?situatie=``) or a signal (``?signaal=``)."""

    form_class = IncidentOpenForm
    title = gettext_lazy("Incident openen")
    success_message = gettext_lazy("Het incident is geopend.")

    def setup_object(self) -> None:
        from lont.signalregister.models import Signal

        self.situation = self.signal = None
        for param, model in (("situatie", Situation), ("signaal", Signal)):
            raw = self.request.GET.get(param) or self.request.POST.get(param)
            if raw:
                found = fetch_for_page(self, model, raw)
                setattr(self, "situation" if model is Situation else "signal", found)

    def form_kwargs(self) -> dict[str, Any]:
        groups = visible(self.viewer, Group.objects.all())
        situations = selectors.opening_situations(self.viewer)
        initial: dict[str, Any] = {}
        if self.situation is not None:
            initial = {
                "title": self.situation.title,
                "level": self.situation.level,
                "situation": self.situation.pk,
            }
        return {"groups": groups, "situations": situations, "initial": initial}

    def extra_context(self) -> dict[str, Any]:
        return {"situation": self.situation, "signal": self.signal}

    def cancel_url(self) -> str:
        return str(self.situation.get_absolute_url()) if self.situation else "../"

    def perform(self, data: dict[str, Any]) -> Any:
        situation = data.pop("situation", None) or self.situation
        return services.incident_open(
            viewer=self.viewer, data=data, situation=situation, signal=self.signal
        )


class IncidentPictureView(ServiceFormView):
    model = Incident
    minimum_access = Access.FULL
    form_class = IncidentPictureForm
    title = gettext_lazy("Beeld en informatiechecklist")
    success_message = gettext_lazy("Het beeld is bijgewerkt.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"instance": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        self.object.refresh_from_db()
        return services.incident_update(viewer=self.viewer, incident=self.object, data=data)


class IncidentPlanView(IncidentPictureView):
    form_class = IncidentPlanForm  # type: ignore[assignment]
    title = gettext_lazy("Actieplan: doelbewuste keuzes")
    success_message = gettext_lazy("Het actieplan is vastgelegd.")
    template_name = "crisis/plan_form.html"

    def extra_context(self) -> dict[str, Any]:
        return {"guide": DIMENSION_GUIDE, "safety_first_text": SAFETY_FIRST}

    def perform(self, data: dict[str, Any]) -> Any:
        self.object.refresh_from_db()
        return services.incident_plan(viewer=self.viewer, incident=self.object, data=data)


class IncidentHistoryView(ObjectHistoryView):
    model = Incident


class SituationReportView(MemberView):
    """A printable situation report (PDF) at the reader's access level."""

    is_export = True
    shows_personal_data = True
    model = Incident

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        path = request.get_full_path()
        obj, self.access = get_visible(
            self.viewer, selectors.incidents(self.viewer), via=AccessVia.PDF, path=path, pk=pk
        )
        if self.access != Access.FULL:
            summarised(obj)
        picture = selectors.picture(self.viewer, obj, via=AccessVia.PDF, path=path, log_lines=None)
        log_reads(self.viewer, [obj], via=AccessVia.PDF, path=path)
        body = situation_report_pdf(
            incident=obj,
            full=self.access == Access.FULL,
            picture=picture,
            removals=selectors.removal_per_platform(picture.posts),
        )
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="situatierapport-{obj.pk}.pdf"'
        return response
