from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "lont.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        from lont.core import reads

        from . import changelog, dbguard  # noqa: F401 - connect signal handlers
        from .access import log_reads
        from .selectors import object_history

        # Core logs reads and shows histories through these hooks; the logs live here (a layer up).
        reads.set_read_logger(log_reads)
        reads.set_history_source(object_history)
