"""Base classes for views. They declare the access policy and read through the visibility layer,
so a new page gets login, second factor, covenant filtering and access logging by inheriting."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from .choices import Access, AccessVia
from .policies import LOGIN, MEMBER, PUBLIC
from .reads import log_reads
from .selectors import get_visible
from .viewer import Viewer
from .visibility import access_for, visible


class MemberRequiredMixin:
    """Pages for an active member with a verified second factor (enforced by the middleware)."""

    lont_policy: ClassVar[str] = MEMBER
    required_permission: ClassVar[str | None] = None
    shows_personal_data: ClassVar[bool] = False
    request: HttpRequest

    @property
    def viewer(self) -> Viewer:
        return self.request.viewer  # type: ignore[attr-defined]


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
        rows = list(data["object_list"])
        data["rows"] = [(obj, access_for(self.viewer, obj)) for obj in rows]
        log_reads(self.viewer, rows, via=AccessVia.LIST, path=self.request.get_full_path())
        return data


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
