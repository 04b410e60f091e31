from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lont.core"
    label = "core"
    verbose_name = "Lont — kern"

    def ready(self) -> None:
        from . import lookups

        # ``__in`` with a long list is one array parameter on PostgreSQL (see the module).
        lookups.register()
