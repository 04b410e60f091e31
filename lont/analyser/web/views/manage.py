"""Managing the network's gazetteer and lexicon: list with search and filter, create, edit,
delete, CSV import (all or nothing) and CSV export. Directors and coordinators only."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.events import export_event
from lont.core.views_base import (
    MemberTemplateView,
    MemberView,
    ServiceDeleteView,
    ServiceFormView,
    VisibleListView,
)

from .. import csv_io, selectors, services
from ..choices import LexiconKind, PlaceKind
from ..forms import CsvImportForm, LexiconEntryForm, ListFilterForm, PlaceForm
from ..models import GazetteerPlace, LexiconEntry

MANAGE = "analyser.manage"


class PlaceEntity:
    """What the generic views below need to know about places."""

    model: ClassVar[type[models.Model]] = GazetteerPlace
    kinds = PlaceKind.choices
    list_url = "analyser:places"
    form_class: ClassVar[type[forms.Form]] = PlaceForm
    title_new = gettext_lazy("Nieuwe plaats")
    title_edit = gettext_lazy("Plaats wijzigen")
    export_name = "gazetteer"

    def list_queryset(self, viewer: Any, query: str, kind: str) -> Any:
        return selectors.places(viewer, query=query, kind=kind)

    def get(self, viewer: Any, pk: int, path: str) -> Any:
        return selectors.place(viewer, pk, path=path)

    def initial(self, obj: GazetteerPlace) -> dict[str, Any]:
        return {
            "name": obj.name,
            "aliases": "\n".join(obj.aliases),
            "kind": obj.kind,
            "area": obj.area,
        }

    def save(self, viewer: Any, obj: GazetteerPlace | None, data: dict[str, Any]) -> Any:
        if obj is None:
            return services.place_create(viewer=viewer, **data)
        return services.place_update(viewer=viewer, place=obj, **data)

    def delete(self, viewer: Any, obj: GazetteerPlace) -> None:
        services.place_delete(viewer=viewer, place=obj)

    def parse(self, text: str) -> Any:
        return csv_io.parse_gazetteer(text)

    def export(self, rows: Any) -> str:
        return csv_io.export_gazetteer(rows)

    def import_rows(self, viewer: Any, rows: Any) -> services.ImportResult:
        return services.gazetteer_import(viewer=viewer, rows=rows)


class LexiconEntity(PlaceEntity):
    model = LexiconEntry
    kinds = LexiconKind.choices
    list_url = "analyser:lexicon"
    form_class = LexiconEntryForm
    title_new = gettext_lazy("Nieuwe woordenlijstregel")
    title_edit = gettext_lazy("Woordenlijstregel wijzigen")
    export_name = "woordenlijst"

    def list_queryset(self, viewer: Any, query: str, kind: str) -> Any:
        return selectors.lexicon_entries(viewer, query=query, kind=kind)

    def get(self, viewer: Any, pk: int, path: str) -> Any:
        return selectors.lexicon_entry(viewer, pk, path=path)

    def initial(self, obj: LexiconEntry) -> dict[str, Any]:  # type: ignore[override]
        return {"kind": obj.kind, "phrase": obj.phrase, "note": obj.note}

    def save(self, viewer: Any, obj: LexiconEntry | None, data: dict[str, Any]) -> Any:  # type: ignore[override]
        if obj is None:
            return services.lexicon_entry_create(viewer=viewer, **data)
        return services.lexicon_entry_update(viewer=viewer, entry=obj, **data)

    def delete(self, viewer: Any, obj: LexiconEntry) -> None:  # type: ignore[override]
        services.lexicon_entry_delete(viewer=viewer, entry=obj)

    def parse(self, text: str) -> Any:
        return csv_io.parse_lexicon(text)

    def export(self, rows: Any) -> str:
        return csv_io.export_lexicon(rows)

    def import_rows(self, viewer: Any, rows: Any) -> services.ImportResult:
        return services.lexicon_import(viewer=viewer, rows=rows)


ENTITIES: dict[str, PlaceEntity] = {"places": PlaceEntity(), "lexicon": LexiconEntity()}


class EntityMixin:
    entity_name: ClassVar[str] = "places"
    kwargs: dict[str, Any]

    @property
    def entity(self) -> PlaceEntity:
        return ENTITIES[self.entity_name]


class EntryListView(EntityMixin, VisibleListView):
    required_permission = MANAGE

    def get_template_names(self) -> list[str]:
        return [f"analyser/{self.entity_name}_list.html"]

    def filter_form(self) -> ListFilterForm:
        return ListFilterForm(self.request.GET or None, kinds=self.entity.kinds)

    def base_queryset(self) -> models.QuerySet:
        form = self.filter_form()
        query, kind = "", ""
        if form.is_bound and form.is_valid():
            query, kind = form.cleaned_data["q"].strip(), form.cleaned_data["kind"]
        return self.entity.list_queryset(self.viewer, query, kind)

    def get_queryset(self) -> models.QuerySet:
        # The selector already goes through the visibility layer.
        return self.base_queryset()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["filter_form"] = self.filter_form()
        return data


class EntryFormView(EntityMixin, ServiceFormView):
    template_name = "analyser/entry_form.html"
    required_permission = MANAGE
    success_message = gettext_lazy("Opgeslagen.")

    def setup_object(self) -> None:
        pk = self.kwargs.get("pk")
        self.object = None if pk is None else self.entity.get(self.viewer, pk, self.request.path)

    @property
    def form_class(self) -> Any:  # type: ignore[override]
        return self.entity.form_class

    def form_kwargs(self) -> dict[str, Any]:
        if self.request.method == "GET" and self.object is not None:
            return {"initial": self.entity.initial(self.object)}
        return {}

    def page_title(self) -> str:
        return str(self.entity.title_edit if self.object is not None else self.entity.title_new)

    def extra_context(self) -> dict[str, Any]:
        return {"list_url": self.entity.list_url}

    def perform(self, data: dict[str, Any]) -> Any:
        return self.entity.save(self.viewer, self.object, data)

    def success_url(self, result: Any) -> str:
        return reverse(self.entity.list_url)


class EntryDeleteView(EntityMixin, ServiceDeleteView):
    template_name = "analyser/entry_confirm_delete.html"
    required_permission = MANAGE

    def get_object(self) -> Any:
        return self.entity.get(self.viewer, self.kwargs["pk"], self.request.path)

    def allowed(self, obj: Any) -> bool:
        return self.viewer.can(MANAGE)

    def cancel_url(self, obj: Any) -> str:
        return reverse(self.entity.list_url)

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        self.entity.delete(self.viewer, obj)

    def success_url(self, obj: Any) -> str:
        return reverse(self.entity.list_url)


class EntryImportView(EntityMixin, MemberTemplateView):
    template_name = "analyser/import.html"
    required_permission = MANAGE

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data.setdefault("form", CsvImportForm())
        data["entity_name"] = self.entity_name
        data["list_url"] = self.entity.list_url
        return data

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = CsvImportForm(request.POST, request.FILES)
        row_errors: list[str] = []
        if form.is_valid():
            try:
                text = csv_io.read_upload(form.cleaned_data["file"])
            except ValidationError as error:
                form.add_error("file", error)
            else:
                parsed = self.entity.parse(text)
                row_errors = list(parsed.errors)
                if not row_errors and not parsed.rows:
                    form.add_error("file", _("Het bestand bevat geen rijen onder de kopregel."))
                elif not row_errors:
                    try:
                        result = self.entity.import_rows(self.viewer, parsed.rows)
                    except ValidationError as error:
                        row_errors = list(error.messages)
                    else:
                        messages.success(
                            request,
                            _(
                                "Import geslaagd: %(created)s nieuw, %(updated)s bijgewerkt, "
                                "%(unchanged)s ongewijzigd."
                            )
                            % {
                                "created": result.created,
                                "updated": result.updated,
                                "unchanged": result.unchanged,
                            },
                        )
                        return redirect(self.entity.list_url)
        return self.render_to_response(self.get_context_data(form=form, row_errors=row_errors))


class EntryExportView(EntityMixin, MemberView):
    is_export = True  # places and lexicon entries hold no personal data
    required_permission = MANAGE

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        rows = list(self.entity.list_queryset(self.viewer, "", ""))
        body = self.entity.export(rows)
        network = self.viewer.network
        export_event(
            obj=network,
            actor=self.viewer.user,
            network=network,
            what=f"analyser.{self.entity_name}",
            count=len(rows),
        )
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{self.entity.export_name}-{network.slug}.csv"'
        )
        return response
