"""The notification model moves here from the signal register without touching its rows.

State only: the model takes over the existing table ``signalregister_notification`` (created by
``signalregister.0001``); ``0002`` then gives the table this app's name.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("networks", "0001_initial"),
        ("signalregister", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("text", models.CharField(max_length=300, verbose_name="tekst")),
                        (
                            "url",
                            models.CharField(blank=True, max_length=300, verbose_name="link"),
                        ),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "network",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="networks.network",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="lont_notifications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "melding",
                        "verbose_name_plural": "meldingen",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["user", "read_at"], name="notification_user_unread"
                            )
                        ],
                        "db_table": "signalregister_notification",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
