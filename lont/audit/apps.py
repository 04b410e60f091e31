from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "lont.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from . import changelog, dbguard  # noqa: F401 - connect signal handlers
