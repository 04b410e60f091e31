from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lont.accounts import totp
from lont.accounts.models import TOTPDevice


class Command(BaseCommand):
    help = "Print the current TOTP code of a demo account (demo mode only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Alleen beschikbaar in demomodus.")
        device = TOTPDevice.objects.filter(user__email=options["email"].lower()).first()
        if device is None:
            raise CommandError(f"Geen account met tweestapsverificatie: {options['email']}")
        self.stdout.write(totp.current_code(totp.device_secret(device)))
