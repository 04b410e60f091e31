"""Pages of the signal register. Thin: reads through ``selectors``, writes through ``services``."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.combobox import render_logging_choices
from lont.core.pagination import CappedPaginator
from lont.core.related import prefetch_visible
from lont.core.selectors import get_visible
from lont.core.views_base import (
    ComboboxOptionsView,
    MemberView,
    VisibleDetailView,
    VisibleListView,
    add_service_errors,
)
from lont.core.visibility import access_for, visible
from lont.networks.choices import Access
from lont.subjects import selectors as subject_selectors
from lont.subjects.models import Group, Person

from . import selectors, services, shielding
from .choices import SourceType, Status
from .forms import (
    ContextNoteForm,
    CorrectionForm,
    PersonFormSet,
    SignalForm,
    people_from,
)
from .guard_flow import GuardFlowMixin
from .list_rows import SignalRows, choice_option_tags, indicator_option_tags
from .models import Signal, SignalAttachment
from .prefill import initial_from
from .summaries import indicator_tags, summary_text


class SignalListView(VisibleListView):
    model = Signal
    template_name = "signalregister/signal_list.html"
    paginator_class = CappedPaginator  # the count stops at 1,000: flat in the register's size
    shows_personal_data = True
    required_permission = "case.read"

    @cached_property
    def _resolved(self) -> tuple[selectors.SignalFilters, Group | None]:
        return selectors.resolve_group(self.viewer, selectors.parse_filters(self.request.GET))

    def filters(self) -> selectors.SignalFilters:
        return self._resolved[0]

    def get_queryset(self) -> QuerySet[Signal]:
        return selectors.signal_list(
            self.viewer, self.filters(), search_limit=CappedPaginator.cap + 1
        ).only(*selectors.LISTED_FIELDS)

    def get_paginator(self, *args: Any, **kwargs: Any) -> CappedPaginator:
        # The page's rows are read by key through the layer alone: the key read applied the
        # filters (a search's three ways among them) once.
        by_key = selectors.signals_by_key(self.viewer).only(*selectors.LISTED_FIELDS)
        return CappedPaginator(*args, by_key=by_key, **kwargs)

    @cached_property
    def _group_matches(self) -> list[Group]:
        """A typed name that holds several groups offers them to choose from (the group field
        without JavaScript); one group is simply the filter."""
        filters, group = self._resolved
        if group is not None or not filters.group_text:
            return []
        matches = subject_selectors.group_options(self.viewer, filters.group_text)
        return matches if len(matches) > 1 else []

    def also_read(self) -> list[Any]:
        group = self._resolved[1]
        return [group] if group is not None else self._group_matches

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["rows"] = self._shown(data["rows"])
        query = self.request.GET.copy()
        query.pop("page", None)
        # The group field is a text field with suggestions, not a list of every group (that grew
        # with the network); the groups it shows are logged with the rows (``also_read``).
        filters = self.filters()
        data.update(
            filters=filters,
            status_options=choice_option_tags(Status, filters.status),
            source_options=choice_option_tags(SourceType, filters.source_type),
            group_matches=self._group_matches,
            indicator_options=indicator_option_tags(
                selectors.indicator_options(self.viewer), filters.indicator
            ),
            can_create=self.viewer.can("case.write"),
            query=query.urlencode(),
        )
        return data

    def _shown(self, rows: list[tuple[Signal, Access]]) -> list[SafeString]:
        selectors.attach_summary_values(self.viewer, [signal for signal, _access in rows])
        return SignalRows(self.viewer).cells(rows)


class PersonOptionsView(ComboboxOptionsView):
    """The person rows' suggestions on the signal form: visible people whose alias holds what
    was typed (aliases only, as the visibility layer allows), with the shielding marker."""

    model = Person
    required_permission = "case.write"
    text_param = "persoon_naam"
    listbox_id = "persoon-opties"
    none_found = gettext_lazy("Geen persoon gevonden")

    def suggestions(self, text: str) -> list[Any]:
        people = subject_selectors.person_options(self.viewer, text)
        self.shielded = shielding.shielded_ids(self.viewer.network.pk, [p.pk for p in people])
        return people

    def label(self, obj: Any) -> str:
        return shielding.label(obj, self.shielded)


class SignalDetailView(VisibleDetailView):
    model = Signal
    template_name = "signalregister/signal_detail.html"
    required_permission = "case.read"

    def base_queryset(self) -> QuerySet[Signal]:
        return (
            Signal.objects.for_viewer(self.viewer)
            .select_related("organisation")
            .prefetch_related(*selectors.summary_prefetch(self.viewer))
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
                attachments=list(signal.attachments.for_viewer(self.viewer)),
                engagement=selectors.engagement_growth(self.viewer, signal),
                requests=list(signal.requests.all()),
                versions=list(
                    signal.versions.for_viewer(self.viewer).select_related("changed_by__user")
                ),
            )
        return data


def _form_context(
    form: SignalForm, formset: Any, *, signal: Signal | None = None, **extra: Any
) -> dict[str, Any]:
    return {"form": form, "formset": formset, "signal": signal, **extra}


def _render_form(
    view: MemberView, template_name: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render_logging_choices(
        view.request,
        view.viewer,
        template_name,
        context,
        [context["form"], context["formset"]],
        status=status,
    )


class SignalCreateView(GuardFlowMixin, MemberView):
    """Register a signal; the systematic-observation guard may stop it before it is saved."""

    required_permission = "case.write"
    template_name = "signalregister/signal_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = SignalForm(viewer=self.viewer)
        formset = PersonFormSet(prefix="people", form_kwargs={"viewer": self.viewer})
        return _render_form(self, self.template_name, _form_context(form, formset))

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
            return _render_form(self, self.template_name, context)
        form = SignalForm(request.POST, request.FILES, viewer=self.viewer)
        formset = PersonFormSet(request.POST, prefix="people", form_kwargs={"viewer": self.viewer})
        if not (form.is_valid() and formset.is_valid()):
            return _render_form(self, self.template_name, _form_context(form, formset), status=400)
        parts = services.SignalParts(
            people=people_from(formset),
            groups=list(form.cleaned_data["groups"]),
            indicators=list(form.cleaned_data["indicators"]),
            engagement=form.engagement(),
            requests=form.requests(),
            attachments=[form.clean_upload] if form.clean_upload else [],
            perpetrator_override=form.cleaned_data.get("perpetrator_override") or "",
            proposals=form.cleaned_data.get("analyser_proposals"),
        )
        try:
            result = self.guarded_save(
                form,
                formset,
                parts,
                lambda: services.signal_create(
                    viewer=self.viewer, fields=form.signal_fields(), parts=parts
                ),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return _render_form(self, self.template_name, _form_context(form, formset), status=400)
        if isinstance(result, HttpResponseBase):
            return result
        messages.success(request, _("Het signaal is geregistreerd."))
        for note in getattr(result, "saved_notes", []):
            messages.info(request, note)
        return redirect(result.get_absolute_url())


class SignalEditView(GuardFlowMixin, MemberView):
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
        return [
            {"person": p.person_id, "role": p.role} for p in signal.people.for_viewer(self.viewer)
        ]

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = self.signal()
        form = CorrectionForm(instance=signal, viewer=self.viewer)
        formset = PersonFormSet(
            prefix="people",
            initial=self._formset_initial(signal),
            form_kwargs={"viewer": self.viewer},
        )
        return _render_form(self, self.template_name, _form_context(form, formset, signal=signal))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        signal = self.signal()
        # The stored state (the form edits `signal` in place), read through the layer like `signal`.
        self.corrected = Signal.objects.for_viewer(self.viewer).get(pk=signal.pk)
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
                perpetrator_override=form.cleaned_data.get("perpetrator_override") or "",
            )
            try:
                result = self.guarded_save(
                    form,
                    formset,
                    parts,
                    lambda: services.signal_update(
                        viewer=self.viewer,
                        signal=signal,  # the service re-reads it under a row lock
                        fields=form.signal_fields(),
                        parts=parts,
                        reason=form.cleaned_data["reason"],
                    ),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if isinstance(result, HttpResponseBase):
                    return result
                messages.success(
                    request, _("De correctie is opgeslagen; de vorige versie is bewaard.")
                )
                for note in getattr(result, "saved_notes", []):
                    messages.info(request, note)
                return redirect(signal.get_absolute_url())
        return _render_form(
            self, self.template_name, _form_context(form, formset, signal=signal), status=400
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

    is_export = True

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
