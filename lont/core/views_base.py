"""Base classes for views. They declare the access policy and read through the visibility layer,
so a new page gets login, second factor, covenant filtering and access logging by inheriting."""

from __future__ import annotations

import contextlib
import inspect
from typing import Any, ClassVar

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from . import combobox, guards
from .choices import Access, AccessVia
from .filters import BadFilter
from .policies import LOGIN, MEMBER, PUBLIC
from .reads import log_reads, object_history, refreshing
from .related import ACCESS_ATTR, filter_visible
from .selectors import get_visible
from .viewer import Viewer
from .visibility import visible


def fetch_for_page(view: Any, model_or_qs: Any, pk: Any, minimum: Access = Access.SUMMARY) -> Any:
    """The row ``pk`` of ``model_or_qs`` a member view acts on (or one beside it), read through the
    visibility layer and logged as read by this page; the view keeps the access it was read at."""
    obj, view.access = get_visible(
        view.viewer,
        model_or_qs,
        via=AccessVia.PAGE,
        path=view.request.get_full_path(),
        minimum=minimum,
        pk=pk,
    )
    return obj


class MemberRequiredMixin:
    """Pages for an active member with a verified second factor (enforced by the middleware)."""

    lont_policy: ClassVar[str] = MEMBER
    required_permission: ClassVar[str | None] = None
    shows_personal_data: ClassVar[bool] = False
    # A part of a page its reader has open, rendered again (a live poll): its reads are logged
    # only when new to that reader (``core.reads.refreshing``).
    refreshes_open_page: ClassVar[bool] = False
    request: HttpRequest

    @property
    def viewer(self) -> Viewer:
        return self.request.viewer  # type: ignore[attr-defined]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        # A malformed filter (``?groep=²``) is dropped with a message, never a server error.
        reads = refreshing() if self.refreshes_open_page else contextlib.nullcontext()
        try:
            with reads:
                return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        except BadFilter as error:
            messages.warning(request, f"{error.message} {_('Het filter is weggelaten.')}")
            query = request.GET.copy()
            query.pop(error.name, None)
            return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)


class PublicMixin:
    lont_policy: ClassVar[str] = PUBLIC


class LoginOnlyMixin:
    lont_policy: ClassVar[str] = LOGIN


class MemberTemplateView(MemberRequiredMixin, TemplateView):
    pass


class MemberView(MemberRequiredMixin, View):
    pass


class VisibleListView(MemberRequiredMixin, ListView):
    """A list of registered objects: filtered by the covenant, each listed row access-logged."""

    paginate_by = 50
    minimum_access: ClassVar[Access] = Access.SUMMARY

    def base_queryset(self) -> models.QuerySet:
        assert self.model is not None
        return self.model._default_manager.all()

    def get_queryset(self) -> models.QuerySet:
        return visible(self.viewer, self.base_queryset(), minimum=self.minimum_access)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        # Rows that name other registered objects: only those visible on both ends.
        rows = filter_visible(self.viewer, data["object_list"], minimum=self.minimum_access)
        data["rows"] = [(obj, getattr(obj, ACCESS_ATTR)) for obj in rows]
        log_reads(
            self.viewer,
            [*rows, *self.also_read()],
            via=AccessVia.LIST,
            path=self.request.get_full_path(),
        )
        return data

    def also_read(self) -> list[Any]:
        """Other registered objects the page shows besides its rows (a chosen filter's group),
        logged with the rows in one write."""
        return []


class VisibleDetailView(MemberRequiredMixin, DetailView):
    """One registered object: 404 unless visible, the read access-logged, ``access`` in context."""

    shows_personal_data: ClassVar[bool] = True
    minimum_access: ClassVar[Access] = Access.SUMMARY
    access: Access

    def base_queryset(self) -> models.QuerySet:
        assert self.model is not None
        return self.model._default_manager.all()

    def get_object(self, queryset: models.QuerySet | None = None) -> Any:
        obj, self.access = get_visible(
            self.viewer,
            self.base_queryset(),
            via=AccessVia.PAGE,
            path=self.request.get_full_path(),
            purpose=self.request.GET.get("doel", ""),
            minimum=self.minimum_access,
            pk=self.kwargs["pk"],
        )
        return obj

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["access"] = self.access
        data["full_access"] = self.access == Access.FULL
        return data


# Generic bases for pages that change data through services -----------------------------------


def service_error_text(error: ValidationError | PermissionDenied) -> str:
    """A service's refusal as one sentence, for a page that shows it without a form."""
    if isinstance(error, PermissionDenied):
        return str(error) or str(guards.refused_write())
    return " ".join(error.messages)


