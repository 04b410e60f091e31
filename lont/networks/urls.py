from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("", views.NetworkOverviewView.as_view(), name="overview"),
    path("leden/", views.MemberListView.as_view(), name="members"),
    path("leden/<int:pk>/", views.MemberDetailView.as_view(), name="member_detail"),
    path(
        "leden/<int:pk>/deactiveren/",
        views.MemberDeactivateView.as_view(),
        name="member_deactivate",
    ),
    path("convenant/", views.CovenantView.as_view(), name="covenant"),
    path("convenant/wijzigen/", views.CovenantEditView.as_view(), name="covenant_edit"),
    path("convenant/versies/", views.CovenantHistoryView.as_view(), name="covenant_history"),
    path("convenant/versies/<int:number>/", views.CovenantView.as_view(), name="covenant_version"),
    path("convenant/pdf/", views.CovenantPdfView.as_view(), name="covenant_pdf"),
    path(
        "convenant/versies/<int:number>/pdf/",
        views.CovenantPdfView.as_view(),
        name="covenant_version_pdf",
    ),
    # The suggestions of a member field (a task's or an action's owner; htmx).
    path("leden/opties/", views.MemberOptionsView.as_view(), name="member_options"),
]
