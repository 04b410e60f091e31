"""An indicator link carries its signal's ``observed_at`` (the signal list's sort key).

The list filtered by an indicator read every link of the indicator and then each linked signal to
sort them: ~8,700 links for the busiest indicator at 200,000 signals, and growing with the
register. With the sort key on the link, migration 0012's index reads the links newest first and
stops at the page (see ``selectors.signal_list``). The copy is made on save
(``SignalIndicator.follow_signal``) and re-synced by a correction (``services._resync_children``).

The column is added empty, filled from the signals in one UPDATE (it rewrites every link row:
on PostgreSQL writes to the links wait for it; about 20 s for 400,000 links) and then made
NOT NULL.
"""

from django.db import migrations, models

FILL = (
    "UPDATE signalregister_signalindicator SET signal_observed_at = ("
    "SELECT observed_at FROM signalregister_signal"
    " WHERE signalregister_signal.id = signalregister_signalindicator.signal_id)"
)


class Migration(migrations.Migration):
    dependencies = [
        ("signalregister", "0010_signal_list_filter_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="signalindicator",
            name="signal_observed_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop, elidable=False),
        migrations.AlterField(
            model_name="signalindicator",
            name="signal_observed_at",
            field=models.DateTimeField(editable=False),
        ),
    ]
