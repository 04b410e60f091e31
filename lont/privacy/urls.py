from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("verzoeken/", views.RequestListView.as_view(), name="requests"),
    path("verzoeken/nieuw/", views.RequestStartView.as_view(), name="request_start"),
    path("verzoeken/<int:pk>/", views.RequestDetailView.as_view(), name="request_detail"),
    path(
        "verzoeken/<int:pk>/goedkeuren/",
        views.RequestApproveView.as_view(),
        name="request_approve",
    ),
    path("verzoeken/<int:pk>/zoeken/", views.RequestSearchView.as_view(), name="request_search"),
    path("verzoeken/<int:pk>/kiezen/", views.RequestChooseView.as_view(), name="request_choose"),
    path(
        "verzoeken/<int:pk>/uitkomst/", views.RequestOutcomeView.as_view(), name="request_outcome"
    ),
    path("verzoeken/<int:pk>/rapport.pdf", views.ReportPdfView.as_view(), name="report_pdf"),
    path("verzoeken/<int:pk>/rapport.json", views.ReportJsonView.as_view(), name="report_json"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("register/pdf/", views.RegisterPdfView.as_view(), name="register_pdf"),
    path("register/risico/", views.RiskAddView.as_view(), name="risk_add"),
    path("register/vaststellen/", views.DpiaSignView.as_view(), name="dpia_sign"),
]
