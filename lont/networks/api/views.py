from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lont.core.api.views import ApiViewMixin, PlainReadOnlyViewSet, VisibleReadOnlyViewSet

from .. import selectors
from ..models import CovenantVersion, Membership, Network
from .serializers import (
    CovenantVersionSerializer,
    NetworkMemberSerializer,
    NetworkSerializer,
    OrganisationSerializer,
)


class NetworkViewSet(PlainReadOnlyViewSet):
    """The networks the caller is a member of (a token works in its own network)."""

    serializer_class = NetworkSerializer
    queryset = Network.objects.all()

    def get_queryset(self) -> QuerySet[Network]:
        if getattr(self, "swagger_fake_view", False):
            return Network.objects.none()
        return Network.objects.filter(pk=self.viewer.network.pk)


class OrganisationViewSet(PlainReadOnlyViewSet):
    serializer_class = OrganisationSerializer

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Network.objects.none()
        return selectors.organisations(self.viewer)


class MembershipViewSet(VisibleReadOnlyViewSet):
    serializer_class = NetworkMemberSerializer
    queryset = Membership.objects.select_related("user", "organisation")
    required_permission = "members.read"


class CovenantVersionViewSet(PlainReadOnlyViewSet):
    serializer_class = CovenantVersionSerializer
    required_permission = "covenant.read"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return CovenantVersion.objects.none()
        return selectors.covenant_versions(self.viewer)


class MyAccessView(ApiViewMixin, APIView):
    """What the caller's organisation sees of each information category right now."""

    @extend_schema(responses={200: dict})
    def get(self, request: Request) -> Response:
        return Response(
            {
                "network": self.viewer.network.slug,
                "organisation": self.viewer.organisation.name,
                "role": self.viewer.role,
                "access": {
                    label: int(level) for label, level in selectors.access_summary(self.viewer)
                },
            }
        )
