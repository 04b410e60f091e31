from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_guide(sender: AppConfig, **kwargs: Any) -> None:
    from .services import guide_sync

    guide_sync()


class KnowledgeConfig(AppConfig):
    name = "lont.knowledge"
    label = "knowledge"
    verbose_name = "Kennisbank"

    def ready(self) -> None:
        post_migrate.connect(_sync_guide, sender=self, dispatch_uid="lont.knowledge.sync")
