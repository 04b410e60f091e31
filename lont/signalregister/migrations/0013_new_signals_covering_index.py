"""The dashboard's "new since your last visit" counted from the index alone (issue 16).

The dashboard counts the visible signals registered since the reader's last visit up to a cap
(``capped_count``: at most 1,001 rows). ``signal_network_registered`` (network, registered_at)
finds them in order, but the visibility filter (owning organisation or a category the covenant
shares) made PostgreSQL read every one of those rows from the table: 1,009 pages and 1.9 ms at
the large network, against nothing at demo size. With the two columns of the filter in the index
(``INCLUDE``) the count is an index-only scan: 11 pages, 0.27 ms. PostgreSQL only: SQLite has no
covering indexes and keeps the index as the model declares it.
"""

from django.db import migrations

INDEX = "signal_network_registered"
COVERING = (
    f"CREATE INDEX {INDEX} ON signalregister_signal (network_id, registered_at DESC) "
    "INCLUDE (organisation_id, category)"
)
PLAIN = f"CREATE INDEX {INDEX} ON signalregister_signal (network_id, registered_at DESC)"


def _replace(schema_editor, create):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(create)


def cover(apps, schema_editor):
    _replace(schema_editor, COVERING)


def uncover(apps, schema_editor):
    _replace(schema_editor, PLAIN)


class Migration(migrations.Migration):
    dependencies = [
        ("signalregister", "0012_signal_list_order_indexes"),
    ]

    operations = [
        migrations.RunPython(cover, uncover, elidable=False),
    ]
