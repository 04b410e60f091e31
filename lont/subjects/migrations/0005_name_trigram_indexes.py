"""Trigram indexes (PostgreSQL's pg_trgm) on the names people search by: a group's name and other
names, a person's alias. Fragments ("plei" finds "Pleinjongens") are found through them: the
signal list's search and group field, the group and person lists.

The expressions are the ones Django writes for ``icontains`` (``UPPER(col::text) LIKE UPPER(%s)``),
so the planner uses them. Other databases keep their plain substring match without an index.
"""

from django.db import migrations

INDEXES = {
    "subjects_group_name_trgm": "subjects_group USING gin ((UPPER(name::text)) gin_trgm_ops)",
    "subjects_group_other_names_trgm": (
        "subjects_group USING gin ((UPPER(other_names::text)) gin_trgm_ops)"
    ),
    "subjects_person_alias_trgm": "subjects_person USING gin ((UPPER(alias::text)) gin_trgm_ops)",
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, target in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("subjects", "0004_merge_0003_group_platforms_0003_member_role_passer_by"),
    ]

    operations = [
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
