"""Database triggers that keep the incident log append-only underneath the ORM (as the audit logs,
``audit/0002``): an UPDATE is always refused; a DELETE only goes through for the lines of a
*gesloten* incident, which retention deletes with the incident. The audit maintenance switch
(``lont.audit.dbguard``, test databases only) lets both through."""

from django.db import migrations

TABLE = "crisis_incidentlogentry"


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
            "WHEN lont_log_maintenance() = 0 "
            "BEGIN SELECT RAISE(ABORT, 'append-only incident log: UPDATE refused'); END;"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
            "WHEN lont_log_maintenance() = 0 AND coalesce((SELECT state FROM crisis_incident "
            "WHERE id = OLD.incident_id), 'gesloten') <> 'gesloten' "
            "BEGIN SELECT RAISE(ABORT, 'append-only incident log: DELETE refused'); END;"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION lont_refuse_incident_log_change() RETURNS trigger AS $$ "
            "BEGIN "
            "IF coalesce(current_setting('lont.log_maintenance', true), 'off') = 'on' THEN "
            "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END IF; "
            "IF TG_OP = 'DELETE' AND coalesce((SELECT state FROM crisis_incident "
            "WHERE id = OLD.incident_id), 'gesloten') = 'gesloten' THEN RETURN OLD; END IF; "
            "RAISE EXCEPTION 'append-only incident log: % refused', TG_OP; "
            "END; $$ LANGUAGE plpgsql;",
            params=None,
        )
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION lont_refuse_incident_log_change();"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
            "FOR EACH STATEMENT EXECUTE FUNCTION lont_refuse_log_change();"
        )


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for op in ("update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_{op}")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("crisis", "0001_initial"), ("audit", "0002_append_only_triggers")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
