from django.urls import path

from .views import meetings, options, other, situations

app_name = "assessment"

urlpatterns = [
    path("", other.DashboardView.as_view(), name="dashboard"),
    path("situaties/", situations.SituationListView.as_view(), name="situations"),
    path("situaties/opties/", options.SituationOptionsView.as_view(), name="situation_options"),
    path("situaties/nieuw/", situations.SituationCreateView.as_view(), name="situation_create"),
    path("situaties/<int:pk>/", situations.SituationDetailView.as_view(), name="situation_detail"),
    path(
        "situaties/<int:pk>/bijdragen/",
        situations.SituationContributionsView.as_view(),
        name="situation_contributions",
    ),
    path(
        "situaties/<int:pk>/bewerken/",
        situations.SituationEditView.as_view(),
        name="situation_edit",
    ),
    path(
        "situaties/<int:pk>/signalen/",
        situations.SituationLinkView.as_view(),
        name="situation_link",
    ),
    path(
        "situaties/<int:pk>/volgen/",
        situations.SituationFollowView.as_view(),
        name="situation_follow",
    ),
    path(
        "situaties/<int:pk>/ontkoppelen/<int:signal_pk>/",
        situations.AutoLinkUndoView.as_view(),
        name="autolink_undo",
    ),
    path("overleggen/", meetings.MeetingListView.as_view(), name="meetings"),
    path("overleggen/nieuw/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("overleggen/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting_detail"),
    path("overleggen/<int:pk>/verslag/", meetings.MinutesView.as_view(), name="minutes"),
    path("overleggen/<int:pk>/verslag.pdf", meetings.MinutesPdfView.as_view(), name="minutes_pdf"),
    path("overleggen/<int:pk>/sluiten/", meetings.MeetingCloseView.as_view(), name="meeting_close"),
    path("agendapunten/<int:pk>/<slug:step>/", meetings.ItemStepView.as_view(), name="item_step"),
    path("acties/", other.ActionsBoardView.as_view(), name="actions"),
    path("acties/<int:pk>/", other.ActionUpdateView.as_view(), name="action_update"),
    path("eerlijkheid/", other.FairnessView.as_view(), name="fairness"),
    path("parameters/", other.ParametersView.as_view(), name="parameters"),
]
