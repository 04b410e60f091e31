"""URLs for the server-error tests: views that fail the way a lost database connection fails."""

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from lont.core.policies import PUBLIC, policy


@policy(PUBLIC)
def database_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError("server closed the connection unexpectedly")


@policy(PUBLIC)
def plain_bug(request: HttpRequest) -> HttpResponse:
    raise ZeroDivisionError


urlpatterns = [
    path("pagina/", database_gone),
    path("api/v1/schrijf/", database_gone),
    path("fout/", plain_bug),
    path("api/v1/fout/", plain_bug),
]

handler500 = "lont.core.errors.server_error"
