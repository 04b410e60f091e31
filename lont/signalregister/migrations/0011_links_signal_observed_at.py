"""Group and indicator links carry their signal's ``observed_at`` (the signal list's sort key).

The list filtered by an indicator read every link of the indicator and then each linked signal to
sort them (~8,700 links for the busiest indicator at 200,000 signals, and growing with the
register); filtered by a group and a period, it read every signal of the period. With the sort
key on the link, migration 0012's indexes read the links newest first and stop at the page (see
``selectors.signal_list``). The copy is made on save (``follow_signal``) and re-synced by a
correction (``services._resync_children``).

The columns are added empty, filled from the signals in one UPDATE per table (each rewrites every
link row: on PostgreSQL writes to the links wait for it; about 20 s for 400,000 links) and then
made NOT NULL.
"""

from django.db import migrations, models

LINKS = ("signalgroup", "signalindicator")


def fill(table: str) -> str:
    return (
        f"UPDATE signalregister_{table} SET signal_observed_at = ("
        "SELECT observed_at FROM signalregister_signal"
        f" WHERE signalregister_signal.id = signalregister_{table}.signal_id)"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("signalregister", "0010_signal_list_filter_indexes"),
    ]

    operations = [
        operation
        for link in LINKS
        for operation in (
            migrations.AddField(
                model_name=link,
                name="signal_observed_at",
                field=models.DateTimeField(editable=False, null=True),
            ),
            migrations.RunSQL(fill(link), migrations.RunSQL.noop, elidable=False),
            migrations.AlterField(
                model_name=link,
                name="signal_observed_at",
                field=models.DateTimeField(editable=False),
            ),
        )
    ]
