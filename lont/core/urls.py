from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("vredestijd/", views.PhaseView.as_view(phase="peacetime"), name="phase_peacetime"),
    path("crisis/", views.PhaseView.as_view(phase="crisis"), name="phase_crisis"),
    path("nazorg/", views.PhaseView.as_view(phase="aftercare"), name="phase_aftercare"),
    path("netwerk-wisselen/", views.switch_network, name="switch_network"),
    path("health/", views.health, name="health"),
]
