from django.urls import path

from . import views

app_name = "retention"

urlpatterns = [
    path("", views.RetentionIndexView.as_view(), name="index"),
    path("bewaarplicht/", views.LegalHoldCreateView.as_view(), name="hold_create"),
    path("bewaarplicht/<int:pk>/einde/", views.LegalHoldEndView.as_view(), name="hold_end"),
]
