"""REST API of the social map: contacts, their reach to groups and links to people, and the
"who can reach group X?" ranking. Same visibility layer, services and access log as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.api.views import ApiViewMixin, VisibleReadOnlyViewSet
from lont.core.selectors import get_visible
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.networks.models import Membership
from lont.subjects.models import Group

from .. import selectors, services
from ..models import Contact, ContactPersonLink, ContactReach
from .serializers import (
    ContactPersonLinkSerializer,
    ContactPersonLinkWriteSerializer,
    ContactReachSerializer,
    ContactReachWriteSerializer,
    ContactSerializer,
    ContactWriteSerializer,
    ReachRankingSerializer,
)

FILTER_PARAMETERS = [
    OpenApiParameter(
        "q",
        str,
        description="Vrije tekst: naam, rol, organisatie (alleen volledig zichtbare contacten)",
    ),
    OpenApiParameter("soort", str, description="Soort contact (kind)"),
    OpenApiParameter("gebied", str, description="Gebied (één hele waarde)"),
    OpenApiParameter("taal", str, description="Taal"),
    OpenApiParameter("groep", int, description="Kan deze groep bereiken"),
    OpenApiParameter("organisatie", int, description="Vastgelegd door deze organisatie"),
    OpenApiParameter(
        "herzien", str, description="'1': alleen contacten waarvan de toestemming herzien moet"
    ),
]


MAX_RANKING = 500


def _drf_error(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class _WritableVisibleViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    VisibleReadOnlyViewSet,
):
    required_permission = "case.read"
    write_permission = "case.write"

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "viewer": self.viewer}

    def full_contact(self, pk: Any) -> Contact:
        contact, _level = get_visible(
            self.viewer,
            selectors.contact_queryset(self.viewer),
            via=AccessVia.API,
            path=self.request.get_full_path(),
            minimum=Access.FULL,
            pk=pk,
        )
        return contact


@extend_schema_view(list=extend_schema(parameters=FILTER_PARAMETERS))
class ContactViewSet(_WritableVisibleViewSet):
    """Contacts of the social map. Rows the caller may only see as a summary carry
    ``access: "summary"`` and no name, role or channels."""

    serializer_class = ContactSerializer
    queryset = Contact.objects.select_related("organisation")

    def get_queryset(self) -> QuerySet[Contact]:
        if getattr(self, "swagger_fake_view", False):
            return Contact.objects.none()
        return selectors.contacts(self.viewer, selectors.parse_filters(self.request.query_params))

    def _member(self, member_id: int | None) -> Membership | None:
        if member_id is None:
            return None
        member = visible(self.viewer, Membership.objects.all()).filter(pk=member_id).first()
        if member is None:
            raise ValidationError({"member": [_("Dit lid hoort niet bij dit netwerk.")]})
        return member

    @extend_schema(request=ContactWriteSerializer, responses={201: ContactSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ContactWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "member" in data:
            data["member"] = self._member(data["member"])
        try:
            contact = services.contact_create(viewer=self.viewer, **data)
        except DjangoValidationError as error:
            raise _drf_error(error) from None
        body = ContactSerializer(contact, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=ContactWriteSerializer, responses={200: ContactSerializer})
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        contact = self.full_contact(kwargs["pk"])
        serializer = ContactWriteSerializer(data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "member" in data:
            data["member"] = self._member(data["member"])
        try:
            services.contact_update(viewer=self.viewer, contact=contact, **data)
        except DjangoValidationError as error:
            raise _drf_error(error) from None
        return Response(ContactSerializer(contact, context=self.get_serializer_context()).data)

    @extend_schema(request=ContactWriteSerializer, responses={200: ContactSerializer})
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        contact = self.full_contact(kwargs["pk"])
        services.contact_delete(
            viewer=self.viewer, contact=contact, reason=str(request.query_params.get("reden", ""))
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class ContactReachViewSet(_WritableVisibleViewSet):
    """Which groups a contact reaches and how well: only for contacts the caller sees in full
    and groups the caller may see."""

    serializer_class = ContactReachSerializer
    queryset = ContactReach.objects.select_related("group")

    def base_queryset(self) -> QuerySet[ContactReach]:
        return ContactReach.objects.select_related("group").filter(
            contact__in=visible(self.viewer, Contact.objects.all(), minimum=Access.FULL),
            group__in=selectors.visible_groups(self.viewer),
        )

    def _group(self, group_id: int) -> Group:
        group = selectors.visible_groups(self.viewer).filter(pk=group_id).first()
        if group is None:
            raise ValidationError(
                {"group": [_("Deze groep bestaat niet of is voor u niet zichtbaar.")]}
            )
        return group

    def _reach(self, pk: Any) -> ContactReach:
        reach = visible(self.viewer, self.base_queryset()).filter(pk=pk).first()
        if reach is None:
            raise Http404
        return reach

    def _set(self, data: dict[str, Any]) -> ContactReach:
        try:
            return services.reach_set(
                viewer=self.viewer,
                contact=self.full_contact(data["contact"]),
                group=self._group(data["group"]),
                strength=data["strength"],
                how=data.get("how", ""),
                since=data.get("since"),
            )
        except DjangoValidationError as error:
            raise _drf_error(error) from None

    @extend_schema(request=ContactReachWriteSerializer, responses={201: ContactReachSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ContactReachWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reach = self._set(dict(serializer.validated_data))
        return Response(ContactReachSerializer(reach).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ContactReachWriteSerializer, responses={200: ContactReachSerializer})
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        reach = self._reach(kwargs["pk"])
        serializer = ContactReachWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = {
            "contact": reach.contact_id,
            "group": reach.group_id,
            "strength": reach.strength,
            "how": reach.how,
            "since": reach.since,
            **serializer.validated_data,
        }
        if (data["contact"], data["group"]) != (reach.contact_id, reach.group_id):
            raise ValidationError(_("Contact en groep van bestaand bereik kunnen niet wijzigen."))
        return Response(ContactReachSerializer(self._set(data)).data)

    @extend_schema(request=ContactReachWriteSerializer, responses={200: ContactReachSerializer})
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.reach_remove(viewer=self.viewer, reach=self._reach(kwargs["pk"]))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ContactPersonLinkViewSet(_WritableVisibleViewSet):
    """Which people (by alias) a contact knows: only contacts seen in full, people the caller
    may see."""

    serializer_class = ContactPersonLinkSerializer
    queryset = ContactPersonLink.objects.select_related("person")
    http_method_names = ["get", "post", "delete", "head", "options"]

    def base_queryset(self) -> QuerySet[ContactPersonLink]:
        return ContactPersonLink.objects.select_related("person").filter(
            contact__in=visible(self.viewer, Contact.objects.all(), minimum=Access.FULL),
            person__in=selectors.visible_persons(self.viewer),
        )

    @extend_schema(
        request=ContactPersonLinkWriteSerializer, responses={201: ContactPersonLinkSerializer}
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ContactPersonLinkWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        person = selectors.visible_persons(self.viewer).filter(pk=data["person"]).first()
        if person is None:
            raise ValidationError(
                {"person": [_("Deze persoon bestaat niet of is voor u niet zichtbaar.")]}
            )
        try:
            link = services.person_link_add(
                viewer=self.viewer,
                contact=self.full_contact(data["contact"]),
                person=person,
                relation=data["relation"],
            )
        except DjangoValidationError as error:
            raise _drf_error(error) from None
        return Response(ContactPersonLinkSerializer(link).data, status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        link = visible(self.viewer, self.base_queryset()).filter(pk=kwargs["pk"]).first()
        if link is None:
            raise Http404
        services.person_link_remove(viewer=self.viewer, link=link)
        return Response(status=status.HTTP_204_NO_CONTENT)


class GroupReachViewSet(ApiViewMixin, viewsets.GenericViewSet):
    """ "Wie kan groep X bereiken?": contacts ranked for a group the caller may see, each with
    the reasons (in Dutch) for its place. Contacts seen as a summary carry no name."""

    queryset = Group.objects.all()
    serializer_class = ReachRankingSerializer
    required_permission = "case.read"
    shows_personal_data = True

    @extend_schema(
        responses={200: ReachRankingSerializer(many=True)},
        parameters=[OpenApiParameter("limit", int, description="Hoeveel contacten (standaard 50)")],
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        group, _level = get_visible(
            self.viewer,
            Group.objects.all(),
            via=AccessVia.API,
            path=request.get_full_path(),
            pk=pk,
        )
        limit = request.query_params.get("limit", "")
        size = min(int(limit), MAX_RANKING) if limit.isdigit() and int(limit) > 0 else 50
        rows = selectors.who_can_reach(self.viewer, group, limit=size)
        log_reads(
            self.viewer, [r.contact for r in rows], via=AccessVia.API, path=request.get_full_path()
        )
        context = {**self.get_serializer_context(), "viewer": self.viewer}
        return Response(
            [
                {
                    "rank": number,
                    "contact": ContactSerializer(row.contact, context=context).data,
                    "score": row.score,
                    "reasons": list(row.reasons),
                    "strength": row.reach.strength if row.reach else None,
                }
                for number, row in enumerate(rows, start=1)
            ]
        )
