"""Migration operations for models that moved between apps.

When the project package stopped being an app, its models moved to `core` and
`notifications` with their tables' names kept. A database built before the
move already has those tables (its `hscp` migrations made them); a new one does
not. `AdoptOrCreateModel` creates the table only where it is missing, so both
kinds of database end in the same state without losing a row.
"""

from django.db import migrations

# The last migration of the project package's own app before the move: a database that
# has the tables must have reached it, or its tables lack columns the new apps expect.
PREVIOUS_LAYOUT_MIGRATION = ("hscp", "0003_reminders_preferences_scans")


class AdoptOrCreateModel(migrations.CreateModel):
    """CreateModel that adopts the table when a database built at the previous layout has it."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.name)
        connection = schema_editor.connection
        if model._meta.db_table not in connection.introspection.table_names():
            super().database_forwards(app_label, schema_editor, from_state, to_state)
            return
        _require_previous_layout_complete(connection, model._meta.db_table)

    def describe(self):
        return f"Create model {self.name}, or adopt its table from the previous layout"


def _require_previous_layout_complete(connection, table: str) -> None:
    app, name = PREVIOUS_LAYOUT_MIGRATION
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM django_migrations WHERE app = %s AND name = %s", [app, name])
        if cursor.fetchone() is None:
            raise RuntimeError(
                f"The table {table} exists but the database never reached {app}.{name}. "
                "Migrate with the release before the layout change first, then with this one."
            )


def move_content_types(*, from_app: str, to_app: str, models: list[str]):
    """A RunPython that relabels the moved models' content types, so permissions granted on
    them (and any generic relation) follow the models instead of being left on stale rows."""

    def forwards(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        for model in models:
            if content_type.objects.filter(app_label=to_app, model=model).exists():
                continue
            content_type.objects.filter(app_label=from_app, model=model).update(app_label=to_app)

    return migrations.RunPython(forwards, migrations.RunPython.noop)
