"""A real SMTP server on loopback for the tests (aiosmtpd): Django's SMTP backend talks to it and
the test reads the messages back."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller


class _Keep:
    def __init__(self) -> None:
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope.content)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def local_smtp(settings: Any) -> Iterator[list[bytes]]:
    """Start the server, point ``EMAIL_*`` at it; yields the raw messages as they arrive."""
    port = _free_port()
    handler = _Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    try:
        yield handler.received
    finally:
        controller.stop()


def parse(raw: bytes) -> tuple[Message, str]:
    """The message and its decoded text body."""
    message = message_from_bytes(raw)
    return message, message.get_payload(decode=True).decode()
