"""Readiness checks for /healthz: each returns (ok, detail) and never raises."""

import redis
from django.conf import settings
from django.db import connection


def database_status() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "down"; the detail says which
        return False, exc.__class__.__name__
    return True, "ok"


def broker_status() -> tuple[bool, str]:
    broker_url = settings.CELERY_BROKER_URL
    if broker_url.startswith("memory://"):
        return True, "in-process"
    try:
        client = redis.Redis.from_url(broker_url, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
    except Exception as exc:
        return False, exc.__class__.__name__
    return True, "ok"
