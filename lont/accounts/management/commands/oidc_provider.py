"""Configure sign-in through a partner organisation's identity provider from the command line
or a deployment script; the client secret comes from the environment, never an argument."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lont.accounts.models import OIDCProvider
from lont.core.scoping import system_context
from lont.networks.models import Organisation

SECRET_VARIABLE = "LONT_OIDC_CLIENT_SECRET"  # noqa: S105 - the name of a variable


class Command(BaseCommand):
    help = (
        "Create or update the OpenID Connect provider of one organisation "
        f"(client secret from ${SECRET_VARIABLE})."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--network", required=True, help="slug of the network")
        parser.add_argument("--organisation", required=True, help="name of the organisation")
        parser.add_argument("--issuer", required=True)
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--scopes", default="openid email profile")
        parser.add_argument("--mfa-replaces-totp", action="store_true")
        parser.add_argument("--amr", default="mfa otp hwk", help="accepted amr values")
        parser.add_argument("--acr", default="", help="accepted acr values")
        parser.add_argument("--inactive", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        with system_context("technical configuration of an organisation's sign-in"):
            organisation = Organisation.objects.filter(
                network__slug=options["network"], name=options["organisation"]
            ).first()
        if organisation is None:
            raise CommandError("Onbekende organisatie in dit netwerk.")
        provider = OIDCProvider.objects.filter(organisation=organisation).first()
        provider = provider or OIDCProvider(organisation=organisation)
        secret = os.environ.get(SECRET_VARIABLE, "")
        if secret:
            provider.set_client_secret(secret)
        elif not provider.client_secret:
            raise CommandError(f"Zet het client-secret in ${SECRET_VARIABLE}.")
        provider.issuer = options["issuer"]
        provider.client_id = options["client_id"]
        provider.scopes = options["scopes"]
        provider.mfa_replaces_totp = options["mfa_replaces_totp"]
        provider.accepted_amr = options["amr"]
        provider.accepted_acr = options["acr"]
        provider.is_active = not options["inactive"]
        provider.full_clean()
        provider.save()
        self.stdout.write(f"Inlogprovider voor {organisation.name}: {provider.issuer}")
