"""The notification model now belongs to ``lont.notifications`` (its 0001 took over the table).

State only: the rows stay where they are; nothing is dropped.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("signalregister", "0003_dutch_verbose_names"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Notification")],
            database_operations=[],
        ),
    ]
