"""Migration operations shared by the apps' migrations."""

from typing import Any

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations


class AddIndexConcurrentlyOnPostgres(AddIndexConcurrently):
    """``AddIndexConcurrently`` on PostgreSQL, a plain ``AddIndex`` elsewhere.

    On PostgreSQL the table takes writes while the index is built; the migration must be
    non-atomic (``atomic = False``), and a failed build leaves an INVALID index to drop before
    migrating again."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._on_vendor("database_forwards", app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._on_vendor("database_backwards", app_label, schema_editor, from_state, to_state)

    def _on_vendor(self, step: str, app_label: str, schema_editor: Any, *states: Any) -> None:
        concurrently = schema_editor.connection.vendor == "postgresql"
        operation = AddIndexConcurrently if concurrently else migrations.AddIndex
        getattr(operation, step)(self, app_label, schema_editor, *states)
