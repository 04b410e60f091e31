"""A4 pages: the rumour register, the debunk builder with its rule check, prebunks, exports."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.assessment.selectors import situations
from lont.audit.models import AccessVia
from lont.core.reads import log_reads
from lont.core.related import log_shown
from lont.core.views_base import (
    MemberView,
    ObjectMixin,
    ServiceFormView,
    VisibleDetailView,
    VisibleListView,
)
from lont.networks.choices import Access

from .. import selectors, services
from ..debunk import check_debunk
from ..exports import claim_review, plain_text
from ..forms import DebunkForm, PrebunkForm, ReachForm, RumourForm
from ..guide import DEBUNK_RULES
from ..models import Debunk, Prebunk, Rumour


class RumourListView(VisibleListView):
    model = Rumour
    template_name = "aftercare/rumour_list.html"


class RumourCreateView(ServiceFormView):
    form_class = RumourForm
    title = _("Gerucht vastleggen")
    success_message = _("Het gerucht is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"querysets": {"situation": situations(self.viewer)}}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.rumour_create(viewer=self.viewer, data=data)


class RumourDetailView(VisibleDetailView):
    model = Rumour
    template_name = "aftercare/rumour_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        reach = selectors.rumour_reach(self.viewer, self.object)
        debunks = selectors.rumour_debunks(self.viewer, self.object)
        log_shown(
            self.viewer, [*reach, *debunks], via=AccessVia.PAGE, path=self.request.get_full_path()
        )
        data.update(reach=reach, debunks=debunks, rules=DEBUNK_RULES)
        return data


class ReachAddView(ServiceFormView):
    model = Rumour
    minimum_access = Access.FULL
    form_class = ReachForm
    title = _("Bereik vastleggen")
    success_message = _("Het bereik is vastgelegd.")

    def success_url(self, result: Any) -> str:
        return self.object.get_absolute_url()

    def perform(self, data: dict[str, Any]) -> Any:
        return services.reach_add(viewer=self.viewer, rumour=self.object, data=data)


class _DebunkFormView(ServiceFormView):
    form_class = DebunkForm
    minimum_access = Access.FULL
    success_message = _("De ontkrachting is opgeslagen.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"querysets": {"messenger": selectors.messengers(self.viewer)}}

    def get_template_names(self) -> list[str]:
        return ["aftercare/debunk_form.html"]

    def rumour(self) -> Rumour:
        raise NotImplementedError

    def success_url(self, result: Any) -> str:
        return str(result.rumour.get_absolute_url())

    def extra_context(self) -> dict[str, Any]:
        form_data = getattr(self, "_checked", None)
        return {"rumour": self.rumour(), "rules": DEBUNK_RULES, "checks": form_data}

    def render_form(self, form: Any, status: int = 200) -> HttpResponse:
        data = form.data if form.is_bound else form.initial
        if data.get("text"):
            self._checked = check_debunk(
                claim=self.rumour().claim,
                facts=data.get("facts", ""),
                text=data.get("text", ""),
                audience=data.get("audience", ""),
                has_messenger=bool(data.get("messenger")),
            )
        return super().render_form(form, status)


class DebunkCreateView(_DebunkFormView):
    model = Rumour
    title = _("Ontkrachting opstellen")

    def rumour(self) -> Rumour:
        return self.object

    def perform(self, data: dict[str, Any]) -> Any:
        return services.debunk_save(viewer=self.viewer, rumour=self.object, data=data)


class DebunkEditView(_DebunkFormView):
    model = Debunk
    title = _("Ontkrachting herschrijven")

    def rumour(self) -> Rumour:
        return self.object.rumour

    def form_kwargs(self) -> dict[str, Any]:
        kwargs = super().form_kwargs()
        if self.request.method == "GET":
            d = self.object
            kwargs["initial"] = {
                "facts": d.facts,
                "text": d.text,
                "audience": d.audience,
                "messenger": d.messenger_id,
                "status": d.status,
            }
        return kwargs

    def perform(self, data: dict[str, Any]) -> Any:
        return services.debunk_save(
            viewer=self.viewer, rumour=self.object.rumour, data=data, debunk=self.object
        )


class DebunkExportView(ObjectMixin, MemberView):
    """A debunk as schema.org ClaimReview JSON-LD or plain text, to publish on the network's
    own site the way fact-checkers do."""

    model = Debunk
    minimum_access = Access.FULL
    is_export = True
    shows_personal_data = True

    def get(self, request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
        debunk = self.get_object()  # logged as read for the export
        log_reads(self.viewer, [debunk.rumour], via=AccessVia.EXPORT, path=request.get_full_path())
        url = request.build_absolute_uri(reverse("aftercare:debunk_edit", args=[debunk.pk]))
        if fmt == "json":
            body = json.dumps(claim_review(debunk, url=url), ensure_ascii=False, indent=2)
            response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
            name = f"ontkrachting-{debunk.pk}.jsonld"
        else:
            response = HttpResponse(plain_text(debunk), content_type="text/plain; charset=utf-8")
            name = f"ontkrachting-{debunk.pk}.txt"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class PrebunkListView(VisibleListView):
    model = Prebunk
    template_name = "aftercare/prebunks.html"


class PrebunkCreateView(ServiceFormView):
    form_class = PrebunkForm
    title = _("Prebunk toevoegen")
    success_message = _("De prebunk staat in de bibliotheek.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.prebunk_save(viewer=self.viewer, data=data)
