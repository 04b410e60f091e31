"""OpenAPI descriptions of the two API authentication methods (drf-spectacular).

Without them the schema check warns on every endpoint, and ``check --deploy --fail-level
WARNING`` fails. Imported by ``AccountsConfig.ready`` so the extensions register."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "lont.accounts.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Persoonlijk API-token: `Authorization: Token <token>`.",
        }


class VerifiedSessionScheme(OpenApiAuthenticationExtension):
    target_class = "lont.accounts.api.authentication.VerifiedSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}
