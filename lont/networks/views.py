from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.core.combobox import first_matching
from lont.core.filters import parse_id
from lont.core.reauth import RecentAuthRequiredMixin
from lont.core.viewer import GRANTABLE_ROLES
from lont.core.views_base import (
    ComboboxOptionsView,
    MemberTemplateView,
    MemberView,
    VisibleDetailView,
    VisibleListView,
)

from . import annex, covenant_rules, selectors, services
from .choices import InformationCategory, PartnerType, Role
from .choosers import PARTNER_PARAM
from .forms import CovenantForm, covenant_initial
from .models import CovenantVersion, Membership
from .pdf import covenant_annex_pdf


class NetworkOverviewView(MemberTemplateView):
    template_name = "networks/overview.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["organisations"] = selectors.organisations(self.viewer)
        data["overview"] = selectors.network_overview(self.viewer)
        data["can_invite"] = self.viewer.can("members.manage")
        return data


class MemberListView(VisibleListView):
    model = Membership
    template_name = "networks/member_list.html"
    shows_personal_data = True

    def base_queryset(self) -> Any:
        qs = (
            Membership.objects.for_viewer(self.viewer)
            .select_related("user", "organisation")
            .order_by("organisation__name", "user__full_name")
        )
        organisation = parse_id(self.request.GET.get("organisatie"))
        if organisation is not None:
            qs = qs.filter(organisation_id=organisation)
        if self.request.GET.get("inactief") != "1":
            qs = qs.filter(is_active=True)
        return qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["organisations"] = selectors.organisations(self.viewer)
        data["selected_organisation"] = self.request.GET.get("organisatie", "")
        data["show_inactive"] = self.request.GET.get("inactief") == "1"
        return data


class MemberDetailView(VisibleDetailView):
    model = Membership
    template_name = "networks/member_detail.html"
    context_object_name = "membership"

    def base_queryset(self) -> Any:
        return Membership.objects.select_related("user", "organisation")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["can_manage"] = self.viewer.manages_organisation(self.object.organisation)
        # The same rule as the reset service: only roles the viewer could grant.
        grantable: set[str] = set(GRANTABLE_ROLES.get(Role(self.viewer.role), set()))
        data["can_reset"] = self.object.role in grantable
        return data


class MemberDeactivateView(MemberView):
    required_permission = "members.manage"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        membership = get_object_or_404(selectors.members(self.viewer), pk=pk)
        reason = request.POST.get("reason", "").strip()
        if not reason:
            messages.error(request, _("Geef een reden op voor het deactiveren."))
            return redirect("networks:member_detail", pk=pk)
        services.membership_deactivate(viewer=self.viewer, membership=membership, reason=reason)
        messages.success(
            request,
            _("Het lidmaatschap is gedeactiveerd; sessies en API-tokens zijn ingetrokken."),
        )
        return redirect("networks:members")


class CovenantView(MemberTemplateView):
    """The readable, printable covenant annex of the active (or a chosen) version."""

    template_name = "networks/covenant.html"

    def get_version(self) -> CovenantVersion:
        versions = selectors.covenant_versions(self.viewer)
        number = self.kwargs.get("number")
        version = versions.filter(number=number).first() if number else versions.first()
        if version is None:
            raise Http404(_("Dit netwerk heeft nog geen convenant."))
        return version

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        version = self.get_version()
        data["version"] = version
        data["is_active"] = version == self.viewer.covenant
        data["matrix"] = selectors.sharing_matrix(version)
        data["partner_types"] = list(PartnerType)
        data["tasks"] = [
            (PartnerType(ptype).label, tasks) for ptype, tasks in version.tasks.items() if tasks
        ]
        data["organisations"] = selectors.organisations(self.viewer)
        data["can_change"] = self.viewer.can("covenant.change")
        data["citations"] = annex.citations(version)
        return data


class CovenantPdfView(CovenantView):
    is_export = True  # the annex names organisations only: no personal records to log

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        version = self.get_version()
        pdf = covenant_annex_pdf(
            version=version, organisations=list(selectors.organisations(self.viewer))
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="convenant-{version.network.slug}-v{version.number}.pdf"'
        )
        return response


# The working method's yes/no settings as the version history names them.
FLAG_LABELS = {
    "online_affine_person_per_team": gettext_lazy("Online-affiene persoon per team"),
    "professional_accounts_only": gettext_lazy("Alleen professionele accounts"),
    "dpia_done": gettext_lazy("DPIA uitgevoerd"),
    "fg_appointed": gettext_lazy("FG aangesteld"),
    "preserved_copies": gettext_lazy("Bewaarde kopie van gemelde berichten"),
}


