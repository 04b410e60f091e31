from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lont.core"
    label = "core"
    verbose_name = "Lont — kern"
