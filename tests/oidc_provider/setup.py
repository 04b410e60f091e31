"""Fills the provider's database: ``python -m oidc_provider.setup '<json>'`` with users
(email, password, groups) and one client (client_id, client_secret, redirect_uris,
post_logout_redirect_uris). Run again to add users or redirect URIs."""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oidc_provider.settings")
django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402


def main(spec: dict) -> None:
    for entry in spec.get("users", []):
        user, _ = User.objects.get_or_create(username=entry["email"])
        user.email = entry["email"]
        user.first_name = entry.get("name", "")
        user.set_password(entry["password"])
        user.save()
        user.groups.set([Group.objects.get_or_create(name=g)[0] for g in entry.get("groups", [])])
    client = spec.get("client")
    if client:
        app = Application.objects.filter(client_id=client["client_id"]).first() or Application(
            client_id=client["client_id"]
        )
        app.name = "Lont"
        app.client_secret = client["client_secret"]
        app.client_type = Application.CLIENT_CONFIDENTIAL
        app.authorization_grant_type = Application.GRANT_AUTHORIZATION_CODE
        app.algorithm = Application.RS256_ALGORITHM
        app.skip_authorization = True
        app.redirect_uris = " ".join(client["redirect_uris"])
        app.post_logout_redirect_uris = " ".join(client.get("post_logout_redirect_uris", []))
        app.save()


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
