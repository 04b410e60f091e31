from __future__ import annotations

from rest_framework import serializers

from lont.core.api.serializers import SummaryFieldsMixin

from ..models import ContactLog, Platform, ProfessionalAccount


class PlatformSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    next_review = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = Platform
        fields = [
            "id",
            "access",
            "summary",
            "name",
            "where_groups",
            "ephemeral",
            "aspects",
            "review_interval_days",
            "last_reviewed",
            "next_review",
            "updated_at",
        ]
        read_only_fields = fields


class ProfessionalAccountSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = ProfessionalAccount
        fields = [
            "id",
            "access",
            "summary",
            "platform",
            "handle",
            "organisation",
            "organisation_name",
            "member",
            "house_style",
            "active",
            "note",
            "updated_at",
        ]
        read_only_fields = fields


class ContactLogSerializer(SummaryFieldsMixin, serializers.ModelSerializer):
    """Counts and dates per account and group; there is no content to show."""

    class Meta:
        model = ContactLog
        fields = ["id", "access", "summary", "account", "group", "kind", "count", "on"]
        read_only_fields = fields
