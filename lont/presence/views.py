"""Pages of professional online presence (P3). Thin: reads through ``selectors``, writes through
``services``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from lont.core.choices import AccessVia
from lont.core.reads import log_reads
from lont.core.views_base import MemberTemplateView, ServiceFormView, VisibleDetailView
from lont.networks.choices import Access

from . import selectors, services
from .choices import ASPECTS
from .forms import (
    AccountEditForm,
    AccountForm,
    ActivityForm,
    ContactLogForm,
    PlatformForm,
    ReviewForm,
)
from .models import Platform, PositiveActivity, ProfessionalAccount


class PresenceIndexView(MemberTemplateView):
    """The platform register, the team roster, the contact log and the activities planner."""

    template_name = "presence/index.html"
    model = ProfessionalAccount
    shows_personal_data = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        today = timezone.localdate()
        where = selectors.groups_per_platform(self.viewer) if self.viewer.reads_case_content else {}
        data["platforms"] = [
            (p, p.review_due(today), where.get(p.name.lower(), []))
            for p in selectors.platforms(self.viewer)
        ]
        data["accounts"] = list(selectors.accounts(self.viewer))
        data["activities"] = (
            selectors.activities(self.viewer) if self.viewer.reads_case_content else []
        )
        data["can_manage"] = self.viewer.can(services.MANAGE)
        data["can_write"] = self.viewer.can("case.write")
        # Every row shown that names people or groups is access-logged (rule 4).
        log_reads(
            self.viewer,
            [*data["accounts"], *data["activities"]],
            via=AccessVia.LIST,
            path=self.request.get_full_path(),
        )
        return data


class PlatformDetailView(VisibleDetailView):
    model = Platform
    template_name = "presence/platform_detail.html"
    context_object_name = "platform"
    shows_personal_data = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        platform = self.object
        levels = platform.aspects or {}
        data["aspects"] = [(label, levels.get(code)) for code, label in ASPECTS]
        data["reviews"] = list(selectors.platform_reviews(self.viewer, platform)[:20])
        data["review_due"] = platform.review_due(timezone.localdate())
        data["can_manage"] = self.viewer.can(services.MANAGE)
        return data


class PlatformCreateView(ServiceFormView):
    form_class = PlatformForm
    required_permission = services.MANAGE
    title = gettext_lazy("Platform toevoegen aan het register")
    success_message = gettext_lazy("Het platform staat in het register.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.platform_save(viewer=self.viewer, **data)

    def cancel_url(self) -> str:
        return reverse("presence:index")


class PlatformUpdateView(PlatformCreateView):
    model = Platform
    minimum_access = Access.FULL
    title = gettext_lazy("Platform wijzigen")
    success_message = gettext_lazy("De wijzigingen zijn opgeslagen.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"viewer": self.viewer, "instance": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.platform_save(viewer=self.viewer, platform=self.object, **data)

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())


class PlatformReviewView(ServiceFormView):
    """The periodic scan on the 9 aspects; it becomes the platform's current assessment."""

    model = Platform
    form_class = ReviewForm
    required_permission = services.MANAGE
    success_message = gettext_lazy("De beoordeling is vastgelegd.")

    def page_title(self) -> str:
        return str(gettext_lazy("Platformscan op de 9 aspecten: %(name)s")) % {
            "name": self.object.name
        }

    def perform(self, data: dict[str, Any]) -> Any:
        aspects = {code: data.pop(f"aspect_{code}") for code, _label in ASPECTS}
        return services.platform_review(
            viewer=self.viewer, platform=self.object, aspects=aspects, **data
        )

    def success_url(self, result: Any) -> str:
        return str(self.object.get_absolute_url())

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())


class AccountDetailView(VisibleDetailView):
    model = ProfessionalAccount
    template_name = "presence/account_detail.html"
    context_object_name = "account"

    def base_queryset(self) -> QuerySet[ProfessionalAccount]:
        return selectors.accounts(self.viewer)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        account = self.object
        can_maintain = selectors.may_maintain(self.viewer, account)
        data["can_maintain"] = can_maintain
        data["contacts"] = (
            selectors.contact_logs(self.viewer, account) if self.viewer.reads_case_content else []
        )
        if can_maintain:
            data["log_form"] = ContactLogForm(viewer=self.viewer)
        return data


class AccountCreateView(ServiceFormView):
    form_class = AccountForm
    template_name = "presence/account_form.html"
    title = gettext_lazy("Professioneel account op het rooster zetten")
    success_message = gettext_lazy("Het account staat op het rooster.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.account_create(viewer=self.viewer, **data)

    def cancel_url(self) -> str:
        return reverse("presence:index")


class AccountUpdateView(ServiceFormView):
    model = ProfessionalAccount
    minimum_access = Access.FULL
    form_class = AccountEditForm
    template_name = "presence/account_form.html"
    title = gettext_lazy("Account op het rooster wijzigen")
    success_message = gettext_lazy("De wijzigingen zijn opgeslagen.")

    def setup_object(self) -> None:
        super().setup_object()
        if not selectors.may_maintain(self.viewer, self.object):
            raise PermissionDenied

    def form_kwargs(self) -> dict[str, Any]:
        return {"viewer": self.viewer, "instance": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.account_update(viewer=self.viewer, account=self.object, **data)

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())


class ContactLogView(ServiceFormView):
    """Log initiated contacts on an account: kind, count, date and group — never content."""

    model = ProfessionalAccount
    form_class = ContactLogForm
    title = gettext_lazy("Contactmoment vastleggen")
    success_message = gettext_lazy("Het contactmoment is vastgelegd.")

    def setup_object(self) -> None:
        super().setup_object()
        if not selectors.may_maintain(self.viewer, self.object):
            raise PermissionDenied

    def perform(self, data: dict[str, Any]) -> Any:
        return services.contact_log(viewer=self.viewer, account=self.object, **data)

    def success_url(self, result: Any) -> str:
        return str(self.object.get_absolute_url())

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())


class ActivityDetailView(VisibleDetailView):
    model = PositiveActivity
    template_name = "presence/activity_detail.html"
    context_object_name = "activity"
    minimum_access = Access.FULL

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        activity = self.object
        group = selectors.visible_groups(self.viewer).filter(pk=activity.group_id).first()
        data["group"] = group
        data["warning"] = services.activity_warning(
            channel=activity.channel,
            topic=activity.topic,
            emotionally_loaded=activity.emotionally_loaded,
        )
        data["can_maintain"] = selectors.may_maintain(self.viewer, activity)
        return data


class ActivityCreateView(ServiceFormView):
    form_class = ActivityForm
    template_name = "presence/activity_form.html"
    title = gettext_lazy("Positieve activiteit plannen")
    success_message = gettext_lazy("De activiteit is gepland.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.activity_save(viewer=self.viewer, **data)

    def cancel_url(self) -> str:
        return reverse("presence:index")


class ActivityUpdateView(ActivityCreateView):
    model = PositiveActivity
    minimum_access = Access.FULL
    title = gettext_lazy("Activiteit en uitkomst bijwerken")
    success_message = gettext_lazy("De wijzigingen zijn opgeslagen.")

    def setup_object(self) -> None:
        super().setup_object()
        if not selectors.may_maintain(self.viewer, self.object):
            raise PermissionDenied

    def form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"viewer": self.viewer}
        if self.request.method == "GET":
            kwargs["initial"] = ActivityForm.initial_for(self.object)
        return kwargs

    def perform(self, data: dict[str, Any]) -> Any:
        return services.activity_save(viewer=self.viewer, activity=self.object, **data)

    def cancel_url(self) -> str:
        return str(self.object.get_absolute_url())
