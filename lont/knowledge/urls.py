from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.KnowledgeIndexView.as_view(), name="index"),
    path("indicatoren/", views.IndicatorListView.as_view(), name="indicators"),
    path(
        "indicatoren/<int:pk>/wijzigen/", views.IndicatorEditView.as_view(), name="indicator_edit"
    ),
    path("<str:code>/", views.RecommendationDetailView.as_view(), name="detail"),
]
