"""Trigram indexes for the action log's search, on PostgreSQL only (issue 9 point 7).

The search matches each word anywhere in an action's text or its owners' names
(`icontains`, which PostgreSQL runs as `UPPER(column::text) LIKE UPPER('%word%')`).
A GIN index of trigrams over exactly that expression lets the planner answer it from
the index instead of reading the whole log. SQLite has no such index; there the
search stays bounded by its word and length caps.
"""

from django.db import migrations

# (index name, table, column): the expressions match Django's icontains on PostgreSQL.
TRIGRAM_INDEXES = [
    ("governance_action_description_trgm", "governance_action", "description"),
    ("governance_action_title_trgm", "governance_action", "title"),
    ("governance_action_reference_trgm", "governance_action", "reference"),
    ("governance_action_source_label_trgm", "governance_action", "source_label"),
    ("governance_person_name_trgm", "governance_person", "name"),
]


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # A trusted extension since PostgreSQL 13: a database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("governance", "0010_quorum_counting_and_not_recorded")]

    operations = [migrations.RunPython(create_trigram_indexes, drop_trigram_indexes)]
