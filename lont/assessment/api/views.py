"""Read API: situations (level and explanation at the viewer's access), meetings, actions."""

from __future__ import annotations

from lont.core.api.views import VisibleReadOnlyViewSet

from ..models import Action, CaseMeeting, Situation
from .serializers import ActionSerializer, MeetingSerializer, SituationSerializer


class SituationViewSet(VisibleReadOnlyViewSet):
    queryset = Situation.objects.select_related("organisation").order_by("-score", "pk")
    serializer_class = SituationSerializer
    required_permission = "case.read"


class MeetingViewSet(VisibleReadOnlyViewSet):
    queryset = CaseMeeting.objects.prefetch_related("participants").order_by("-date", "-pk")
    serializer_class = MeetingSerializer
    required_permission = "case.read"


class ActionViewSet(VisibleReadOnlyViewSet):
    queryset = Action.objects.select_related("item").order_by("due_date", "pk")
    serializer_class = ActionSerializer
    required_permission = "case.read"
