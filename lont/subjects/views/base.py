"""Shared page machinery: form pages, delete confirmations and object history."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from lont.audit.models import AccessVia
from lont.core.selectors import get_visible
from lont.core.views_base import MemberView
from lont.networks.choices import Access

from .. import selectors


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's validation errors on the form, so the page shows them next to the input."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class ObjectMixin:
    """Fetch the object of the URL through the visibility layer (404 when missing or hidden)."""

    model: ClassVar[type[models.Model]]
    minimum_access: ClassVar[Access] = Access.SUMMARY
    request: HttpRequest
    kwargs: dict[str, Any]
    viewer: Any

    def base_queryset(self) -> models.QuerySet:
        return self.model._default_manager.all()

    def get_object(self) -> Any:
        obj, self.access = get_visible(
            self.viewer,
            self.base_queryset(),
            via=AccessVia.PAGE,
            path=self.request.get_full_path(),
            minimum=self.minimum_access,
            pk=self.kwargs["pk"],
        )
        return obj


class FormPageView(MemberView):
    """GET shows the form; POST validates, calls ``perform``, redirects; errors keep the input."""

    required_permission: ClassVar[str | None] = "case.write"
    template_name = "subjects/form.html"
    form_class: ClassVar[type[forms.BaseForm]]
    title: ClassVar[str | Promise] = ""
    success_message: ClassVar[str | Promise] = ""
    object: Any = None

    def setup_object(self) -> None:
        """Edit views fetch their object here."""

    def form_kwargs(self) -> dict[str, Any]:
        return {}

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
            **self.extra_context(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.setup_object()
        return self.render_form(self.form_class(**self.form_kwargs()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.setup_object()
        form = self.form_class(data=request.POST, **self.form_kwargs())
        if form.is_valid():
            try:
                result = self.perform(dict(form.cleaned_data))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if self.success_message:
                    messages.success(request, str(self.success_message))
                return redirect(self.success_url(result))
        return self.render_form(form, status=400)


class DeletePageView(ObjectMixin, MemberView):
    required_permission: ClassVar[str | None] = "case.write"
    template_name = "subjects/confirm_delete.html"

    def delete(self, obj: Any) -> None:
        raise NotImplementedError

    def success_url(self, obj: Any) -> str:
        raise NotImplementedError

    def describe(self, obj: Any) -> str:
        return str(obj)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        return render(request, self.template_name, {"object": obj, "label": self.describe(obj)})

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        target = self.success_url(obj)
        try:
            self.delete(obj)
        except PermissionDenied:
            messages.error(request, _("Alleen de partner die dit vastlegde kan het verwijderen."))
            return redirect(request.path)
        messages.success(request, _("Verwijderd."))
        return redirect(target)


class HistoryView(ObjectMixin, MemberView):
    """The change log of one object, for a viewer who may see the object. Content fields are
    redacted in the log itself; the page shows who changed which fields, and when."""

    shows_personal_data = True
    template_name = "subjects/history.html"

    def describe(self, obj: Any) -> str:
        return str(obj)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        entries = list(selectors.object_history(self.viewer, obj)[:200])
        rows = [
            {
                "entry": e,
                "fields": sorted(set((e.before or {}).keys()) | set((e.after or {}).keys()))
                if e.action != "event"
                else [],
            }
            for e in entries
        ]
        context = {
            "object": obj,
            "label": self.describe(obj),
            "rows": rows,
            "back_url": obj.get_absolute_url(),
        }
        return render(request, self.template_name, context)
