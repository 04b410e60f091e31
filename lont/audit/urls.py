from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.AuditIndexView.as_view(), name="index"),
    path("export/", views.AuditExportView.as_view(), name="export"),
]