def add_service_errors(form: forms.BaseForm, error: ValidationError | PermissionDenied) -> None:
    """Put a service's refusal on the form, next to the field it names (or above the form), so
    the page shows it with what the user typed."""
    if isinstance(error, PermissionDenied):
        form.add_error(None, service_error_text(error))
    elif hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class AppTemplateMixin:
    """``<app>/<name>`` when the app has its own variant (its navigation), else ``lont/<name>``."""

    template_name: str | None = None
    generic_template: ClassVar[str] = ""

    def get_template_names(self) -> list[str]:
        if self.template_name:
            return [self.template_name]
        app = apps.get_containing_app_config(type(self).__module__)
        label = app.label if app is not None else "lont"
        return [f"{label}/{self.generic_template}", f"lont/{self.generic_template}"]


class ObjectMixin(MemberRequiredMixin):
    """The object of the URL (``pk``) through the visibility layer: 404 when missing or hidden,
    the read access-logged, ``self.access`` set."""

    model: ClassVar[type[models.Model] | None] = None
    minimum_access: ClassVar[Access] = Access.SUMMARY
    access: Access = Access.NONE
    kwargs: dict[str, Any]

    def base_queryset(self) -> models.QuerySet:
        assert self.model is not None, f"{type(self).__name__} names no model"
        return self.model._default_manager.all()

    def get_object(self) -> Any:
        obj, self.access = get_visible(
            self.viewer,
            self.base_queryset(),
            # an export's own object is read as part of the file, not as a page
            via=AccessVia.EXPORT if getattr(self, "is_export", False) else AccessVia.PAGE,
            path=self.request.get_full_path(),
            minimum=self.minimum_access,
            pk=self.kwargs["pk"],
        )
        return obj


_TAKES_VIEWER: dict[type, bool] = {}


def _takes_viewer(form_class: type[forms.BaseForm]) -> bool:
    if form_class not in _TAKES_VIEWER:
        _TAKES_VIEWER[form_class] = "viewer" in inspect.signature(form_class.__init__).parameters
    return _TAKES_VIEWER[form_class]


