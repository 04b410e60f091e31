from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from lont.core.api.views import PlainReadOnlyViewSet

from .. import selectors, services
from ..models import Indicator, Recommendation, WeightClass
from ..search import search
from .serializers import IndicatorSerializer, RecommendationSerializer


class RecommendationViewSet(PlainReadOnlyViewSet):
    """The guide's 21 recommendations; ``?q=`` searches them (Dutch stemming), ``?phase=`` filters."""

    serializer_class = RecommendationSerializer
    lookup_field = "code"
    queryset = Recommendation.objects.none()

    def get_queryset(self) -> Any:
        return selectors.recommendations(phase=self.request.query_params.get("phase") or None)

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Zoekterm"),
            OpenApiParameter("phase", str, enum=["peacetime", "crisis", "aftercare"]),
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = request.query_params.get("q", "").strip()
        if not query:
            return super().list(request, *args, **kwargs)
        hits = search(query, phase=request.query_params.get("phase") or None)
        data = self.get_serializer([hit.recommendation for hit in hits], many=True).data
        return Response({"count": len(data), "next": None, "previous": None, "results": data})


class IndicatorUpdateSerializer(serializers.Serializer):
    weight_class = serializers.ChoiceField(choices=WeightClass.choices)
    is_active = serializers.BooleanField()
    reason = serializers.CharField(max_length=500)


class IndicatorViewSet(mixins.UpdateModelMixin, PlainReadOnlyViewSet):
    """The network's indicator catalogue; the director may change weight class and use."""

    serializer_class = IndicatorSerializer
    write_permission = "indicators.change"
    http_method_names = ["get", "patch", "head", "options"]
    queryset = Indicator.objects.none()

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Indicator.objects.none()
        return selectors.network_indicators(
            self.viewer, category=self.request.query_params.get("category") or None
        )

    @extend_schema(request=IndicatorUpdateSerializer, responses=IndicatorSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        indicator = self.get_object()
        data: Any = request.data
        payload = IndicatorUpdateSerializer(
            data={
                "weight_class": data.get("weight_class", indicator.weight_class),
                "is_active": data.get("is_active", indicator.is_active),
                "reason": data.get("reason", ""),
            }
        )
        payload.is_valid(raise_exception=True)
        # A service's ValidationError becomes a 400 in the one exception handler.
        services.indicator_update(viewer=self.viewer, indicator=indicator, **payload.validated_data)
        return Response(IndicatorSerializer(indicator).data)
