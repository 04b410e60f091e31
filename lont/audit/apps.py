from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "lont.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from lont.core import reads

        from . import changelog, dbguard  # noqa: F401 - connect signal handlers
        from .access import log_reads

        # Core logs reads through this hook; the log itself lives here (one layer up).
        reads.set_read_logger(log_reads)
