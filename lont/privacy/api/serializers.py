"""The privacy officer's requests in the API: the same fields as the pages, never the identifying
details the request was started with (they are encrypted at rest and only searched under a grant)."""

from __future__ import annotations

from rest_framework import serializers

from ..choices import ExceptionGround, Outcome, RequestKind
from ..models import SubjectRequest


class SubjectRequestSerializer(serializers.ModelSerializer):
    requested_by = serializers.CharField(source="requested_by.email", read_only=True)
    approved_by = serializers.CharField(
        source="approved_by.email", read_only=True, allow_null=True, default=None
    )
    deadline = serializers.DateField(read_only=True)
    person_found = serializers.SerializerMethodField()

    class Meta:
        model = SubjectRequest
        fields = [
            "id",
            "kind",
            "received_on",
            "deadline",
            "status",
            "requested_by",
            "approved_by",
            "approved_at",
            "person_found",
            "created_at",
        ]
        read_only_fields = fields

    def get_person_found(self, obj: SubjectRequest) -> bool:
        return obj.person_id is not None


class RequestStartSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RequestKind.choices)
    received_on = serializers.DateField()
    real_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    date_of_birth = serializers.CharField(required=False, allow_blank=True, max_length=10)
    note = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class ApproveSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class ChoosePersonSerializer(serializers.Serializer):
    person_id = serializers.IntegerField(min_value=1)


class OutcomeSerializer(serializers.Serializer):
    object_type = serializers.CharField(max_length=100)
    object_id = serializers.CharField(max_length=40)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    exception = serializers.ChoiceField(
        choices=ExceptionGround.choices, required=False, allow_blank=True
    )
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class MatchSerializer(serializers.Serializer):
    """A search hit, described by partner and date only — as on the page."""

    person_id = serializers.IntegerField(source="pk")
    partner = serializers.CharField(source="organisation.name")
    created_at = serializers.DateTimeField()
