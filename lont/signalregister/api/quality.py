"""API of the director's page of the text analyser's precision and recall (issue 15, item 4)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lont.core.api.permissions import IsNetworkMember
from lont.core.api.views import ApiViewMixin

from ..choices import ProposalKind
from ..proposal_stats import Score, analyser_quality


class ScoreSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ProposalKind.choices)
    accepted = serializers.IntegerField()
    changed = serializers.IntegerField()
    removed = serializers.IntegerField()
    added = serializers.IntegerField()
    precision = serializers.FloatField(allow_null=True)
    recall = serializers.FloatField(allow_null=True)


class MonthSerializer(serializers.Serializer):
    month = serializers.DateField()
    kinds = ScoreSerializer(many=True)


class CorrectionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ProposalKind.choices)
    indicator = serializers.CharField()
    outcome = serializers.CharField()
    count = serializers.IntegerField()


class QualitySerializer(serializers.Serializer):
    signals = serializers.IntegerField()
    kinds = ScoreSerializer(many=True)
    months = MonthSerializer(many=True)
    corrections = CorrectionSerializer(many=True)


def _score(kind: str, score: Score) -> dict[str, Any]:
    return {
        "kind": kind,
        **{name: score.counts[name] for name in ("accepted", "changed", "removed", "added")},
        "precision": score.precision,
        "recall": score.recall,
    }


class AnalyserQualityApiView(ApiViewMixin, APIView):
    """The text analyser's precision and recall on the network's saved signals (counts only)."""

    permission_classes = [IsNetworkMember]
    required_permission = "analyser.manage"

    @extend_schema(responses=QualitySerializer, summary="Precisie en volledigheid tekstanalyse")
    def get(self, request: Request) -> Response:
        quality = analyser_quality(self.viewer)
        kinds = [kind.value for kind in ProposalKind]
        data = {
            "signals": quality.signals,
            "kinds": [
                _score(kind, score)
                for kind, (_label, score) in zip(kinds, quality.by_kind, strict=True)
            ],
            "months": [
                {
                    "month": month,
                    "kinds": [_score(k, s) for k, s in zip(kinds, scores, strict=True)],
                }
                for month, scores in quality.months
            ],
            "corrections": [
                {"kind": c.kind, "indicator": c.indicator, "outcome": c.outcome, "count": c.count}
                for c in quality.corrections
            ],
        }
        return Response(QualitySerializer(data).data)
