"""Data-subject requests through the API, on the same services, grants and access log as the
pages: the four-eyes rule, the exact-match search and the logged report are the services' own."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from lont.audit.models import AccessVia
from lont.core.api.views import ApiViewMixin
from lont.core.filters import parse_id

from .. import selectors, services
from ..export import report_json
from ..grants import issue_grant
from ..models import SubjectRequest
from .serializers import (
    ApproveSerializer,
    ChoosePersonSerializer,
    MatchSerializer,
    OutcomeSerializer,
    RequestStartSerializer,
    SubjectRequestSerializer,
)


class SubjectRequestViewSet(
    ApiViewMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Requests of data subjects (AVG art. 15–17) for the privacy officer and the second pair of
    eyes. The report is produced only under an approved request, and every record in it is
    access-logged with the request as its purpose."""

    serializer_class = SubjectRequestSerializer
    queryset = SubjectRequest.objects.none()
    required_permission = "privacy.requests"
    write_permission = "privacy.requests"
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return SubjectRequest.objects.none()
        return selectors.requests_for(self.viewer)

    def get_object(self) -> SubjectRequest:
        pk = parse_id(self.kwargs["pk"])
        if pk is None:
            raise Http404
        return selectors.request_for(self.viewer, pk)

    def _answer(self, request_obj: SubjectRequest, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(request_obj).data, status=code)

    @extend_schema(request=RequestStartSerializer, responses={201: SubjectRequestSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = RequestStartSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        started = services.request_start(viewer=self.viewer, **given.validated_data)
        return self._answer(started, status.HTTP_201_CREATED)

    @extend_schema(request=ApproveSerializer, responses={200: SubjectRequestSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        given = ApproveSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        decided = services.request_approve(
            viewer=self.viewer, request=self.get_object(), **given.validated_data
        )
        return self._answer(decided)

    @extend_schema(request=None, responses={200: MatchSerializer(many=True)})
    @action(detail=True, methods=["post"])
    def search(self, request: Request, pk: str | None = None) -> Response:
        """Run the approved, exact search. Several matches are described by partner and date
        only; one match is taken as the person at once."""
        matches = services.request_search(viewer=self.viewer, request=self.get_object())
        return Response(MatchSerializer(matches, many=True).data)

    @extend_schema(request=ChoosePersonSerializer, responses={200: SubjectRequestSerializer})
    @action(detail=True, methods=["post"], url_path="choose-person")
    def choose_person(self, request: Request, pk: str | None = None) -> Response:
        given = ChoosePersonSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        chosen = services.request_choose_person(
            viewer=self.viewer, request=self.get_object(), **given.validated_data
        )
        return self._answer(chosen)

    @extend_schema(request=OutcomeSerializer, responses={201: OpenApiResponse()})
    @action(detail=True, methods=["post"])
    def outcome(self, request: Request, pk: str | None = None) -> Response:
        given = OutcomeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        row = services.outcome_record(
            viewer=self.viewer, request=self.get_object(), **given.validated_data
        )
        return Response(
            {"id": row.pk, "outcome": row.outcome, "object_id": row.object_id},
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=None, responses={200: SubjectRequestSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(services.request_close(viewer=self.viewer, request=self.get_object()))

    @extend_schema(responses={200: OpenApiResponse(description="lont.access-report/1")})
    @action(detail=True, methods=["get"])
    def report(self, request: Request, pk: str | None = None) -> Response:
        """The access report as machine-readable JSON (each record with each read and change)."""
        grant = issue_grant(self.viewer, self.get_object())
        produced = services.report_read(
            grant=grant, via=AccessVia.EXPORT, path=request.get_full_path()
        )
        return Response(report_json(produced))
