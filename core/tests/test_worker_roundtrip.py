"""A real Celery worker takes a task from Redis and its effect lands in PostgreSQL.

Runs in CI (where it must not skip); locally it needs DATABASE_URL on
PostgreSQL and REDIS_URL set.
"""

import datetime
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from conftest import skip_or_fail
from core.tasks import clear_expired_sessions

BASE_DIR = Path(settings.BASE_DIR)


def _require_services():
    if not settings.REDIS_URL:
        skip_or_fail("REDIS_URL is not set, so there is no broker for a worker")
    if connection.vendor != "postgresql":
        skip_or_fail("DATABASE_URL does not point at PostgreSQL")
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        skip_or_fail(f"Redis is not reachable at {settings.REDIS_URL}: {error}")


def _test_database_url() -> str:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _start_worker(queue: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": _test_database_url()}
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "celery", "-A", "hscp", "worker"),
            *("--pool", "solo", "--queues", queue, "--loglevel", "INFO"),
            *("--without-mingle", "--without-gossip", "--without-heartbeat"),
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_consumes_a_task_from_redis_and_its_effect_is_in_postgresql():
    _require_services()
    Session.objects.create(
        session_key="expired" + uuid.uuid4().hex[:20],
        session_data="",
        expire_date=timezone.now() - datetime.timedelta(days=1),
    )
    queue = f"roundtrip-{uuid.uuid4().hex}"  # nothing else is ever routed here
    worker = _start_worker(queue)
    try:
        clear_expired_sessions.apply_async(queue=queue)
        deadline = time.monotonic() + 60
        while Session.objects.exists() and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.5)
        remaining = Session.objects.count()
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
    assert remaining == 0, f"the worker did not clear the session; its log:\n{output}"
    assert "clear_expired_sessions" in output and "succeeded" in output
