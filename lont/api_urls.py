"""The REST API: one router for all apps, with the OpenAPI schema and its documentation page."""

from typing import Any

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from lont.aftercare.api import views as aftercare_api
from lont.analyser.web.api import views as analyser_api
from lont.assessment.api import views as assessment_api
from lont.audit.api.views import AccessLogViewSet, ChangeLogViewSet
from lont.core.api.permissions import IsNetworkMember
from lont.core.policies import API
from lont.crisis.api import views as crisis_api
from lont.knowledge.api.views import IndicatorViewSet, RecommendationViewSet
from lont.networks.api.views import (
    CovenantVersionViewSet,
    MembershipViewSet,
    MyAccessView,
    NetworkViewSet,
    OrganisationViewSet,
)
from lont.notifications.api import views as notifications_api
from lont.peacetime.api import views as peacetime_api
from lont.presence.api import views as presence_api
from lont.privacy.api.views import SubjectRequestViewSet
from lont.riskcalendar.api import views as riskcalendar_api
from lont.signalregister.api import quality as signalregister_quality
from lont.signalregister.api import views as signalregister_api
from lont.signalregister.api import writes as signalregister_writes
from lont.socialmap.api.views import (
    ContactPersonLinkViewSet,
    ContactReachViewSet,
    ContactViewSet,
    GroupReachViewSet,
)
from lont.subjects.api import views as subjects_api

app_name = "api"


class LontRouter(DefaultRouter):
    def get_api_root_view(self, api_urls: Any = None) -> Any:
        view = super().get_api_root_view(api_urls)
        view.lont_policy = API  # type: ignore[attr-defined]
        view.cls.lont_policy = API  # type: ignore[attr-defined]
        view.cls.permission_classes = [IsNetworkMember]  # type: ignore[attr-defined]
        return view


router = LontRouter()
router.register("networks", NetworkViewSet, basename="network")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("members", MembershipViewSet, basename="member")
router.register("covenant-versions", CovenantVersionViewSet, basename="covenant-version")
router.register("recommendations", RecommendationViewSet, basename="recommendation")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("socialmap/contacts", ContactViewSet, basename="socialmap-contact")
router.register("socialmap/reach", ContactReachViewSet, basename="socialmap-reach")
router.register(
    "socialmap/person-links", ContactPersonLinkViewSet, basename="socialmap-person-link"
)
router.register("socialmap/group-reach", GroupReachViewSet, basename="socialmap-group-reach")
router.register("presence/platforms", presence_api.PlatformViewSet, basename="presence-platform")
router.register(
    "presence/accounts", presence_api.ProfessionalAccountViewSet, basename="presence-account"
)
router.register("presence/contacts", presence_api.ContactLogViewSet, basename="presence-contact")
router.register(
    "peacetime/visions", peacetime_api.VisionVersionViewSet, basename="peacetime-vision"
)
router.register("peacetime/sources", peacetime_api.SourceViewSet, basename="peacetime-source")
router.register(
    "peacetime/awareness", peacetime_api.AwarenessActivityViewSet, basename="peacetime-awareness"
)
router.register("notifications", notifications_api.NotificationViewSet, basename="notification")
router.register(
    "notification-preferences",
    notifications_api.PreferenceViewSet,
    basename="notification-preference",
)
router.register("audit/changes", ChangeLogViewSet, basename="change-log")
router.register("audit/access", AccessLogViewSet, basename="access-log")
router.register("privacy/requests", SubjectRequestViewSet, basename="privacy-request")
router.register("subjects/groups", subjects_api.GroupViewSet, basename="subjects-group")
router.register("subjects/persons", subjects_api.PersonViewSet, basename="subjects-person")
router.register(
    "subjects/memberships", subjects_api.MembershipViewSet, basename="subjects-membership"
)
router.register(
    "subjects/person-relations",
    subjects_api.PersonRelationViewSet,
    basename="subjects-person-relation",
)
router.register(
    "subjects/group-relations",
    subjects_api.GroupRelationViewSet,
    basename="subjects-group-relation",
)
router.register(
    "subjects/conflict-events",
    subjects_api.ConflictEventViewSet,
    basename="subjects-conflict-event",
)
router.register(
    "subjects/assessments", subjects_api.AssessmentViewSet, basename="subjects-assessment"
)
router.register("situations", assessment_api.SituationViewSet, basename="situation")
router.register("calendar/windows", riskcalendar_api.WindowViewSet, basename="calendar-window")
router.register("calendar/events", riskcalendar_api.EventViewSet, basename="calendar-event")
router.register("meetings", assessment_api.MeetingViewSet, basename="meeting")
router.register("actions", assessment_api.ActionViewSet, basename="action")
router.register("aftercare/plans", aftercare_api.PlanViewSet, basename="aftercare-plan")
router.register("aftercare/tasks", aftercare_api.PlanTaskViewSet, basename="aftercare-task")
router.register(
    "aftercare/exposure-reports", aftercare_api.ExposureReportViewSet, basename="aftercare-report"
)
router.register(
    "aftercare/evaluations", aftercare_api.EvaluationViewSet, basename="aftercare-evaluation"
)
router.register("aftercare/lessons", aftercare_api.LessonViewSet, basename="aftercare-lesson")
router.register("aftercare/rumours", aftercare_api.RumourViewSet, basename="aftercare-rumour")
router.register("aftercare/debunks", aftercare_api.DebunkViewSet, basename="aftercare-debunk")
router.register("incidents", crisis_api.IncidentViewSet, basename="incident")
router.register("incident-log", crisis_api.IncidentLogViewSet, basename="incident-log")
router.register("incident-tasks", crisis_api.IncidentTaskViewSet, basename="incident-task")
router.register("incident-posts", crisis_api.ReportedPostViewSet, basename="incident-post")
router.register("incident-messages", crisis_api.IncidentMessageViewSet, basename="incident-message")
router.register("incident-people", crisis_api.IncidentPersonViewSet, basename="incident-person")
router.register(
    "incident-readings", crisis_api.EscalationReadingViewSet, basename="incident-reading"
)
router.register("incident-outreach", crisis_api.OutreachViewSet, basename="incident-outreach")
router.register("signals", signalregister_writes.SignalWriteViewSet, basename="signal")
router.register("signal-notes", signalregister_api.ContextNoteViewSet, basename="signal-note")
router.register(
    "signal-engagement",
    signalregister_api.EngagementObservationViewSet,
    basename="signal-engagement",
)
router.register(
    "signal-attachments", signalregister_api.SignalAttachmentViewSet, basename="signal-attachment"
)
router.register("analyse/places", analyser_api.GazetteerPlaceViewSet, basename="analyser-place")
router.register("analyse/lexicon", analyser_api.LexiconEntryViewSet, basename="analyser-lexicon")


class SchemaView(SpectacularAPIView):
    lont_policy = API


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI with its script served separately, so the page obeys the CSP."""

    lont_policy = API


urlpatterns = [
    path("me/access/", MyAccessView.as_view(), name="my-access"),
    path("analyse/", analyser_api.AnalyseApiView.as_view(), name="analyse"),
    path("analyse/check/", analyser_api.MessageCheckApiView.as_view(), name="analyse-check"),
    path(
        "analyse/quality/",
        signalregister_quality.AnalyserQualityApiView.as_view(),
        name="analyse-quality",
    ),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
