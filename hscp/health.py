"""Readiness checks for /healthz: each returns (ok, detail) and never raises."""

import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from notifications.models import ScanRun
from notifications.scanning import SCAN_NAME


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


def scan_status(now=None) -> tuple[bool, str, int | None]:
    """(ok, detail, age in seconds) of the last completed reminder scan.

    Stale (older than SCAN_STALE_AFTER_SECONDS, or never run) means beat or the workers have
    stopped, which fails the check. It is judged only when REDIS_URL is set: the embedded
    default runs no beat, so there the age is shown but never held against it.
    """
    try:
        finished = ScanRun.objects.filter(name=SCAN_NAME).values_list("last_finished_at", flat=True).first()
    except Exception as exc:
        return False, exc.__class__.__name__, None
    age = None if finished is None else max(0, int(((now or timezone.now()) - finished).total_seconds()))
    if not settings.REDIS_URL:
        return True, "not checked (no REDIS_URL)", age
    if age is None:
        return False, "never run", None
    if age > settings.SCAN_STALE_AFTER_SECONDS:
        return False, "stale", age
    return True, "ok", age
