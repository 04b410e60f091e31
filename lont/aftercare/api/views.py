"""Read API of aftercare, through the visibility layer (a staff report: reporter and own lead)."""

from __future__ import annotations

from lont.core.api.views import VisibleReadOnlyViewSet
from lont.networks.choices import Access

from ..models import AftercarePlan, Debunk, Evaluation, ExposureReport, Lesson, PlanTask, Rumour
from . import serializers as s


class PlanViewSet(VisibleReadOnlyViewSet):
    queryset = AftercarePlan.objects.order_by("-created_at", "-pk")
    serializer_class = s.PlanSerializer
    required_permission = "case.read"


class PlanTaskViewSet(VisibleReadOnlyViewSet):
    queryset = PlanTask.objects.order_by("due_date", "pk")
    serializer_class = s.PlanTaskSerializer
    required_permission = "case.read"


class ExposureReportViewSet(VisibleReadOnlyViewSet):
    queryset = ExposureReport.objects.order_by("-occurred_on", "-pk")
    serializer_class = s.ExposureReportSerializer
    minimum_access = Access.FULL


class EvaluationViewSet(VisibleReadOnlyViewSet):
    queryset = Evaluation.objects.order_by("-created_at", "-pk")
    serializer_class = s.EvaluationSerializer


class LessonViewSet(VisibleReadOnlyViewSet):
    queryset = Lesson.objects.order_by("evaluation", "pk")
    serializer_class = s.LessonSerializer


class RumourViewSet(VisibleReadOnlyViewSet):
    queryset = Rumour.objects.order_by("-created_at", "-pk")
    serializer_class = s.RumourSerializer
    required_permission = "case.read"


class DebunkViewSet(VisibleReadOnlyViewSet):
    queryset = Debunk.objects.select_related("rumour").order_by("-updated_at", "-pk")
    serializer_class = s.DebunkSerializer
    required_permission = "case.read"
