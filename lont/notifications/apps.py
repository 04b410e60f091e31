from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "lont.notifications"
    label = "notifications"
    verbose_name = "Meldingen"
