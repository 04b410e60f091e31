from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.NotificationListView.as_view(), name="inbox"),
    path("voorkeuren/", views.PreferencesView.as_view(), name="preferences"),
    path("ongelezen/", views.UnreadCountView.as_view(), name="unread"),
]
