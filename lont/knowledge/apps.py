from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_guide(sender: AppConfig, **kwargs: Any) -> None:
    from .services import guide_sync

    guide_sync()


def _seed_indicators(network: Any) -> None:
    from .services import indicators_seed

    indicators_seed(network=network)


class KnowledgeConfig(AppConfig):
    name = "lont.knowledge"
    label = "knowledge"
    verbose_name = "Kennisbank"

    def ready(self) -> None:
        from lont.networks.services import on_network_created

        post_migrate.connect(_sync_guide, sender=self, dispatch_uid="lont.knowledge.sync")
        # A new network starts with the guide's indicator catalogue (networks knows no knowledge).
        on_network_created(_seed_indicators)
