from django.urls import path

from . import views, views_guard, views_proposals

app_name = "signalregister"

urlpatterns = [
    path("", views.SignalListView.as_view(), name="list"),
    path("personen/", views.PersonOptionsView.as_view(), name="person_options"),
    path("nieuw/", views.SignalCreateView.as_view(), name="create"),
    path("<int:pk>/", views.SignalDetailView.as_view(), name="detail"),
    path("<int:pk>/corrigeren/", views.SignalEditView.as_view(), name="edit"),
    path("<int:pk>/status/", views.SignalStatusView.as_view(), name="status"),
    path("<int:pk>/context/", views.ContextNoteCreateView.as_view(), name="note_create"),
    path("bijlage/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment"),
    path("stelselmatigheid/", views_guard.GuardReportView.as_view(), name="guard_report"),
    path("doorgegeven/", views_guard.HandoverListView.as_view(), name="handovers"),
    path(
        "tekstanalyse/",
        views_proposals.AnalyserQualityView.as_view(),
        name="analyser_quality",
    ),
]
