"""The DPIA follows the covenant: a version that changes sharing marks it for review."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from lont.networks.signals import covenant_activated

from .services import dpia_covenant_changed


@receiver(covenant_activated, dispatch_uid="privacy.dpia_covenant_changed")
def _covenant_activated(sender: Any, *, version: Any, previous: Any, **kwargs: Any) -> None:
    dpia_covenant_changed(version=version, previous=previous)
