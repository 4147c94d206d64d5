"""The levels most partnerships start with (issue 14: foundation, advanced, specialist); an admin
changes the list in the Django admin."""

from django.db import migrations

LEVELS = [("Foundation", 1), ("Advanced", 2), ("Specialist", 3)]


def add_levels(apps, schema_editor):
    CourseLevel = apps.get_model("training", "CourseLevel")
    for name, order in LEVELS:
        CourseLevel.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(add_levels, migrations.RunPython.noop)]
