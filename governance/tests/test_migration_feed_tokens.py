"""The migration that hashes calendar feed tokens keeps every address already in a calendar
working. The suite runs without migrations, so this one migrates a fresh SQLite database
in a subprocess: up to the last migration that stored raw tokens, a feed made there, then on.
"""

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
RAW = "raw-token-from-before-the-migration"


def _manage(database: Path, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "true"}
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )


def _insert_row(db: sqlite3.Connection, table: str, **values) -> int:
    """A row with the given values and a plain value in every other required column."""
    plain = {"INTEGER": 0, "BOOL": 1, "REAL": 0, "DATE": "2026-01-01", "DATETIME": "2026-01-01 00:00"}
    for _, name, kind, not_null, _, is_key in db.execute(f"PRAGMA table_info({table})"):
        if not_null and not is_key and name not in values:
            values[name] = next((v for k, v in plain.items() if kind.upper().startswith(k)), "")
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values())).lastrowid


def test_an_address_made_before_tokens_were_hashed_still_opens_its_feed_after_the_migration(tmp_path):
    database = tmp_path / "before.sqlite3"
    _manage(database, "migrate", "governance", "0003_calendar_feed_tokens", "--noinput", "-v0")
    with sqlite3.connect(database) as db:
        group_id = _insert_row(db, "governance_group", name="Old Group", kind="subgroup")
        db.execute(
            "INSERT INTO governance_calendarfeedtoken (token, group_id, created_at)"
            " VALUES (?, ?, '2026-01-01')",
            [RAW, group_id],
        )
    _manage(database, "migrate", "governance", "0004_calendar_feed_token_hashed", "--noinput", "-v0")
    with sqlite3.connect(database) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(governance_calendarfeedtoken)")]
        stored = db.execute("SELECT token_hash, revoked_at FROM governance_calendarfeedtoken").fetchall()
    assert "token" not in columns
    # The feed view looks a token up by exactly this hash, so the old address finds its row.
    assert stored == [(hashlib.sha256(RAW.encode()).hexdigest(), None)]
