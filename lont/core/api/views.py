"""Base classes for API views: same visibility layer and access log as the pages."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from lont.core.choices import Access, AccessVia
from lont.core.policies import API
from lont.core.reads import log_reads
from lont.core.related import filter_visible
from lont.core.selectors import get_visible
from lont.core.viewer import Viewer
from lont.core.visibility import visible

from .acting import ActingContextMixin
from .permissions import viewer_of


class ApiViewMixin(ActingContextMixin):
    lont_policy: ClassVar[str] = API
    required_permission: ClassVar[str | None] = None
    write_permission: ClassVar[str | None] = None
    shows_personal_data: ClassVar[bool] = False

    @property
    def viewer(self) -> Viewer:
        return viewer_of(self.request)  # type: ignore[attr-defined]


class VisibleReadOnlyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """List and retrieve through the visibility layer; each listed or retrieved row is logged.
    ``minimum_access`` drives list and detail alike (``Access.FULL`` for content that has no
    summary, e.g. a signal's reach figures)."""

    shows_personal_data = True
    minimum_access: ClassVar[Access] = Access.SUMMARY

    def base_queryset(self) -> models.QuerySet:
        queryset: models.QuerySet = self.__class__.queryset  # type: ignore[assignment]
        return queryset.all()

    def get_queryset(self) -> models.QuerySet:
        if getattr(self, "swagger_fake_view", False):
            return self.base_queryset().none()
        return visible(self.viewer, self.base_queryset(), minimum=self.minimum_access)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "viewer": self.viewer}

    def get_object(self, minimum: Access | None = None) -> Any:
        """The object of the URL at ``minimum`` (at least the viewset's): 404 when missing,
        hidden or malformed; the read access-logged."""
        obj, _level = get_visible(
            self.viewer,
            self.base_queryset(),
            via=AccessVia.API,
            path=self.request.get_full_path(),
            purpose=self.request.query_params.get("doel", ""),
            minimum=max(minimum or Access.NONE, self.minimum_access),
            pk=self.kwargs[self.lookup_url_kwarg or self.lookup_field],
        )
        return obj

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        # Rows that name other registered objects: only those visible on both ends.
        rows = filter_visible(self.viewer, page if page is not None else queryset)
        log_reads(self.viewer, rows, via=AccessVia.API, path=request.get_full_path())
        data = self.get_serializer(rows, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(self.get_object()).data)


class ServiceViewSet(VisibleReadOnlyViewSet):
    """Reads as ``VisibleReadOnlyViewSet``; writes through services. Override the hooks the
    resource supports — ``service_create(data)``, ``service_update(obj, data)``,
    ``service_delete(obj)`` — and only those methods are routed and documented (POST, PATCH
    and PUT with ``full_update``, DELETE): the schema offers no method that always answers 405.

    Input is validated by ``write_serializer_class`` (default: the read serializer); services'
    ``ValidationError``, ``PermissionDenied`` and ``ProtectedError`` become 400, 403 and 409 in
    the one exception handler (``core.api.exceptions``)."""

    required_permission: ClassVar[str | None] = "case.read"
    write_permission: ClassVar[str | None] = "case.write"
    write_serializer_class: ClassVar[type[serializers.BaseSerializer] | None] = None
    update_minimum: ClassVar[Access] = Access.FULL
    delete_minimum: ClassVar[Access] = Access.SUMMARY
    full_update: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "http_method_names" in cls.__dict__:
            return
        methods = {"get", "head", "options"}
        for action in cls.get_extra_actions():
            methods |= set(action.mapping)  # type: ignore[attr-defined]  # DRF's @action
        if cls.service_create is not ServiceViewSet.service_create:
            methods.add("post")
        if cls.service_update is not ServiceViewSet.service_update:
            methods |= {"patch", "put"} if cls.full_update else {"patch"}
        if cls.service_delete is not ServiceViewSet.service_delete:
            methods.add("delete")
        cls.http_method_names = [m for m in viewsets.ViewSet.http_method_names if m in methods]

    def service_create(self, data: dict[str, Any]) -> Any:
        raise exceptions.MethodNotAllowed("POST")

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        raise exceptions.MethodNotAllowed("PATCH")

    def service_delete(self, obj: Any) -> None:
        raise exceptions.MethodNotAllowed("DELETE")

    def write_serializer(self, instance: Any = None, partial: bool = False) -> Any:
        if self.write_serializer_class is None:
            return self.get_serializer(instance, data=self.request.data, partial=partial)
        return self.write_serializer_class(
            data=self.request.data, partial=partial, context=self.get_serializer_context()
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = self.write_serializer()
        given.is_valid(raise_exception=True)
        obj = self.service_create(dict(given.validated_data))
        return Response(self.get_serializer(obj).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object(self.update_minimum)
        given = self.write_serializer(obj, partial=kwargs.get("partial", False))
        given.is_valid(raise_exception=True)
        obj = self.service_update(obj, dict(given.validated_data)) or obj
        return Response(self.get_serializer(obj).data)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.service_delete(self.get_object(self.delete_minimum))
        return Response(status=status.HTTP_204_NO_CONTENT)


class PlainReadOnlyViewSet(
    ApiViewMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Reads of data without personal content (the guide), still behind authentication."""
