"""REST API of the social map: contacts, their reach to groups and links to people, and the
"who can reach group X?" ranking. Same visibility layer, services and access log as the pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.api.views import ApiViewMixin, ServiceViewSet
from lont.core.filters import int_param
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


@extend_schema_view(
    list=extend_schema(parameters=FILTER_PARAMETERS),
    create=extend_schema(request=ContactWriteSerializer, responses={201: ContactSerializer}),
    update=extend_schema(request=ContactWriteSerializer, responses={200: ContactSerializer}),
    partial_update=extend_schema(
        request=ContactWriteSerializer, responses={200: ContactSerializer}
    ),
    destroy=extend_schema(
        parameters=[OpenApiParameter("reden", str, description="Reden van verwijderen")]
    ),
)
class ContactViewSet(ServiceViewSet):
    """Contacts of the social map. Rows the caller may only see as a summary carry
    ``access: "summary"`` and no name, role or channels."""

    serializer_class = ContactSerializer
    write_serializer_class = ContactWriteSerializer
    queryset = Contact.objects.select_related("organisation")
    full_update = True
    delete_minimum = Access.FULL

    def base_queryset(self) -> QuerySet[Contact]:
        return selectors.contact_queryset(self.viewer)

    def get_queryset(self) -> QuerySet[Contact]:
        if getattr(self, "swagger_fake_view", False):
            return Contact.objects.none()
        return selectors.contacts(self.viewer, selectors.parse_filters(self.request.query_params))

    def _resolved(self, data: dict[str, Any]) -> dict[str, Any]:
        member_id = data.get("member")
        if member_id is not None:
            data["member"] = (
                visible(self.viewer, Membership.objects.all()).filter(pk=member_id).first()
            )
            if data["member"] is None:
                raise ValidationError({"member": [_("Dit lid hoort niet bij dit netwerk.")]})
        return data

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.contact_create(viewer=self.viewer, **self._resolved(data))

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        return services.contact_update(viewer=self.viewer, contact=obj, **self._resolved(data))

    def service_delete(self, obj: Any) -> None:
        reason = str(self.request.query_params.get("reden", ""))
        services.contact_delete(viewer=self.viewer, contact=obj, reason=reason)


def _full_contact(viewset: ServiceViewSet, pk: Any) -> Contact:
    path = viewset.request.get_full_path()
    return selectors.full_contact(viewset.viewer, pk, via=AccessVia.API, path=path)


def _visible_or_invalid(queryset: Any, pk: Any, field: str, message: str) -> Any:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: [message]})
    return found


@extend_schema_view(
    create=extend_schema(
        request=ContactReachWriteSerializer, responses={201: ContactReachSerializer}
    ),
    update=extend_schema(
        request=ContactReachWriteSerializer, responses={200: ContactReachSerializer}
    ),
    partial_update=extend_schema(
        request=ContactReachWriteSerializer, responses={200: ContactReachSerializer}
    ),
)
class ContactReachViewSet(ServiceViewSet):
    """Which groups a contact reaches and how well: only for contacts the caller sees in full
    and groups the caller may see."""

    serializer_class = ContactReachSerializer
    write_serializer_class = ContactReachWriteSerializer
    queryset = ContactReach.objects.select_related("group")
    full_update = True

    def base_queryset(self) -> QuerySet[ContactReach]:
        return ContactReach.objects.select_related("group").filter(
            contact__in=visible(self.viewer, Contact.objects.all(), minimum=Access.FULL),
            group__in=selectors.visible_groups(self.viewer),
        )

    def service_create(self, data: dict[str, Any]) -> Any:
        return services.reach_set(
            viewer=self.viewer,
            contact=_full_contact(self, data["contact"]),
            group=_visible_or_invalid(
                selectors.visible_groups(self.viewer),
                data["group"],
                "group",
                _("Deze groep bestaat niet of is voor u niet zichtbaar."),
            ),
            strength=data["strength"],
            how=data.get("how", ""),
            since=data.get("since"),
        )

    def service_update(self, obj: Any, data: dict[str, Any]) -> Any:
        if (data.get("contact", obj.contact_id), data.get("group", obj.group_id)) != (
            obj.contact_id,
            obj.group_id,
        ):
            raise ValidationError(_("Contact en groep van bestaand bereik kunnen niet wijzigen."))
        return self.service_create(
            {
                "strength": obj.strength,
                "how": obj.how,
                "since": obj.since,
                **data,
                "contact": obj.contact_id,
                "group": obj.group_id,
            }
        )

    def service_delete(self, obj: Any) -> None:
        services.reach_remove(viewer=self.viewer, reach=obj)


@extend_schema_view(
    create=extend_schema(
        request=ContactPersonLinkWriteSerializer, responses={201: ContactPersonLinkSerializer}
    )
)
class ContactPersonLinkViewSet(ServiceViewSet):
    """Which people (by alias) a contact knows: only contacts seen in full, people the caller
    may see."""

    serializer_class = ContactPersonLinkSerializer
    write_serializer_class = ContactPersonLinkWriteSerializer
    queryset = ContactPersonLink.objects.select_related("person")

    def base_queryset(self) -> QuerySet[ContactPersonLink]:
        return ContactPersonLink.objects.select_related("person").filter(
            contact__in=visible(self.viewer, Contact.objects.all(), minimum=Access.FULL),
            person__in=selectors.visible_persons(self.viewer),
        )

    def service_create(self, data: dict[str, Any]) -> Any:
        person = _visible_or_invalid(
            selectors.visible_persons(self.viewer),
            data["person"],
            "person",
            _("Deze persoon bestaat niet of is voor u niet zichtbaar."),
        )
        return services.person_link_add(
            viewer=self.viewer,
            contact=_full_contact(self, data["contact"]),
            person=person,
            relation=data["relation"],
        )

    def service_delete(self, obj: Any) -> None:
        services.person_link_remove(viewer=self.viewer, link=obj)


class GroupReachViewSet(ApiViewMixin, viewsets.GenericViewSet):
    """ "Wie kan groep X bereiken?": contacts ranked for a group the caller may see, each with
    the reasons (in Dutch) for its place. Contacts seen as a summary carry no name."""

    queryset = Group.objects.all()
    serializer_class = ReachRankingSerializer
    required_permission = "case.read"
    shows_personal_data = True
    pagination_class = None  # one ranking, bounded by ``limit``: documented as the list it is

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
        size = min(int_param(request.query_params, "limit") or 50, MAX_RANKING)
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
