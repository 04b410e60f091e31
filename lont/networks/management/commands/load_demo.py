from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from lont.networks.demo import DEMO_PASSWORD, demo_totp_secret, load_demo


class Command(BaseCommand):
    help = "Load the fictional Voorbeeldstad demo network (idempotent) and print the demo accounts."

    def handle(self, *args: Any, **options: Any) -> None:
        members = load_demo()
        base = settings.LONT_BASE_URL
        self.stdout.write(
            self.style.SUCCESS("\nDemo network Voorbeeldstad is ready (all data fictional).")
        )
        self.stdout.write(f"\n  Log in at:  {base}/account/inloggen/")
        self.stdout.write(f"  Password for every demo account:  {DEMO_PASSWORD}")
        self.stdout.write("  Second factor: add the TOTP secret to an authenticator app, or run")
        self.stdout.write("  `make otp USER=<e-mail>` for the current 6-digit code.\n")
        width = max(len(m.email) for m in members)
        self.stdout.write(f"  {'account'.ljust(width)}  {'role':16}  TOTP secret")
        for m in members:
            self.stdout.write(f"  {m.email.ljust(width)}  {m.role:16}  {demo_totp_secret(m.email)}")
        self.stdout.write("")
