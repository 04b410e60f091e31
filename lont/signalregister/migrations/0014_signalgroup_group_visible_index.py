"""The links of a searched group read from the index alone on PostgreSQL (issue 16).

The signal list's search finds, among other ways, the signals linked to a group whose name holds
the words (``selectors._search_keys``). It reads the links through the visibility layer, which
tests each link's copy of the signal's network, owning organisation and category; no index held
those, so PostgreSQL read every link of the group from the table: for the busiest group at the
large network 2,508 links on 1,650 table pages (a bitmap heap scan), against a few at demo size.
``signalgroup_group_visible`` (group) INCLUDE (network, signal_organisation, category, signal)
makes that read index-only: 44 pages. PostgreSQL only: SQLite builds the index on the group
alone.

Built with ``CREATE INDEX CONCURRENTLY`` on PostgreSQL, so the links take writes while it is
built (a non-atomic migration, as 0012).
"""

from django.db import migrations, models

from lont.core.migration_operations import AddIndexConcurrentlyOnPostgres


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("signalregister", "0013_new_signals_covering_index"),
    ]

    operations = [
        AddIndexConcurrentlyOnPostgres(
            model_name="signalgroup",
            index=models.Index(
                fields=["group"],
                include=["network", "signal_organisation", "category", "signal"],
                name="signalgroup_group_visible",
            ),
        ),
    ]
