"""Database triggers that refuse UPDATE, DELETE (and TRUNCATE) on both logs, underneath the ORM
and the admin. Only an explicit maintenance switch on the connection lets them through
(``lont.audit.dbguard``): production never sets it; the test database sets it so it can be flushed."""

from django.db import migrations

TABLES = ["audit_changelogentry", "audit_accesslogentry"]


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION lont_refuse_log_change() RETURNS trigger AS $$ "
            "BEGIN "
            "IF coalesce(current_setting('lont.log_maintenance', true), 'off') <> 'on' THEN "
            "RAISE EXCEPTION 'append-only log: % refused', TG_OP; END IF; "
            "RETURN NULL; END; $$ LANGUAGE plpgsql;",
            params=None,  # the '%' is plpgsql's, not a query placeholder
        )
    for table in TABLES:
        if vendor == "sqlite":
            for op in ("UPDATE", "DELETE"):
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                    f"WHEN lont_log_maintenance() = 0 "
                    f"BEGIN SELECT RAISE(ABORT, 'append-only log: {op} refused'); END;"
                )
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION lont_refuse_log_change();"
            )


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            for op in ("update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{op}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
