"""Signals of the network domain, for apps that follow the covenant without networks knowing them."""

from django.dispatch import Signal

# Sent inside the transaction that activates a new covenant version: ``version``, ``previous``
# (the version it replaces, or None).
covenant_activated = Signal()
