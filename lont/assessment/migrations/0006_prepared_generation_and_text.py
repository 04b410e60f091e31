from django.db import migrations, models
import django.db.models.deletion


def forget_prepared(apps, schema_editor):
    # Derived rows in the old shape (text inside ``data``): the next recompute prepares them again.
    apps.get_model("assessment", "PreparedContribution").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0005_prepared_contribution"),
        ("signalregister", "0009_merge_indexes_and_window"),
    ]

    operations = [
        migrations.AddField(
            model_name="preparedcontribution",
            name="generation",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="preparedcontribution",
            name="text",
            field=models.JSONField(default=list),
        ),
        migrations.AlterField(
            model_name="preparedcontribution",
            name="data",
            field=models.TextField(),
        ),
        migrations.CreateModel(
            name="SignalGeneration",
            fields=[
                (
                    "signal",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="assessment_generation",
                        serialize=False,
                        to="signalregister.signal",
                    ),
                ),
                ("generation", models.PositiveBigIntegerField(default=0)),
            ],
        ),
        # Last: on PostgreSQL a table with pending (deferred) foreign-key checks cannot be altered.
        migrations.RunPython(forget_prepared, migrations.RunPython.noop),
    ]
