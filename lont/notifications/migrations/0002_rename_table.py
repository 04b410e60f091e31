"""Give the table this app's name, and carry the content type (and its permissions) along.

``ALTER TABLE … RENAME`` keeps every row, the index and the id sequence on SQLite and PostgreSQL.
Runs after the signal register has let go of the model (``signalregister.0004``).
"""

from django.db import migrations


def move_content_type(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if content_type.objects.using(db).filter(app_label="notifications", model="notification"):
        return  # created already (e.g. by an earlier partial run); the old one stays harmless
    content_type.objects.using(db).filter(app_label="signalregister", model="notification").update(
        app_label="notifications"
    )


def move_content_type_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if content_type.objects.using(db).filter(app_label="signalregister", model="notification"):
        return
    content_type.objects.using(db).filter(app_label="notifications", model="notification").update(
        app_label="signalregister"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("notifications", "0001_initial"),
        ("signalregister", "0004_notification_moved_to_notifications_app"),
    ]

    operations = [
        migrations.AlterModelTable(name="notification", table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