class CovenantHistoryView(MemberTemplateView):
    template_name = "networks/covenant_history.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        versions = list(selectors.covenant_versions(self.viewer))
        rows = []
        for version, previous in zip(versions, [*versions[1:], None], strict=True):
            changes = []
            settings_changed: list[dict[str, Any]] = []
            if previous is not None:
                for category, ptype, old, new in covenant_rules.diff_matrix(
                    previous.sharing, version.sharing
                ):
                    changes.append(
                        {
                            "category": InformationCategory(category).label,
                            "partner_type": PartnerType(ptype).label,
                            "old": old,
                            "new": new,
                        }
                    )
                for key, old_flag, new_flag in covenant_rules.diff_working_method(
                    previous.working_method, version.working_method
                ):
                    settings_changed.append(
                        {
                            "label": FLAG_LABELS.get(key, key),
                            "old": old_flag,
                            "new": new_flag,
                        }
                    )
            rows.append({"version": version, "changes": changes, "settings": settings_changed})
        data["rows"] = rows
        return data


class CovenantEditView(RecentAuthRequiredMixin, MemberTemplateView):
    template_name = "networks/covenant_edit.html"
    required_permission = "covenant.change"

    def make_form(self, data: Any = None) -> CovenantForm:
        members = (
            Membership.objects.for_viewer(self.viewer)
            .filter(is_active=True)
            .select_related("user")
            .order_by("user__full_name")
        )
        users = get_user_model().objects.filter(pk__in=members.values("user_id"))
        version = self.viewer.covenant
        initial = covenant_initial(version) if version else {}
        return CovenantForm(data, initial=initial, viewer=self.viewer, members=users)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data.setdefault("form", self.make_form())
        data["partner_types"] = list(PartnerType)
        return data

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(request.POST)
        if form.is_valid():
            cleaned = form.cleaned_data
            try:
                version = services.covenant_change(
                    viewer=self.viewer,
                    reason=cleaned["reason"],
                    director_organisation=cleaned["director_organisation"],
                    director=cleaned["director"],
                    privacy_officer=cleaned["privacy_officer"],
                    sharing=form.sharing(),
                    retention_days=form.retention(),
                    working_method={
                        "online_affine_person_per_team": cleaned["online_affine_person_per_team"],
                        "professional_accounts_only": cleaned["professional_accounts_only"],
                        "out_of_hours_availability": cleaned["out_of_hours_availability"],
                        "dpia_done": cleaned["dpia_done"],
                        "dpia_date": cleaned["dpia_date"].isoformat()
                        if cleaned["dpia_date"]
                        else None,
                        "fg_appointed": cleaned["fg_appointed"],
                        "preserved_copies": cleaned["preserved_copies"],
                    },
                    observation_thresholds={
                        "count_30_days": cleaned["observation_count_30_days"],
                        "span_weeks": cleaned["observation_span_weeks"],
                        "total": cleaned["observation_total"],
                    },
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("Convenantversie %(number)s is vastgesteld en geldt vanaf nu.")
                    % {"number": version.number},
                )
                return redirect("networks:covenant")
        return self.render_to_response(self.get_context_data(form=form))


class MemberOptionsView(ComboboxOptionsView):
    """The active members of one partner (``organisation``) whose name holds what was typed: a
    member field's suggestions (``choosers``), each membership read access-logged by the base.
    A field always names its partner (in its address, or the select it follows): an empty or
    unknown one offers nobody, as the field accepts nobody then; asked without one, the viewer's
    own partner's."""

    model = Membership
    required_permission = "case.write"
    text_param = "owner_naam"
    listbox_id = "eigenaar-opties"
    none_found = gettext_lazy("Geen lid van deze partner gevonden")

    def suggestions(self, text: str) -> list[Any]:
        named = self.request.GET.get(PARTNER_PARAM)
        partner = self.viewer.organisation.pk if named is None else parse_id(named)
        if partner is None:
            return []
        members = selectors.active_members(self.viewer).filter(organisation_id=partner)
        return first_matching(members, text, field="user__full_name")

    def label(self, obj: Any) -> str:
        return str(obj.user.full_name)

    def value(self, obj: Any) -> Any:
        return obj.user_id
