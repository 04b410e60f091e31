"""Base classes for API views: same visibility layer and access log as the pages."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from rest_framework import mixins, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from lont.core.choices import AccessVia
from lont.core.policies import API
from lont.core.reads import log_reads
from lont.core.selectors import get_visible
from lont.core.viewer import Viewer
from lont.core.visibility import visible

from .permissions import viewer_of


class ApiViewMixin:
    lont_policy: ClassVar[str] = API
    required_permission: ClassVar[str | None] = None
    write_permission: ClassVar[str | None] = None
    shows_personal_data: ClassVar[bool] = False

    @property
    def viewer(self) -> Viewer:
        return viewer_of(self.request)  # type: ignore[attr-defined]


class VisibleReadOnlyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """List and retrieve through the visibility layer; each listed or retrieved row is logged."""

    shows_personal_data = True

    def base_queryset(self) -> models.QuerySet:
        queryset: models.QuerySet = self.__class__.queryset  # type: ignore[assignment]
        return queryset.all()

    def get_queryset(self) -> models.QuerySet:
        if getattr(self, "swagger_fake_view", False):
            return self.base_queryset().none()
        return visible(self.viewer, self.base_queryset())

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        log_reads(self.viewer, rows, via=AccessVia.API, path=request.get_full_path())
        data = self.get_serializer(rows, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj, _level = get_visible(
            self.viewer,
            self.base_queryset(),
            via=AccessVia.API,
            path=request.get_full_path(),
            purpose=request.query_params.get("doel", ""),
            pk=kwargs["pk"],
        )
        return Response(self.get_serializer(obj).data)


class PlainReadOnlyViewSet(
    ApiViewMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Reads of data without personal content (the guide), still behind authentication."""
