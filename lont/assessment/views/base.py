"""Shared page machinery of the assessment pages."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise

from lont.audit.models import AccessVia
from lont.core.selectors import get_visible
from lont.core.views_base import MemberView
from lont.networks.choices import Access


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def fetch(view: Any, model_or_qs: Any, pk: Any, minimum: Access = Access.SUMMARY) -> Any:
    obj, view.access = get_visible(
        view.viewer,
        model_or_qs,
        via=AccessVia.PAGE,
        path=view.request.get_full_path(),
        minimum=minimum,
        pk=pk,
    )
    return obj


class FormPageView(MemberView):
    """GET shows the form; POST validates, calls ``perform``, redirects; errors keep the input
    and change nothing (the service raises before it writes)."""

    required_permission: ClassVar[str | None] = "case.write"
    template_name = "assessment/form.html"
    form_class: ClassVar[type[forms.BaseForm]]
    title: ClassVar[str | Promise] = ""
    success_message: ClassVar[str | Promise] = ""
    object: Any = None
    access: Access = Access.NONE

    def setup_object(self) -> None:
        """Views on one object fetch it here (through the visibility layer)."""

    def form_kwargs(self) -> dict[str, Any]:
        return {}

    def perform(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def success_url(self, result: Any) -> str:
        return str(result.get_absolute_url())

    def extra_context(self) -> dict[str, Any]:
        return {}

    def render_form(self, form: forms.BaseForm, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "title": str(self.title),
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


def member_users(viewer: Any) -> models.QuerySet:
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(memberships__network=viewer.network, memberships__is_active=True)
        .distinct()
    )
