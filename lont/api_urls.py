"""The REST API: one router for all apps, with the OpenAPI schema and its documentation page."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from lont.audit.api.views import AccessLogViewSet, ChangeLogViewSet
from lont.core.api.permissions import IsNetworkMember
from lont.core.policies import API
from lont.knowledge.api.views import IndicatorViewSet, RecommendationViewSet
from lont.networks.api.views import (
    CovenantVersionViewSet,
    MembershipViewSet,
    MyAccessView,
    NetworkViewSet,
    OrganisationViewSet,
)

app_name = "api"


class LontRouter(DefaultRouter):
    def get_api_root_view(self, api_urls=None):  # type: ignore[no-untyped-def]
        view = super().get_api_root_view(api_urls)
        view.lont_policy = API  # type: ignore[attr-defined]
        view.cls.lont_policy = API  # type: ignore[attr-defined]
        view.cls.permission_classes = [IsNetworkMember]  # type: ignore[attr-defined]
        return view


router = LontRouter()
router.register("networks", NetworkViewSet, basename="network")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("members", MembershipViewSet, basename="member")
router.register("covenant-versions", CovenantVersionViewSet, basename="covenant-version")
router.register("recommendations", RecommendationViewSet, basename="recommendation")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("audit/changes", ChangeLogViewSet, basename="change-log")
router.register("audit/access", AccessLogViewSet, basename="access-log")


class SchemaView(SpectacularAPIView):
    lont_policy = API


class DocsView(SpectacularSwaggerView):
    lont_policy = API


urlpatterns = [
    path("me/access/", MyAccessView.as_view(), name="my-access"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
