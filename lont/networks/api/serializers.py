from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ..models import CovenantVersion, Membership, Network, Organisation


class NetworkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Network
        fields = ["id", "name", "slug", "area_description"]


class OrganisationSerializer(serializers.ModelSerializer):
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "partner_type", "legal_powers", "description", "member_count"]


class NetworkMemberSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(source="user.full_name")
    email = serializers.EmailField(source="user.email")
    organisation: Any = serializers.PrimaryKeyRelatedField(read_only=True)
    organisation_name = serializers.CharField(source="organisation.name")

    class Meta:
        model = Membership
        fields = [
            "id",
            "full_name",
            "email",
            "organisation",
            "organisation_name",
            "role",
            "function_title",
            "is_active",
        ]


class CovenantVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = CovenantVersion
        fields = [
            "id",
            "number",
            "reason",
            "created_at",
            "created_by",
            "director_organisation",
            "director",
            "privacy_officer",
            "sharing",
            "retention_days",
            "tasks",
            "escalation_levels",
            "working_method",
            "observation_thresholds",
        ]
