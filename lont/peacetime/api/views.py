"""REST API of the peacetime groundwork (read): vision versions, sources and awareness
activities. Writes are on the pages (the vision's warnings and approval need a person)."""

from __future__ import annotations

from lont.core.api.views import ServiceViewSet

from ..models import AwarenessActivity, Source, VisionVersion
from .serializers import AwarenessActivitySerializer, SourceSerializer, VisionVersionSerializer


class VisionVersionViewSet(ServiceViewSet):
    serializer_class = VisionVersionSerializer
    queryset = VisionVersion.objects.order_by("organisation_id", "-number")
    shows_personal_data = False
    required_permission = None


class SourceViewSet(ServiceViewSet):
    serializer_class = SourceSerializer
    queryset = Source.objects.order_by("title")
    shows_personal_data = False
    required_permission = None


class AwarenessActivityViewSet(ServiceViewSet):
    serializer_class = AwarenessActivitySerializer
    queryset = AwarenessActivity.objects.order_by("-held_on", "-pk")
    shows_personal_data = False
    required_permission = None
