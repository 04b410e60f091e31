"""REST API of groups, people and relations: reads through the visibility layer, writes through
the services (same validation and audit events as the pages)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from lont.core.api.views import ServiceViewSet
from lont.core.visibility import visible
from lont.networks.choices import Access

from .. import selectors, services
from ..forms import ContributionForm, StepForm
from ..models import (
    AssessmentContribution,
    AssessmentStep,
    ConflictEvent,
    Group,
    GroupAssessment,
    GroupMembership,
    GroupRelation,
    Person,
    PersonRelation,
)
from ..models.people import IDENTIFYING_FIELDS
from . import serializers as s


class GroupViewSet(ServiceViewSet):
    serializer_class = s.GroupSerializer
    queryset = Group.objects.select_related("organisation")

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.group_create(viewer=self.viewer, data=data)

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        return services.group_update(viewer=self.viewer, group=obj, data=data)

    def service_delete(self, obj: Any) -> None:
        services.group_delete(viewer=self.viewer, group=obj)


class PersonViewSet(ServiceViewSet):
    serializer_class = s.PersonSerializer
    queryset = Person.objects.select_related("organisation").prefetch_related(
        "contact_professionals"
    )

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        q = self.request.query_params.get("q", "").strip()[:100]
        # Search by alias only: a real name must never be a way to find (or confirm) a person.
        return qs.filter(alias__icontains=q) if q else qs

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.person_create(viewer=self.viewer, data=data)

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        hidden = not selectors.identifying_access(self.viewer, obj)
        if hidden and any(name in data for name in IDENTIFYING_FIELDS):
            raise exceptions.PermissionDenied("Geen toegang tot identificerende gegevens.")
        return services.person_update(viewer=self.viewer, person=obj, data=data)

    def service_delete(self, obj: Any) -> None:
        services.person_delete(viewer=self.viewer, person=obj)


class MembershipViewSet(ServiceViewSet):
    serializer_class = s.MembershipSerializer
    queryset = GroupMembership.objects.select_related("organisation")

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.membership_create(viewer=self.viewer, data=data)

    def service_delete(self, obj: Any) -> None:
        services.membership_delete(viewer=self.viewer, membership=obj)


class PersonRelationViewSet(ServiceViewSet):
    serializer_class = s.PersonRelationSerializer
    queryset = PersonRelation.objects.select_related("organisation")

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.person_relation_create(viewer=self.viewer, data=data)

    def service_delete(self, obj: Any) -> None:
        services.person_relation_delete(viewer=self.viewer, relation=obj)


class GroupRelationViewSet(ServiceViewSet):
    serializer_class = s.GroupRelationSerializer
    queryset = GroupRelation.objects.select_related("organisation")

    def get_queryset(self) -> Any:
        events = visible(self.viewer, ConflictEvent.objects.select_related("organisation"))
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("events", queryset=events, to_attr="visible_events"))
        )

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.group_relation_create(viewer=self.viewer, data=data)

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        return services.group_relation_update(viewer=self.viewer, relation=obj, data=data)

    def service_delete(self, obj: Any) -> None:
        services.group_relation_delete(viewer=self.viewer, relation=obj)


class ConflictEventViewSet(ServiceViewSet):
    serializer_class = s.ConflictEventSerializer
    queryset = ConflictEvent.objects.select_related("organisation")

    def service_create(self, data: dict[str, Any]) -> Any:
        relation = data.pop("relation")
        return services.conflict_event_create(viewer=self.viewer, relation=relation, data=data)


class AssessmentViewSet(ServiceViewSet):
    serializer_class = s.AssessmentSerializer
    queryset = GroupAssessment.objects.select_related("organisation")

    def base_queryset(self) -> Any:  # retrieve too: the members come prefetched (scoped)
        return (
            super().base_queryset().prefetch_related("prototypical_members", "credible_messengers")
        )

    def get_queryset(self) -> Any:
        viewer = self.viewer
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch(
                    "steps", queryset=visible(viewer, AssessmentStep), to_attr="visible_steps"
                ),
                Prefetch(
                    "contributions",
                    queryset=visible(
                        viewer, AssessmentContribution.objects.select_related("organisation")
                    ),
                    to_attr="visible_contributions",
                ),
                "prototypical_members",
                "credible_messengers",
            )
        )

    def service_create(self, data: dict[str, Any]) -> Any:
        group = data.pop("group")
        return services.assessment_create(viewer=self.viewer, group=group, data=data)

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        data.pop("group", None)
        return services.assessment_update(viewer=self.viewer, assessment=obj, data=data)

    def service_delete(self, obj: Any) -> None:
        services.assessment_delete(viewer=self.viewer, assessment=obj)

    @extend_schema(request=dict, responses={200: s.AssessmentSerializer})
    @action(detail=True, methods=["post"])
    def step(self, request: Request, pk: Any = None) -> Response:
        """Set one step's status and dates: ``{"number", "status", "started_on", "completed_on"}``."""
        return self._form_action(pk, StepForm, Access.FULL, services.assessment_step_update)

    @extend_schema(request=dict, responses={200: s.AssessmentSerializer})
    @action(detail=True, methods=["post"])
    def contribution(self, request: Request, pk: Any = None) -> Response:
        """Add the caller's organisation's contribution: ``{"step", "text", "date"}``."""
        return self._form_action(pk, ContributionForm, Access.SUMMARY, services.contribution_add)

    def _form_action(self, pk: Any, form_class: Any, minimum: Access, call: Any) -> Response:
        assessment = self.get_object(minimum)
        form = form_class(self.request.data)
        if not form.is_valid():
            raise exceptions.ValidationError(form.errors)
        call(viewer=self.viewer, assessment=assessment, **form.cleaned_data)
        return Response(self.get_serializer(assessment).data)
