"""Pages of the vision (P1), the sources (P11) and awareness (P12). Thin: reads through
``selectors``, writes through ``services``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from lont.core.filters import int_param
from lont.core.views_base import (
    MemberTemplateView,
    ServiceDeleteView,
    ServiceFormView,
    VisibleDetailView,
)
from lont.networks.choices import Access, Role
from lont.networks.selectors import organisations
from lont.presence import selectors as presence

from . import selectors, services
from .choices import JOB_PROFILE_CHECKS, VisionStatus
from .forms import (
    ApproveForm,
    AwarenessForm,
    LabelForm,
    ProfileForm,
    SourceForm,
    VisionForm,
)
from .models import AwarenessActivity, Source, StigmaLabel, VisionVersion


class VisionIndexView(MemberTemplateView):
    """The network vision and each partner's newest vision, with the way to write and compare."""

    template_name = "peacetime/vision_index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        network, partners = selectors.latest_per_owner(self.viewer)
        data.update(
            network_vision=network,
            approved=selectors.approved_network_vision(self.viewer),
            partners=partners,
            is_director=self.viewer.role == Role.DIRECTOR,
            can_write=self.viewer.can("case.write"),
        )
        return data


class VisionDetailView(VisibleDetailView):
    model = VisionVersion
    template_name = "peacetime/vision_detail.html"
    context_object_name = "vision"
    shows_personal_data = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        vision = self.object
        data["versions"] = list(
            selectors.visions(self.viewer).filter(organisation=vision.organisation_id)
        )
        data["can_approve"] = (
            vision.is_network
            and vision.status == VisionStatus.DRAFT
            and self.viewer.role == Role.DIRECTOR
        )
        if data["can_approve"]:
            data["approve_form"] = ApproveForm()
        return data


class VisionCreateView(ServiceFormView):
    """A new version of the organisation's vision, prefilled with the previous one."""

    form_class = VisionForm
    template_name = "peacetime/vision_form.html"
    network_vision = False
    title = gettext_lazy("Visie van uw organisatie op online werken")

    def previous(self) -> VisionVersion | None:
        rows = selectors.visions(self.viewer)
        if self.network_vision:
            rows = rows.filter(organisation__isnull=True)
        else:
            rows = rows.filter(organisation=self.viewer.organisation)
        return rows.order_by("-number").first()

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        viewer = getattr(request, "viewer", None)
        if self.network_vision and viewer is not None and viewer.role != Role.DIRECTOR:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_kwargs(self) -> dict[str, Any]:
        if self.request.method == "GET":
            return {"initial": VisionForm.initial_for(self.previous())}
        return {}

    def extra_context(self) -> dict[str, Any]:
        return {
            "labels": list(selectors.labels(self.viewer)),
            "network_vision": self.network_vision,
        }

    def perform(self, data: dict[str, Any]) -> Any:
        saved = services.vision_save(viewer=self.viewer, network_vision=self.network_vision, **data)
        for warning in saved.warnings:
            messages.warning(self.request, warning)
        messages.success(
            self.request,
            str(gettext_lazy("Versie %(number)s is opgeslagen."))
            % {"number": saved.version.number},
        )
        return saved.version

    def cancel_url(self) -> str:
        return reverse("peacetime:vision_index")


class NetworkVisionCreateView(VisionCreateView):
    network_vision = True
    title = gettext_lazy("Netwerkvisie op online werken")


class VisionApproveView(ServiceFormView):
    model = VisionVersion
    minimum_access = Access.FULL
    form_class = ApproveForm
    required_permission = "covenant.change"
    title = gettext_lazy("Netwerkvisie vaststellen")
    success_message = gettext_lazy("De netwerkvisie is vastgesteld.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.vision_approve(viewer=self.viewer, version=self.object, **data)

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())


class VisionCompareView(MemberTemplateView):
    """The partners' newest answers side by side; rows where they differ are marked."""

    template_name = "peacetime/vision_compare.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        network, partners = selectors.latest_per_owner(self.viewer)
        columns = [*partners, *([network] if network else [])]
        data["columns"] = columns
        data["rows"] = selectors.compare(columns) if columns else []
        return data


class LabelListView(ServiceFormView):
    """The network's list of stigmatising terms (question 2), with a form to add one."""

    form_class = LabelForm
    template_name = "peacetime/labels.html"
    required_permission = None
    title = gettext_lazy("Stigmatiserende termen")
    success_message = gettext_lazy("De term staat in de lijst.")

    def extra_context(self) -> dict[str, Any]:
        return {
            "labels": list(selectors.labels(self.viewer)),
            "can_manage": self.viewer.can(services.MANAGE),
        }

    def perform(self, data: dict[str, Any]) -> Any:
        return services.label_create(viewer=self.viewer, **data)

    def success_url(self, result: Any) -> str:
        return reverse("peacetime:labels")


class LabelDeleteView(ServiceDeleteView):
    model = StigmaLabel
    required_permission = services.MANAGE
    success_message = gettext_lazy("De term is uit de lijst gehaald.")

    def allowed(self, obj: Any) -> bool:
        return self.viewer.can(services.MANAGE)

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.label_delete(viewer=self.viewer, label=obj)

    def success_url(self, obj: Any) -> str:
        return reverse("peacetime:labels")

    def cancel_url(self, obj: Any) -> str:
        return reverse("peacetime:labels")


