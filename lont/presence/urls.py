from django.urls import path

from . import views

app_name = "presence"

urlpatterns = [
    path("", views.PresenceIndexView.as_view(), name="index"),
    path("platforms/nieuw/", views.PlatformCreateView.as_view(), name="platform_create"),
    path("platforms/<int:pk>/", views.PlatformDetailView.as_view(), name="platform"),
    path("platforms/<int:pk>/wijzigen/", views.PlatformUpdateView.as_view(), name="platform_edit"),
    path(
        "platforms/<int:pk>/beoordelen/", views.PlatformReviewView.as_view(), name="platform_review"
    ),
    path("rooster/nieuw/", views.AccountCreateView.as_view(), name="account_create"),
    path("rooster/<int:pk>/", views.AccountDetailView.as_view(), name="account"),
    path("rooster/<int:pk>/wijzigen/", views.AccountUpdateView.as_view(), name="account_edit"),
    path("rooster/<int:pk>/contact/", views.ContactLogView.as_view(), name="contact_log"),
    path("activiteiten/nieuw/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("activiteiten/<int:pk>/", views.ActivityDetailView.as_view(), name="activity"),
    path(
        "activiteiten/<int:pk>/wijzigen/",
        views.ActivityUpdateView.as_view(),
        name="activity_edit",
    ),
]
