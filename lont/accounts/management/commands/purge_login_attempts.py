from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lont.accounts.lockout import purge_login_attempts
from lont.core import context


class Command(BaseCommand):
    help = "Verwijder inlogpogingen die ouder zijn dan hun bewaartermijn (dagelijks, via cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        with context.acting(via="command"):
            deleted = purge_login_attempts()
        self.stdout.write(f"Verwijderd: {deleted} inlogpogingen.")
