from django.urls import path

from . import views

app_name = "peacetime"

urlpatterns = [
    path("visie/", views.VisionIndexView.as_view(), name="vision_index"),
    path("visie/nieuw/", views.VisionCreateView.as_view(), name="vision_create"),
    path(
        "visie/netwerk/nieuw/",
        views.NetworkVisionCreateView.as_view(),
        name="network_vision_create",
    ),
    path("visie/vergelijken/", views.VisionCompareView.as_view(), name="compare"),
    path("visie/<int:pk>/", views.VisionDetailView.as_view(), name="vision"),
    path("visie/<int:pk>/vaststellen/", views.VisionApproveView.as_view(), name="vision_approve"),
    path("visie/termen/", views.LabelListView.as_view(), name="labels"),
    path(
        "visie/termen/<int:pk>/verwijderen/", views.LabelDeleteView.as_view(), name="label_delete"
    ),
    path("bronnen/", views.SourceListView.as_view(), name="sources"),
    path("bronnen/nieuw/", views.SourceCreateView.as_view(), name="source_create"),
    path("bronnen/<int:pk>/", views.SourceUpdateView.as_view(), name="source_edit"),
    path("bewustwording/", views.AwarenessView.as_view(), name="awareness"),
    path("bewustwording/nieuw/", views.AwarenessCreateView.as_view(), name="awareness_create"),
    path("bewustwording/<int:pk>/", views.AwarenessUpdateView.as_view(), name="awareness_edit"),
    path(
        "bewustwording/organisatie/<int:organisation_id>/",
        views.ProfileEditView.as_view(),
        name="profile_edit",
    ),
    path("bewustwording/jaaroverzicht/", views.YearOverviewView.as_view(), name="year_overview"),
]
