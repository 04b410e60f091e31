from django.urls import path

from . import views

app_name = "riskcalendar"

urlpatterns = [
    path("", views.MonthView.as_view(), name="month"),
    path("lijst/", views.WindowListView.as_view(), name="list"),
    path("venster/nieuw/", views.WindowCreateView.as_view(), name="window_create"),
    path("venster/<int:pk>/", views.WindowDetailView.as_view(), name="window_detail"),
    path("venster/<int:pk>/wijzigen/", views.WindowUpdateView.as_view(), name="window_update"),
    path("venster/<int:pk>/verwijderen/", views.WindowDeleteView.as_view(), name="window_delete"),
    path(
        "venster/<int:pk>/geschiedenis/", views.WindowHistoryView.as_view(), name="window_history"
    ),
    path("gebeurtenis/nieuw/", views.EventCreateView.as_view(), name="event_create"),
    path("gebeurtenis/<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("gebeurtenis/<int:pk>/verwijderen/", views.EventDeleteView.as_view(), name="event_delete"),
    path("agenda/", views.FeedSettingsView.as_view(), name="feed_settings"),
    path("agenda/<str:token>.ics", views.FeedView.as_view(), name="feed"),
]
