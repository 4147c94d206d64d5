"""A database built at the previous layout (the project package as an app, with the demo
loaded) migrates to this one without losing a row.

The previous layout's code is taken from git history and run in a subprocess: it
migrates a fresh database and loads the demo, then this checkout migrates the same
database. On PostgreSQL when DATABASE_URL points there (CI), on SQLite otherwise.
"""

import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# The last commit of the previous layout (hscp as an app holding ClosureDay and the notifications).
PREVIOUS_LAYOUT = "3440d1e92fedb48b7b170d0a5e23ad04e28452e8"
# Tables whose rows Django itself adds to as apps appear; every other table must keep its count.
GROWING_TABLES = {"django_migrations", "django_content_type", "auth_permission"}
UPGRADE_DATABASE = "hscp_upgrade_test"

ROWS_ONLY_THE_OLD_LAYOUT_HAD = """
import datetime
from django.utils import timezone
from governance.models import Person
from hscp.models import ClosureDay, Notification, NotificationPreference, ScanRun
person = Person.objects.order_by("pk").first()
ClosureDay.objects.create(date=datetime.date(2026, 12, 29), reason="Christmas closure")
Notification.objects.create(recipient=person, kind="action_due_today", key="k1", subject="s", body="b")
NotificationPreference.objects.create(person=person, kind="action_due_today", delivery="digest")
now = timezone.now()
ScanRun.objects.create(name="reminders", last_started_at=now, last_finished_at=now)
"""

READ_BACK_WITH_THIS_LAYOUT = """
from django.contrib.contenttypes.models import ContentType
from core.models import ClosureDay
from notifications.models import Notification, NotificationPreference, ScanRun
print(ClosureDay.objects.count(), Notification.objects.count(), NotificationPreference.objects.count(),
      ScanRun.objects.count(), ContentType.objects.filter(app_label="hscp").count())
"""


def _previous_layout_source(into: Path) -> Path:
    try:
        archive = subprocess.run(
            ["git", "-C", str(BASE_DIR), "archive", "--format=tar", PREVIOUS_LAYOUT],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        # Not a missing service but a shallow clone: nothing to build the old database from.
        pytest.skip(f"the previous layout's commit is not in this clone's history: {error}")
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _fresh_database(workdir: Path) -> str:
    """A new, empty database on the server the suite uses (PostgreSQL), or a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / 'upgrade.sqlite3'}"
    parts = urlsplit(url)
    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {UPGRADE_DATABASE}")
        cursor.execute(f"CREATE DATABASE {UPGRADE_DATABASE}")
    admin.close()
    return urlunsplit(parts._replace(path=f"/{UPGRADE_DATABASE}"))


def _manage(cwd: Path, database_url: str, *args: str) -> str:
    # No REDIS_URL: both layouts run tasks in-process, as on the embedded default.
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="hscp.settings", PYTHONPATH=str(cwd))
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _row_counts(database_url: str) -> dict[str, int]:
    if database_url.startswith("sqlite:///"):
        connection = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        ]
    else:
        connection = psycopg2.connect(database_url)
        with connection.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            tables = [name for (name,) in cursor.fetchall()]
    counts = {}
    cursor = connection.cursor()
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    connection.close()
    return counts


def test_a_database_at_the_previous_layout_with_the_demo_migrates_without_losing_a_row():
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        old_code = _previous_layout_source(workdir / "previous")
        database_url = _fresh_database(workdir)
        _manage(old_code, database_url, "migrate", "--noinput", "-v0")
        _manage(old_code, database_url, "load_demo")
        _manage(old_code, database_url, "shell", "--no-imports", "-c", ROWS_ONLY_THE_OLD_LAYOUT_HAD)
        before = _row_counts(database_url)

        _manage(BASE_DIR, database_url, "migrate", "--noinput", "-v0")
        after = _row_counts(database_url)
        read_back = _manage(BASE_DIR, database_url, "shell", "--no-imports", "-c", READ_BACK_WITH_THIS_LAYOUT)

    assert before["governance_action"] > 0 and before["governance_meeting"] > 0, "the demo did not load"
    kept = {table: count for table, count in before.items() if table not in GROWING_TABLES}
    assert {table: after.get(table) for table in kept} == kept
    # The moved models read their old tables, and their content types moved with them.
    assert read_back.split() == ["1", "1", "1", "1", "0"]