class SourceListView(MemberTemplateView):
    template_name = "peacetime/sources.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        today = timezone.localdate()
        data["sources"] = [(s, s.review_due(today)) for s in selectors.sources(self.viewer)]
        data["can_manage"] = self.viewer.can(services.MANAGE)
        return data


class SourceCreateView(ServiceFormView):
    form_class = SourceForm
    required_permission = services.MANAGE
    template_name = "peacetime/form.html"
    title = gettext_lazy("Bron toevoegen")
    success_message = gettext_lazy("De bron staat in de lijst.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.source_save(viewer=self.viewer, **data)

    def success_url(self, result: Any) -> str:
        return reverse("peacetime:sources")

    def cancel_url(self) -> str:
        return reverse("peacetime:sources")


class SourceUpdateView(SourceCreateView):
    model = Source
    minimum_access = Access.FULL
    title = gettext_lazy("Bron bijwerken")
    success_message = gettext_lazy("De bron is bijgewerkt.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"viewer": self.viewer, "instance": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.source_save(viewer=self.viewer, source=self.object, **data)


class AwarenessView(MemberTemplateView):
    """Trainings, school lessons and parent evenings; the online specialist and digital skills
    per organisation."""

    template_name = "peacetime/awareness.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        labels = dict(JOB_PROFILE_CHECKS)
        data["activities"] = list(selectors.awareness(self.viewer)[:100])
        data["profiles"] = [
            (org, profile, [labels[c] for c in (profile.checks if profile else [])])
            for org, profile in selectors.profiles(self.viewer)
        ]
        data["check_count"] = len(JOB_PROFILE_CHECKS)
        data["can_write"] = self.viewer.can("case.write")
        data["can_manage"] = self.viewer.can(services.MANAGE)
        data["own_organisation"] = self.viewer.organisation.pk
        data["is_director"] = self.viewer.role == Role.DIRECTOR
        return data


class AwarenessCreateView(ServiceFormView):
    form_class = AwarenessForm
    template_name = "peacetime/form.html"
    title = gettext_lazy("Bewustwordingsactiviteit vastleggen")
    success_message = gettext_lazy("De activiteit is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"viewer": self.viewer}
        if self.request.method == "GET":
            kwargs["initial"] = {"organisation": self.viewer.organisation.pk}
        return kwargs

    def perform(self, data: dict[str, Any]) -> Any:
        return services.awareness_save(viewer=self.viewer, **data)

    def success_url(self, result: Any) -> str:
        return reverse("peacetime:awareness")

    def cancel_url(self) -> str:
        return reverse("peacetime:awareness")


class AwarenessUpdateView(AwarenessCreateView):
    model = AwarenessActivity
    minimum_access = Access.FULL
    title = gettext_lazy("Bewustwordingsactiviteit bijwerken")
    success_message = gettext_lazy("De wijzigingen zijn opgeslagen.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"viewer": self.viewer, "instance": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.awareness_save(viewer=self.viewer, activity=self.object, **data)


class ProfileEditView(ServiceFormView):
    """The online specialist and the job-profile checklist of one organisation."""

    form_class = ProfileForm
    template_name = "peacetime/form.html"
    required_permission = services.MANAGE

    def setup_object(self) -> None:
        organisation = organisations(self.viewer).filter(pk=self.kwargs["organisation_id"]).first()
        if organisation is None:
            raise Http404
        self.organisation = organisation

    def page_title(self) -> str:
        return str(gettext_lazy("Online specialist en digitale vaardigheden: %(org)s")) % {
            "org": self.organisation.name
        }

    def form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"viewer": self.viewer, "organisation": self.organisation}
        if self.request.method == "GET":
            profile = next(
                (p for o, p in selectors.profiles(self.viewer) if o.pk == self.organisation.pk),
                None,
            )
            if profile is not None:
                kwargs["initial"] = {"specialist": profile.specialist_id, "checks": profile.checks}
        return kwargs

    def perform(self, data: dict[str, Any]) -> Any:
        return services.profile_save(viewer=self.viewer, organisation=self.organisation, **data)

    def success_url(self, result: Any) -> str:
        return reverse("peacetime:awareness")

    def cancel_url(self) -> str:
        return reverse("peacetime:awareness")


class YearOverviewView(MemberTemplateView):
    """The director's yearly overview: what was done, reach per audience, gaps against the
    vision's goals."""

    template_name = "peacetime/year_overview.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        today = timezone.localdate()
        year = int_param(self.request.GET, "jaar") or today.year
        if not 2000 <= year <= 2100:
            year = today.year
        overview = selectors.year_overview(
            self.viewer,
            year,
            scans=presence.reviews_in_year(self.viewer, year).count(),
            contacts=presence.contact_totals(self.viewer, year),
            activities=presence.activity_count(self.viewer, year),
            overdue_platforms=len(presence.overdue_platforms(self.viewer, today)),
        )
        data["overview"] = overview
        data["contact_total"] = sum(overview.contacts.values())
        data["years"] = [today.year - 2, today.year - 1, today.year]
        return data
