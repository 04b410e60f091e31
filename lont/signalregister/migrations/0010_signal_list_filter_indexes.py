"""Indexes for the signal list filtered through a link table (by a group or an indicator).

Such a list reads the links first and then each linked signal by its key, to test the visibility
filter (network, owning organisation, category), the list's own filters (status, source type,
the dates) and to sort by ``observed_at``. Without a covering index each probe reads the signal's
table page, and PostgreSQL's planner prices ~2,500 of them above a parallel scan of every signal
(40 ms at 200,000 signals, and growing with the register). With ``signal_key_with_list_filters``
the probe is index-only and the planner takes the nested loop, which costs the group's links,
not the register (6-10 ms for the busiest of 1,000 groups). PostgreSQL only (``INCLUDE``):
SQLite has no covering indexes and keeps its plans.

An indicator's links are read index-only by (indicator, signal), as a group's already were
(migration 0008): the indicator filter no longer walks the whole register by date probing each
signal for the indicator (250 ms for the busiest indicator at 200,000 signals; 100 ms with it).
"""

from django.db import migrations, models

COVERING = "signal_key_with_list_filters"
CREATE_COVERING = (
    f"CREATE INDEX IF NOT EXISTS {COVERING} ON signalregister_signal (id) "
    "INCLUDE (network_id, organisation_id, category, status, source_type, observed_at)"
)


def create_covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_COVERING)


def drop_covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {COVERING}")


class Migration(migrations.Migration):
    dependencies = [
        ("signalregister", "0009_merge_indexes_and_window"),
    ]

    operations = [
        migrations.RunPython(create_covering_index, drop_covering_index, elidable=False),
        migrations.AddIndex(
            model_name="signalindicator",
            index=models.Index(
                fields=["indicator", "signal"], name="signalind_indicator_signal"
            ),
        ),
    ]
