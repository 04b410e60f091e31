"""A lost database connection answers a Dutch 503 with Retry-After (JSON for API clients); any
other server error a Dutch 500 — never Django's English page or a stack trace (issue 16, part 5)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.urls("core.server_error_urls")


@pytest.fixture
def client() -> Client:
    return Client(raise_request_exception=False)


def test_database_gone_on_a_page_is_a_dutch_503_with_retry_after(client: Client) -> None:
    response = client.get("/pagina/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert '<html lang="nl"' in page
    assert "Er is niets opgeslagen of gewijzigd" in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_database_gone_on_the_api_is_json_503(client: Client) -> None:
    response = client.post("/api/v1/schrijf/", {"a": 1})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "5"
    assert "probeer het over enkele seconden opnieuw" in response.json()["detail"]


@pytest.mark.parametrize(("path", "json"), [("/fout/", False), ("/api/v1/fout/", True)])
def test_other_errors_are_a_dutch_500_without_details(
    client: Client, path: str, json: bool
) -> None:
    response = client.get(path)
    assert response.status_code == 500
    assert "Retry-After" not in response
    body = response.json()["detail"] if json else response.content.decode()
    assert "Er ging iets mis aan onze kant" in body
    assert "ZeroDivisionError" not in body
