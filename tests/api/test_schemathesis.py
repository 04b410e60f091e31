"""Schemathesis over the whole OpenAPI schema, in the suite (issue 8): every operation, a
bounded number of generated cases each, as the network director and as a summary-level
reader, through the Django WSGI app (no network, no server). Zero 5xx, zero responses that
disagree with the schema, and no reader response carries a canary (``api_world``).

``LONT_SCHEMATHESIS_EXAMPLES`` raises the number of cases per operation for a deeper run."""

from __future__ import annotations

import os
import time
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import response_schema_conformance

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("LONT_SCHEMATHESIS_EXAMPLES", "6"))
CHECKS = [not_a_server_error, response_schema_conformance]


def _schema() -> Any:
    document = SchemaGenerator().get_schema(request=None, public=True)
    return schemathesis.openapi.from_dict(document)


def _fuzz(operation: Any, call: Any) -> None:
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        call(case)

    run()


def _run(caller: str, world: Any) -> dict[str, Any]:
    """Every operation with ``EXAMPLES`` cases; failures collected (the first per operation and
    kind), so one run reports all of them."""
    app = WSGIHandler()
    headers = {"Authorization": f"Token {world.tokens[caller]}"}
    forbidden = world.canaries if caller == "reader" else world.foreign
    failures: dict[str, str] = {}
    counts = {"operations": 0, "cases": 0}

    for result in _schema().get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        counts["operations"] += 1

        def call(case: Any, label: str = label) -> None:
            counts["cases"] += 1
            response = case.call(app=app, headers=headers)
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except (FailureGroup, Failure) as error:
                failures.setdefault(f"{label} schema", str(error)[:1500])
            leaked = [c for c in forbidden if c in response.text]
            if leaked:
                failures.setdefault(f"{label} canary", f"{response.status_code}: {leaked}")

        _fuzz(operation, call)
    return {"failures": failures, **counts}


@pytest.fixture
def _keep_the_test_connection() -> Any:
    """Django closes the database connection at the end of every request it serves through the
    WSGI handler; inside a test's transaction that would end the test's connection (PostgreSQL;
    SQLite's in-memory database is never closed). Django's test client unhooks the same signal."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("caller", ["director", "reader"])
def test_the_whole_schema_holds_for(caller, api_world, _keep_the_test_connection):
    started = time.monotonic()
    outcome = _run(caller, api_world)
    seconds = time.monotonic() - started
    print(
        f"\nschemathesis as {caller}: {outcome['operations']} operations, "
        f"{outcome['cases']} cases, {seconds:.0f} s"
    )
    assert outcome["operations"] >= 90
    assert outcome["failures"] == {}, "\n\n".join(
        f"{key}\n{text}" for key, text in sorted(outcome["failures"].items())
    )
