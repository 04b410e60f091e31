"""The API's shapes of a notice and a preference: a short text and a link, never case content."""

from __future__ import annotations

from rest_framework import serializers

from ..choices import Delivery
from ..models import Notification


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ("id", "text", "url", "event", "created_at", "read_at")
        read_only_fields = fields


class PreferenceSerializer(serializers.Serializer):
    event = serializers.CharField(read_only=True, help_text="De code van de soort melding.")
    name = serializers.CharField(read_only=True, help_text="De naam van de soort melding.")
    may_switch_off = serializers.BooleanField(read_only=True)
    delivery = serializers.ChoiceField(choices=Delivery.choices)


class PreferenceWriteSerializer(serializers.Serializer):
    delivery = serializers.ChoiceField(choices=Delivery.choices)


class MarkedReadSerializer(serializers.Serializer):
    marked = serializers.IntegerField(read_only=True)
