"""The server-error answer: a Dutch page for people, JSON for API clients, never a stack trace.

When the database is briefly away (a restart, a fail-over) a request cannot be served, but it also
changed nothing: every write runs in a transaction that never committed. That is a *503* with
``Retry-After`` — the client may simply try again — not a 500 that suggests a bug. Django calls
``handler500`` from inside its exception handler, so the exception is still at hand here.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 5
DATABASE_ERRORS = (OperationalError, InterfaceError)


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def _database_unavailable() -> bool:
    return isinstance(sys.exc_info()[1], DATABASE_ERRORS)


def server_error(request: HttpRequest) -> HttpResponse:
    if _database_unavailable():
        status = 503
        message = _(
            "Lont is even niet bereikbaar. Er is niets opgeslagen of gewijzigd; probeer het over "
            "enkele seconden opnieuw."
        )
    else:
        status = 500
        message = _(
            "Er ging iets mis aan onze kant. Er is niets gewijzigd; de fout is vastgelegd voor de "
            "beheerder."
        )
    if wants_json(request):
        response: HttpResponse = JsonResponse({"detail": message}, status=status)
    else:
        # Rendered without the request: the context processors read the database.
        page = loader.get_template("500.html").render({"message": message, "status": status})
        response = HttpResponse(page, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
