from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from lont.core.visibility import access_for
from lont.networks.choices import Access

from ..choices import ContactKind, ReachStrength
from ..models import Contact, ContactPersonLink, ContactReach
from ..selectors import retention_days


class ContactSerializer(serializers.ModelSerializer):
    """A contact as the caller may see it: in full, or (summary access) only that it exists,
    its kind and areas and who knows it — never the name or channels."""

    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    access = serializers.SerializerMethodField()
    consent_review_due = serializers.SerializerMethodField()
    # No address is null, not "": an empty string is not an e-mail address (the schema says so).
    email = serializers.EmailField(read_only=True, allow_null=True)

    class Meta:
        model = Contact
        fields = [
            "id",
            "access",
            "kind",
            "name",
            "employer",
            "role",
            "areas",
            "phone",
            "email",
            "handles",
            "followers",
            "languages",
            "availability",
            "out_of_hours",
            "member",
            "consent_date",
            "consent_scope",
            "consent_review_due",
            "organisation",
            "organisation_name",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    SUMMARY_FIELDS = ("id", "access", "kind", "areas", "organisation", "organisation_name")

    def get_access(self, obj: Contact) -> str:
        return "full" if self._level(obj) == Access.FULL else "summary"

    def get_consent_review_due(self, obj: Contact) -> bool:
        viewer = self.context["viewer"]
        return obj.consent_review_due(
            today=timezone.localdate(), retention_days=retention_days(viewer)
        )

    def _level(self, obj: Contact) -> Access:
        return access_for(self.context["viewer"], obj)

    def to_representation(self, instance: Contact) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        data["email"] = data.get("email") or None
        if self._level(instance) < Access.FULL:
            data = {key: data[key] for key in self.SUMMARY_FIELDS}
            data["label"] = _("afgeschermd — bekend bij %(organisation)s") % {
                "organisation": instance.organisation.name
            }
        return data


class ContactWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ContactKind.choices)
    name = serializers.CharField(max_length=160)
    employer = serializers.CharField(max_length=160, required=False, allow_blank=True)
    role = serializers.CharField(max_length=160, required=False, allow_blank=True)
    areas = serializers.ListField(child=serializers.CharField(max_length=80), required=False)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    handles = serializers.DictField(child=serializers.CharField(max_length=120), required=False)
    followers = serializers.DictField(child=serializers.IntegerField(min_value=0), required=False)
    languages = serializers.ListField(child=serializers.CharField(max_length=40), required=False)
    availability = serializers.CharField(required=False, allow_blank=True)
    out_of_hours = serializers.BooleanField(required=False)
    member = serializers.IntegerField(required=False, allow_null=True)
    consent_date = serializers.DateField(required=False, allow_null=True)
    consent_scope = serializers.CharField(required=False, allow_blank=True)


class ContactReachSerializer(serializers.ModelSerializer):
    group_name = serializers.CharField(source="group.name", read_only=True)

    class Meta:
        model = ContactReach
        fields = [
            "id",
            "contact",
            "group",
            "group_name",
            "strength",
            "how",
            "since",
            "organisation",
            "created_at",
        ]
        read_only_fields = ["id", "group_name", "organisation", "created_at"]


class ContactReachWriteSerializer(serializers.Serializer):
    # Plain ids: the view resolves them through the visibility layer (missing = forbidden).
    contact = serializers.IntegerField()
    group = serializers.IntegerField()
    strength = serializers.ChoiceField(choices=ReachStrength.choices)
    how = serializers.CharField(required=False, allow_blank=True)
    since = serializers.DateField(required=False, allow_null=True)


class ContactPersonLinkSerializer(serializers.ModelSerializer):
    person_alias = serializers.CharField(source="person.alias", read_only=True)

    class Meta:
        model = ContactPersonLink
        fields = [
            "id",
            "contact",
            "person",
            "person_alias",
            "relation",
            "organisation",
            "created_at",
        ]
        read_only_fields = ["id", "person_alias", "organisation", "created_at"]


class ContactPersonLinkWriteSerializer(serializers.Serializer):
    contact = serializers.IntegerField()
    person = serializers.IntegerField()
    relation = serializers.CharField(max_length=160)


class ReachRankingSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    contact = serializers.DictField()
    score = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField())
    strength = serializers.CharField(allow_null=True)
