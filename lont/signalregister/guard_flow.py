"""The systematic-observation guard's answers on a page that saves a signal: registering a new one
and correcting one alike (principle 5). Police record a prosecutor order or stop; other partners
stop or hand the information over to a partner with the power. Split from ``views`` for size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from lont.core.combobox import render_logging_choices
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType

from . import services
from .forms import HandoverForm, ProsecutorOrderForm, SignalForm
from .models import Signal


class GuardFlowMixin:
    """For a view with ``viewer`` and ``request``; ``corrected`` is the signal being corrected."""

    viewer: Viewer
    request: HttpRequest
    corrected: Signal | None = None

    def guarded_save(
        self,
        form: SignalForm,
        formset: Any,
        parts: services.SignalParts,
        save: Callable[[], Signal],
    ) -> Signal | HttpResponse:
        """Apply the member's answer to an earlier warning, then ``save()``; a response when the
        guard stops the save (the warning page) or the member stopped or handed over."""
        request = self.request
        action = request.POST.get("guard_action", "")
        event_ids = [int(v) for v in request.POST.getlist("guard_event") if v.isdigit()]
        if action == "stop":
            for event_id in event_ids:
                services.guard_stop(viewer=self.viewer, guard_event_id=event_id)
            messages.info(request, self._not_saved())
            return self._leave()
        if action == "handover":
            return self._handover(form, formset, event_ids)
        order_form = ProsecutorOrderForm(request.POST) if action == "order" else None
        if order_form is not None:
            if self.viewer.partner_type != PartnerType.POLICE:
                raise PermissionDenied
            try:
                if not order_form.is_valid():
                    raise ValidationError(_("Vul de gegevens van het bevel volledig in."))
                self._record_orders(order_form, form, parts, event_ids)
            except ValidationError as error:
                for message in error.messages:
                    if message not in order_form.non_field_errors():
                        order_form.add_error(None, message)
                checks = services.guard.blocking(self._checks(form, parts))
                return self._guard_page(form, formset, checks, [], event_ids, order_form)
        try:
            return save()
        except services.GuardCrossed as crossed:
            events = (
                []
                if event_ids
                else services.guard_warning_record(viewer=self.viewer, checks=crossed.checks)
            )
            return self._guard_page(form, formset, crossed.checks, events, event_ids, order_form)

    def _checks(self, form: SignalForm, parts: services.SignalParts) -> list[Any]:
        return services.guard_checks(
            self.viewer,
            people=parts.people,
            source_type=form.cleaned_data["source_type"],
            observed_at=form.cleaned_data["observed_at"],
            signal_id=self.corrected.pk if self.corrected is not None else None,
        )

    def _not_saved(self) -> str:
        if self.corrected is not None:
            return _("De correctie is niet opgeslagen.")
        return _("Het signaal is niet opgeslagen.")

    def _leave(self) -> HttpResponse:
        if self.corrected is not None:
            return redirect(self.corrected.get_absolute_url())
        return redirect("signalregister:list")

    @transaction.atomic
    def _record_orders(
        self,
        order_form: ProsecutorOrderForm,
        form: SignalForm,
        parts: services.SignalParts,
        event_ids: list[int],
    ) -> None:
        """One order per person whose threshold is crossed; all or none."""
        data = order_form.cleaned_data
        people = {p.pk: p for p, _role in parts.people}
        for index, item in enumerate(services.guard.blocking(self._checks(form, parts))):
            services.prosecutor_order_create(
                viewer=self.viewer,
                person=people[item.person_id],
                reference=data["order_reference"],
                issued_on=data["order_issued_on"],
                valid_until=data.get("order_valid_until"),
                scope=data["order_scope"],
                guard_event_id=event_ids[index] if index < len(event_ids) else None,
            )

    def _handover(self, form: SignalForm, formset: Any, event_ids: list[int]) -> HttpResponse:
        handover = HandoverForm(self.request.POST, viewer=self.viewer)
        if not handover.is_valid() or not event_ids:
            return self._guard_page(form, formset, [], [], event_ids, None, handover)
        for event_id in event_ids:
            services.guard_handover(
                viewer=self.viewer,
                guard_event_id=event_id,
                to=handover.cleaned_data["to"],
                note=handover.cleaned_data["note"],
            )
        messages.success(
            self.request,
            _("De informatie is doorgegeven aan %(org)s.")
            % {"org": handover.cleaned_data["to"].name}
            + " "
            + self._not_saved(),
        )
        return self._leave()

    def _guard_page(
        self,
        form: SignalForm,
        formset: Any,
        checks: list[Any],
        events: list[Any],
        event_ids: list[int],
        order_form: ProsecutorOrderForm | None,
        handover_form: HandoverForm | None = None,
    ) -> HttpResponse:
        context = {
            "form": form,
            "formset": formset,
            "signal": self.corrected,
            "checks": checks,
            "event_ids": event_ids or [e.pk for e in events],
            "is_police": self.viewer.partner_type == PartnerType.POLICE,
            "order_form": order_form or ProsecutorOrderForm(),
            "handover_form": handover_form or HandoverForm(viewer=self.viewer),
            "had_attachment": bool(form.clean_upload),
        }
        # The form is shown again: the groups and people it names are logged like the form's.
        return render_logging_choices(
            self.request,
            self.viewer,
            "signalregister/guard.html",
            context,
            [form, formset],
            status=409,
        )
