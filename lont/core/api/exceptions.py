"""The one DRF exception handler (``REST_FRAMEWORK["EXCEPTION_HANDLER"]``): every API error is
JSON with a Dutch ``detail``, and the errors services raise in Django's vocabulary get their
HTTP meaning here instead of in every viewset."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from lont.core import guards
from lont.core.filters import BadFilter


def _validation_detail(error: ValidationError) -> Any:
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
    return error.messages


def _translate(exc: Exception) -> Exception:
    """Django's and the domain's exceptions as their DRF counterpart."""
    if isinstance(exc, ValidationError):
        return exceptions.ValidationError(_validation_detail(exc))
    if isinstance(exc, BadFilter):
        return exceptions.ValidationError({"detail": exc.message})
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied(str(exc) or _("U heeft hier geen toegang toe."))
    if isinstance(exc, Http404):
        return exceptions.NotFound(_("Niet gevonden."))
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ProtectedError):
        body = {"detail": guards.protected_reason(exc)}
        return Response(body, status=status.HTTP_409_CONFLICT)
    response = drf_exception_handler(_translate(exc), context)
    if response is None:
        return None  # a real server error: Django's 500 handling and logging
    if isinstance(response.data, list):
        response.data = {"detail": " ".join(str(m) for m in response.data), "errors": response.data}
    elif isinstance(response.data, dict) and "detail" not in response.data:
        response.data = {"detail": _("De invoer is niet geldig."), **response.data}
    return response
