"""REST API of professional online presence (read): the platform register, the team roster and
the contact log. Same visibility layer and access log as the pages; writes are on the pages."""

from __future__ import annotations

from lont.core.api.views import ServiceViewSet
from lont.networks.choices import Access

from ..models import ContactLog, Platform, ProfessionalAccount
from .serializers import ContactLogSerializer, PlatformSerializer, ProfessionalAccountSerializer


class PlatformViewSet(ServiceViewSet):
    serializer_class = PlatformSerializer
    queryset = Platform.objects.order_by("name")
    shows_personal_data = False
    required_permission = None


class ProfessionalAccountViewSet(ServiceViewSet):
    serializer_class = ProfessionalAccountSerializer
    queryset = ProfessionalAccount.objects.select_related("organisation").order_by(
        "platform", "handle"
    )
    required_permission = None


class ContactLogViewSet(ServiceViewSet):
    serializer_class = ContactLogSerializer
    queryset = ContactLog.objects.order_by("-on", "-pk")
    minimum_access = Access.FULL
