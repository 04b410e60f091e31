"""The move of the notification table out of the signal register keeps every row.

Given the database as it was before the move (signal register 0003) with notifications in
``signalregister_notification``, when migrating forward, then the same rows are in
``notifications_notification`` and new rows get fresh ids; and backwards again without loss.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from factories import UserFactory

BEFORE = [("signalregister", "0003_dutch_verbose_names")]
AFTER = [
    ("signalregister", "0004_notification_moved_to_notifications_app"),
    ("notifications", "0002_rename_table"),
    ("notifications", "0004_event_email_preferences"),  # the model as it is now
]


def _migrate(targets: list[tuple[str, str]] | None = None) -> None:
    """To ``targets``, or (without) to the latest migration of every app."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return int(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_notification_rows_survive_the_move_to_the_notifications_app():
    user = UserFactory()
    try:
        _migrate(BEFORE)
        with connection.cursor() as cursor:
            for text in ("een", "twee", "drie"):
                cursor.execute(
                    "INSERT INTO signalregister_notification (user_id, text, url, created_at) "
                    "VALUES (%s, %s, '', CURRENT_TIMESTAMP)",
                    [user.pk, text],
                )

        _migrate(AFTER)

        from lont.notifications.models import Notification

        assert sorted(Notification.objects.values_list("text", flat=True)) == [
            "drie",
            "een",
            "twee",
        ]
        assert Notification.objects.create(user=user, text="vier").pk > 3
        _migrate(BEFORE)
        assert _count("signalregister_notification") == 4
    finally:
        _migrate()
