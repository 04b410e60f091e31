"""Pages of the signal register. Thin: reads through ``selectors``, writes through ``services``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.related import prefetch_visible
from lont.core.selectors import get_visible
from lont.core.views_base import MemberView, VisibleDetailView, VisibleListView
from lont.core.visibility import access_for, visible
from lont.networks.choices import Access, PartnerType

from . import selectors, services
from .choices import SourceType, Status
from .forms import (
    ContextNoteForm,
    CorrectionForm,
    HandoverForm,
    PersonFormSet,
    ProsecutorOrderForm,
    SignalForm,
    people_from,
)
from .models import Signal, SignalAttachment
from .prefill import initial_from
from .summaries import indicator_tags, summary_text


class SignalListView(VisibleListView):
    model = Signal
    template_name = "signalregister/signal_list.html"
    shows_personal_data = True
    required_permission = "case.read"

    def filters(self) -> selectors.SignalFilters:
        return selectors.parse_filters(self.request.GET)

    def get_queryset(self) -> QuerySet[Signal]:
        return selectors.signals(self.viewer, self.filters())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["rows"] = [
            (signal, access, summary_text(signal, self.viewer), indicator_tags(signal))
            for signal, access in data["rows"]
        ]
        query = self.request.GET.copy()
        query.pop("page", None)
        data.update(
            filters=self.filters(),
            statuses=Status.choices,
            source_types=SourceType.choices,
            groups=selectors.group_choices(self.viewer),
            indicators=selectors.indicator_choices(self.viewer),
            can_create=self.viewer.can("case.write"),
            query=query.urlencode(),
        )
        return data


class SignalDetailView(VisibleDetailView):
    model = Signal
    template_name = "signalregister/signal_detail.html"
    required_permission = "case.read"

    def base_queryset(self) -> QuerySet[Signal]:
        return Signal.objects.select_related("organisation").prefetch_related(
            *selectors.summary_prefetch()
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        signal: Signal = self.object
        full = self.access == Access.FULL
        data.update(
            summary=summary_text(signal, self.viewer),
            tags=indicator_tags(signal),
            notes=selectors.notes_for(self.viewer, signal),
            note_form=ContextNoteForm(),
            can_note=self.viewer.can("case.write"),
            can_edit=self.viewer.can("case.write")
            and signal.organisation_id == self.viewer.organisation.pk,
            statuses=Status.choices,
        )
        if full:
            # People and requests name other registered rows (a tipster, a group): only those
            # the viewer may see (the alias is a person's summary) are shown, each access-logged.
            prefetch_visible(
                self.viewer,
                [signal],
                "people",
                "requests",
                minimum=Access.SUMMARY,
                via=AccessVia.PAGE,
                path=self.request.get_full_path(),
            )
            data.update(
                people=list(signal.people.all()),
                attachments=list(signal.attachments.all()),
                engagement=selectors.engagement_growth(signal),
                requests=list(signal.requests.all()),
                versions=list(signal.versions.select_related("changed_by__user")),
            )
        return data


def _form_context(
    form: SignalForm, formset: Any, *, signal: Signal | None = None, **extra: Any
) -> dict[str, Any]:
    return {"form": form, "formset": formset, "signal": signal, **extra}


class SignalCreateView(MemberView):
    """Register a signal; the systematic-observation guard may stop it before it is saved."""

    required_permission = "case.write"
    template_name = "signalregister/signal_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = SignalForm(viewer=self.viewer)
        formset = PersonFormSet(prefix="people", form_kwargs={"viewer": self.viewer})
        return render(request, self.template_name, _form_context(form, formset))

    def post(self, request: HttpRequest) -> HttpResponse:
        if "prefill" in request.POST:
            # Unbound: the proposals are shown as a fresh form, without validation errors.
            form = SignalForm(viewer=self.viewer, initial=initial_from(self.viewer, request.POST))
            people = PersonFormSet(
                request.POST, prefix="people", form_kwargs={"viewer": self.viewer}
            )
            rows = [f.cleaned_data for f in people.forms if f.is_valid() and f.cleaned_data]
            formset = PersonFormSet(
                prefix="people",
                initial=[
                    {"person": r["person"], "role": r["role"]} for r in rows if r.get("person")
                ],
                form_kwargs={"viewer": self.viewer},
            )
            context = _form_context(form, formset, prefilled=True)
            return render(request, self.template_name, context)
        form = SignalForm(request.POST, request.FILES, viewer=self.viewer)
        formset = PersonFormSet(request.POST, prefix="people", form_kwargs={"viewer": self.viewer})
        if not (form.is_valid() and formset.is_valid()):
            return render(request, self.template_name, _form_context(form, formset), status=400)
        action = request.POST.get("guard_action", "")
        event_ids = [int(v) for v in request.POST.getlist("guard_event") if v.isdigit()]
        if action == "stop":
            for event_id in event_ids:
                services.guard_stop(viewer=self.viewer, guard_event_id=event_id)
            messages.info(request, _("Het signaal is niet opgeslagen."))
            return redirect("signalregister:list")
        if action == "handover":
            return self._handover(request, form, formset, event_ids)
        order_form = ProsecutorOrderForm(request.POST) if action == "order" else None
        parts = services.SignalParts(
            people=people_from(formset),
            groups=list(form.cleaned_data["groups"]),
            indicators=list(form.cleaned_data["indicators"]),
            engagement=form.engagement(),
            requests=form.requests(),
            attachments=[form.clean_upload] if form.clean_upload else [],
        )
        if order_form is not None:
            if self.viewer.partner_type != PartnerType.POLICE:
                raise PermissionDenied
            try:
                if not order_form.is_valid():
                    raise ValidationError(_("Vul de gegevens van het bevel volledig in."))
                self._record_orders(order_form, parts, form.cleaned_data["observed_at"], event_ids)
            except ValidationError as error:
                for message in error.messages:
                    if message not in order_form.non_field_errors():
                        order_form.add_error(None, message)
                checks = services.guard.blocking(
                    services.guard.check_people(
                        self.viewer,
                        people=[(p.pk, p.alias) for p, _role in parts.people],
                        source_type=form.cleaned_data["source_type"],
                        observed_at=form.cleaned_data["observed_at"],
                    )
                )
                return self._guard_page(request, form, formset, checks, [], event_ids, order_form)
        try:
            signal = services.signal_create(
                viewer=self.viewer, fields=form.signal_fields(), parts=parts
            )
        except services.GuardCrossed as crossed:
            events = (
                []
                if event_ids
                else services.guard_warning_record(viewer=self.viewer, checks=crossed.checks)
            )
            return self._guard_page(
                request, form, formset, crossed.checks, events, event_ids, order_form
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return render(request, self.template_name, _form_context(form, formset), status=400)
        messages.success(request, _("Het signaal is geregistreerd."))
        return redirect(signal.get_absolute_url())

    @transaction.atomic
    def _record_orders(
        self,
        order_form: ProsecutorOrderForm,
        parts: services.SignalParts,
        observed_at: Any,
        event_ids: list[int],
    ) -> None:
        """One order per person whose threshold is crossed; all or none."""
        data = order_form.cleaned_data
        people = {p.pk: p for p, _role in parts.people}
        checks = services.guard.blocking(
            services.guard.check_people(
                self.viewer,
                people=[(p.pk, p.alias) for p in people.values()],
                source_type=self.request.POST.get("source_type", ""),
                observed_at=observed_at,
            )
        )
        for index, item in enumerate(checks):
            services.prosecutor_order_create(
                viewer=self.viewer,
                person=people[item.person_id],
                reference=data["order_reference"],
                issued_on=data["order_issued_on"],
                valid_until=data.get("order_valid_until"),
                scope=data["order_scope"],
                guard_event_id=event_ids[index] if index < len(event_ids) else None,
            )

    def _handover(
        self, request: HttpRequest, form: SignalForm, formset: Any, event_ids: list[int]
    ) -> HttpResponse:
        handover = HandoverForm(request.POST, viewer=self.viewer)
        if not handover.is_valid() or not event_ids:
            return self._guard_page(
                request, form, formset, [], [], event_ids, None, handover_form=handover
            )
        for event_id in event_ids:
            services.guard_handover(
                viewer=self.viewer,
                guard_event_id=event_id,
                to=handover.cleaned_data["to"],
                note=handover.cleaned_data["note"],
            )
        messages.success(
            request,
            _("De informatie is doorgegeven aan %(org)s. Het signaal is niet opgeslagen.")
            % {"org": handover.cleaned_data["to"].name},
        )
        return redirect("signalregister:list")

    def _guard_page(
        self,
        request: HttpRequest,
        form: SignalForm,
        formset: Any,
        checks: list[Any],
        events: list[Any],
        event_ids: list[int],
        order_form: ProsecutorOrderForm | None,
        handover_form: HandoverForm | None = None,
    ) -> HttpResponse:
        is_police = self.viewer.partner_type == PartnerType.POLICE
        return render(
            request,
            "signalregister/guard.html",
            _form_context(
                form,
                formset,
                checks=checks,
                event_ids=event_ids or [e.pk for e in events],
                is_police=is_police,
                order_form=order_form or ProsecutorOrderForm(),
                handover_form=handover_form or HandoverForm(viewer=self.viewer),
                had_attachment=bool(form.clean_upload),
            ),
            status=409,
        )


class SignalEditView(MemberView):
    """A correction: the previous state is kept as a version. Only the recording organisation
    opens it; its read goes through ``get_visible`` and is access-logged like the detail page."""

    required_permission = "case.write"
    model = Signal
    template_name = "signalregister/signal_form.html"

    def signal(self) -> Signal:
        signal, _access = get_visible(
            self.viewer,
            Signal,
            via=AccessVia.PAGE,
            path=self.request.get_full_path(),
            minimum=Access.FULL,
            pk=self.kwargs["pk"],
        )
        if signal.organisation_id != self.viewer.organisation.pk:
            raise PermissionDenied
        return signal

    def _formset_initial(self, signal: Signal) -> list[dict[str, Any]]:
        return [{"person": p.person_id, "role": p.role} for p in signal.people.all()]

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = self.signal()
        form = CorrectionForm(instance=signal, viewer=self.viewer)
        formset = PersonFormSet(
            prefix="people",
            initial=self._formset_initial(signal),
            form_kwargs={"viewer": self.viewer},
        )
        return render(request, self.template_name, _form_context(form, formset, signal=signal))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = self.signal()
        form = CorrectionForm(request.POST, request.FILES, instance=signal, viewer=self.viewer)
        formset = PersonFormSet(request.POST, prefix="people", form_kwargs={"viewer": self.viewer})
        if form.is_valid() and formset.is_valid():
            parts = services.SignalParts(
                people=people_from(formset),
                groups=list(form.cleaned_data["groups"]),
                indicators=list(form.cleaned_data["indicators"]),
                engagement=form.engagement(),
                requests=form.requests(),
                attachments=[form.clean_upload] if form.clean_upload else [],
            )
            try:
                services.signal_update(
                    viewer=self.viewer,
                    signal=signal,  # the service re-reads it under a row lock
                    fields=form.signal_fields(),
                    parts=parts,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("De correctie is opgeslagen; de vorige versie is bewaard.")
                )
                return redirect(signal.get_absolute_url())
        return render(
            request, self.template_name, _form_context(form, formset, signal=signal), status=400
        )


class SignalStatusView(MemberView):
    """Lifecycle: new → discussed → handled, or archived."""

    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal, _access = get_visible(
            self.viewer, Signal, via=AccessVia.PAGE, path=request.get_full_path(), pk=pk
        )
        try:
            services.signal_set_status(
                viewer=self.viewer, signal=signal, status=request.POST.get("status", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De status is bijgewerkt."))
        return redirect(signal.get_absolute_url())


class ContextNoteCreateView(MemberView):
    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal, _access = get_visible(
            self.viewer, Signal, via=AccessVia.PAGE, path=request.get_full_path(), pk=pk
        )
        form = ContextNoteForm(request.POST)
        if form.is_valid():
            try:
                services.context_note_create(
                    viewer=self.viewer,
                    signal=signal,
                    adjustment=form.cleaned_data["adjustment"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("De contextnotitie is toegevoegd."))
        else:
            messages.error(request, _("Kies een weging en geef een reden."))
        return redirect(signal.get_absolute_url())


class AttachmentDownloadView(MemberView):
    """An attachment, only to viewers with full access to its signal; every read is logged."""

    shows_personal_data = True
    required_permission = "case.read"
    model = SignalAttachment

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        try:
            attachment = (
                visible(self.viewer, SignalAttachment, minimum=Access.FULL)
                .select_related("signal")
                .get(pk=pk)
            )
        except SignalAttachment.DoesNotExist:
            raise Http404 from None
        if access_for(self.viewer, attachment.signal) != Access.FULL:
            raise Http404
        log_reads(self.viewer, [attachment], via=AccessVia.PAGE, path=request.get_full_path())
        response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
        response["Content-Disposition"] = f'inline; filename="bijlage-{attachment.pk}"'
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