class ServiceFormView(AppTemplateMixin, ObjectMixin, MemberView):
    """Create or edit through a service. GET shows the form; POST validates, calls ``perform``
    and redirects; a service's ``ValidationError`` or ``PermissionDenied`` lands on the form,
    what was typed is kept and nothing is changed (services raise before they write).

    With ``model`` set and a ``pk`` in the URL, ``self.object`` is that object (a parent for a
    create, the object itself for an edit: set ``minimum_access = Access.FULL`` there)."""

    required_permission: ClassVar[str | None] = "case.write"
    generic_template = "form.html"
    form_class: ClassVar[type[forms.BaseForm]]
    title: ClassVar[str | Promise] = ""
    success_message: ClassVar[str | Promise] = ""
    object: Any = None

    def setup_object(self) -> None:
        if self.model is not None and "pk" in self.kwargs:
            self.object = self.get_object()

    def form_kwargs(self) -> dict[str, Any]:
        """The viewer goes to every form that takes one (choices at the viewer's access)."""
        return {"viewer": self.viewer} if _takes_viewer(self.form_class) else {}

    def perform(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def success_url(self, result: Any) -> str:
        return str(result.get_absolute_url())

    def cancel_url(self) -> str:
        return "../"

    def page_title(self) -> str:
        return str(self.title)

    def extra_context(self) -> dict[str, Any]:
        return {}

    def render_form(self, form: forms.BaseForm, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "title": self.page_title(),
            "cancel_url": self.cancel_url(),
            "object": self.object,
            "access": self.access,
            **self.extra_context(),
        }
        # A combobox names the rows it shows (chosen, or matching what was typed): logged.
        return combobox.render_logging_choices(
            self.request, self.viewer, self.get_template_names(), context, [form], status=status
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.setup_object()
        return self.render_form(self.form_class(**self.form_kwargs()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.setup_object()
        form = self.form_class(data=request.POST, files=request.FILES, **self.form_kwargs())
        if form.is_valid():
            try:
                result = self.perform(dict(form.cleaned_data))
            except (ValidationError, PermissionDenied) as error:
                add_service_errors(form, error)
            else:
                if self.success_message:
                    messages.success(request, str(self.success_message))
                return redirect(self.success_url(result))
        return self.render_form(form, status=400)


class ServiceDeleteView(AppTemplateMixin, ObjectMixin, MemberView):
    """Delete with confirmation, through a service. A viewer who may not delete sees why on the
    confirmation page instead of a button; a refusal by the service, or rows that still refer to
    the object (``ProtectedError``), come back on that page in Dutch and nothing is deleted."""

    required_permission: ClassVar[str | None] = "case.write"
    generic_template = "confirm_delete.html"
    form_class: ClassVar[type[forms.BaseForm] | None] = None
    success_message: ClassVar[str | Promise] = gettext_lazy("Verwijderd.")

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def success_url(self, obj: Any) -> str:
        raise NotImplementedError

    def allowed(self, obj: Any) -> bool:
        """The same rule the service enforces (``core.guards``), so nothing is offered in vain."""
        return guards.may_delete(self.viewer, obj)

    def describe(self, obj: Any) -> str:
        return str(obj)

    def cancel_url(self, obj: Any) -> str:
        return str(obj.get_absolute_url()) if hasattr(obj, "get_absolute_url") else "../"

    def render_page(self, obj: Any, form: Any, error: str = "", status: int = 200) -> HttpResponse:
        allowed = self.allowed(obj)
        context = {
            "object": obj,
            "label": self.describe(obj),
            "form": form,
            "allowed": allowed,
            "error": error or ("" if allowed else guards.refused_owner()),
            "cancel_url": self.cancel_url(obj),
        }
        return render(self.request, self.get_template_names(), context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        form = self.form_class() if self.form_class else None
        return self.render_page(obj, form, status=200 if self.allowed(obj) else 403)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        form = self.form_class(data=request.POST) if self.form_class else None
        if form is not None and not form.is_valid():
            return self.render_page(obj, form, status=400)
        target = self.success_url(obj)
        try:
            with transaction.atomic():
                self.perform(obj, dict(form.cleaned_data) if form is not None else {})
        except PermissionDenied as error:
            return self.render_page(obj, form, str(error) or guards.refused_owner(), 403)
        except ProtectedError as error:
            return self.render_page(obj, form, guards.protected_reason(error), 409)
        except ValidationError as error:
            return self.render_page(obj, form, " ".join(error.messages), 400)
        messages.success(request, str(self.success_message))
        return redirect(target)


class ObjectHistoryView(AppTemplateMixin, ObjectMixin, MemberView):
    """The change log of one object, for a viewer who may see the object. Content fields are
    redacted in the log itself; the page shows who changed which fields, and when."""

    shows_personal_data = True
    generic_template = "history.html"
    event_labels: ClassVar[dict[str, Any]] = {}

    def describe(self, obj: Any) -> str:
        return str(obj)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        rows = [
            {
                "entry": entry,
                "event": str(self.event_labels.get(entry.event, entry.event)),
                "fields": sorted(set(entry.before or {}) | set(entry.after or {}))
                if entry.action != "event"
                else [],
            }
            for entry in object_history(self.viewer, obj)[:200]
        ]
        context = {
            "object": obj,
            "label": self.describe(obj),
            "rows": rows,
            "back_url": obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "../",
        }
        return render(request, self.get_template_names(), context)


class ComboboxOptionsView(MemberTemplateView):
    """The suggestions of a combobox (htmx): the first rows whose name holds what was typed in
    the field named by ``veld``, each read access-logged. The option ids start with the listbox's
    id (``lijst``), so several fields on one page never share an id."""

    template_name = "lont/forms/_combobox_options.html"
    shows_personal_data = True
    text_param: ClassVar[str] = "q"
    listbox_id: ClassVar[str] = "opties"
    none_found: ClassVar[Any] = gettext_lazy(
        "Niets gevonden"
    )  # the listbox's line when nothing matches

    def suggestions(self, text: str) -> list[Any]:
        raise NotImplementedError

    def label(self, obj: Any) -> str:
        return str(obj)

    def value(self, obj: Any) -> Any:
        """What choosing ``obj`` sends (its field's ``ComboboxMixin.value_of``)."""
        return obj.pk

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        get = self.request.GET
        text = combobox.typed_text(get.get(get.get("veld") or self.text_param, ""))
        listbox = get.get("lijst", "")
        options = self.suggestions(text)
        log_reads(self.viewer, options, via=AccessVia.SEARCH, path=self.request.get_full_path())
        data.update(
            options=[(self.value(obj), self.label(obj)) for obj in options],
            typed=text,
            none_found=self.none_found,
            listbox=listbox if combobox.LISTBOX_ID.match(listbox) else self.listbox_id,
        )
        return data
