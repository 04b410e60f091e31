from rest_framework import serializers

from ..models import GuidePoint, Indicator, Recommendation


class GuidePointSerializer(serializers.ModelSerializer):
    class Meta:
        model = GuidePoint
        fields = ["number", "section", "text", "references"]


class RecommendationSerializer(serializers.ModelSerializer):
    points = GuidePointSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "code",
            "phase",
            "heading",
            "explanation",
            "question",
            "references",
            "capabilities",
            "points",
        ]


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "label_nl",
            "label_en",
            "description",
            "phase",
            "category",
            "weight_class",
            "default_weight_class",
            "guide_recommendation",
            "guide_point",
            "is_active",
        ]
        read_only_fields = [f for f in fields if f not in ("weight_class", "is_active")]
