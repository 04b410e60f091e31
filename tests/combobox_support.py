"""Checks shared by the tests of forms that choose groups, people or situations by typing (the
combobox of ``lont.core.combobox``): the page stays the same size as the network grows, the
options endpoint offers only what the reader may see, a hidden row posted by id is refused like
an unknown one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

UNKNOWN_ID = 987_654


def page_and_queries(client: Client, url: str) -> tuple[str, int]:
    """The page and the queries it took, measured warm: the first request of a process also
    reads the covenant version it then keeps."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode(), len(queries)


def assert_flat(
    client: Client, url: str, add_rows: Callable[[int], list[str]], *, max_queries: int
) -> None:
    """Given 5 rows, then 50: the form page reads as often and is as long (the CSRF token
    differs per request, but not in length), and names none of the rows."""
    names = add_rows(5)
    small, small_queries = page_and_queries(client, url)
    names += add_rows(45)
    large, large_queries = page_and_queries(client, url)
    assert large_queries == small_queries <= max_queries, (small_queries, large_queries)
    assert len(large) == len(small)
    assert not [name for name in names if name in large]


def options(client: Client, url_name: str, field: str, text: str) -> str:
    """What the options endpoint answers to ``text`` typed in ``field`` (as htmx asks)."""
    query = {"veld": field, field: text, "lijst": f"id_{field}-opties"}
    response = client.get(reverse(url_name), query)
    assert response.status_code == 200
    return response.content.decode()


def field_errors(response: Any, field: str, form: str = "form") -> list[str]:
    assert response.status_code == 400, response.status_code
    return [str(e) for e in response.context[form].errors[field]]


def assert_refused_alike(
    client: Client, url: str, data: dict[str, Any], field: str, hidden_id: int
) -> None:
    """A row the reader may not see, posted by id, is refused with the same Dutch message as
    an id that does not exist (a field of several names the ids it refuses)."""
    hidden = field_errors(client.post(url, {**data, field: str(hidden_id)}), field)
    unknown = field_errors(client.post(url, {**data, field: str(UNKNOWN_ID)}), field)
    assert [e.replace(str(hidden_id), "#") for e in hidden] == [
        e.replace(str(UNKNOWN_ID), "#") for e in unknown
    ]
    assert "geldige keuze" in " ".join(hidden)
