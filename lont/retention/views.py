"""The privacy officer's and director's retention page: what would go tonight (counts only), the
last runs and the legal holds. Small views on the core bases, easy to move."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.core.views_base import MemberTemplateView, MemberView

from . import selectors, services
from .forms import EndHoldForm, LegalHoldForm
from .models import LegalHold


class RetentionManagerMixin:
    """Privacy officer and director only (the page shows counts, never case content)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        viewer = getattr(request, "viewer", None)
        if viewer is not None and not services.can_manage(viewer):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class RetentionIndexView(RetentionManagerMixin, MemberTemplateView):
    template_name = "retention/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        today = timezone.localdate()
        data["rows"] = selectors.dry_run(viewer=self.viewer, today=today)
        data["runs"] = selectors.last_runs(viewer=self.viewer)
        data["holds"] = selectors.legal_holds(viewer=self.viewer)[:50]
        data["today"] = today
        data["form"] = kwargs.get("form") or LegalHoldForm()
        return data


class LegalHoldCreateView(RetentionManagerMixin, MemberView):
    def post(self, request: HttpRequest) -> HttpResponse:
        form = LegalHoldForm(request.POST)
        if form.is_valid():
            try:
                services.legal_hold_set(viewer=self.viewer, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("De bewaarplicht is vastgelegd."))
                return redirect("retention:index")
        view = RetentionIndexView(request=request, args=(), kwargs={})
        return view.render_to_response(view.get_context_data(form=form), status=400)


class LegalHoldEndView(RetentionManagerMixin, MemberView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        hold = get_object_or_404(LegalHold, pk=pk, network=self.viewer.network)
        form = EndHoldForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        try:
            services.legal_hold_end(viewer=self.viewer, hold=hold, reason=reason)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De bewaarplicht is beëindigd."))
        return redirect("retention:index")
