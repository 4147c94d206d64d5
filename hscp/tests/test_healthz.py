import datetime

import pytest
import time_machine
from django.db import OperationalError

from governance.tests.helpers_reminders import london
from hscp import health
from notifications.models import ScanRun

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _embedded_default(settings):
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "memory://"


def test_healthz_is_200_when_database_and_broker_are_up(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broker": "in-process",
        "scan": "not checked (no REDIS_URL)",
        "scan_age_seconds": None,
    }


def test_healthz_needs_no_login_and_shows_no_data(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert set(response.json()) == {"status", "database", "broker", "scan", "scan_age_seconds"}


def test_healthz_is_503_when_the_broker_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "ok"


def test_healthz_is_503_when_the_database_is_down(client, settings, monkeypatch):
    class BrokenCursor:
        def __enter__(self):
            raise OperationalError("connection refused")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(health.connection, "cursor", BrokenCursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "OperationalError"
    assert response.json()["broker"] == "in-process"


# The reminder scan ------------------------------------------------------------------

NOW = london(2026, 3, 12, 9)


def _scan_finished(seconds_ago):
    finished = NOW - datetime.timedelta(seconds=seconds_ago)
    ScanRun.objects.create(name="reminders", last_started_at=finished, last_finished_at=finished)


@pytest.fixture
def with_redis(settings, monkeypatch):
    """Redis configured (so beat is expected), with the broker check itself stubbed as up."""
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    monkeypatch.setattr(health, "broker_status", lambda: (True, "ok"))


def test_healthz_shows_the_age_of_the_last_completed_scan(client, with_redis):
    _scan_finished(seconds_ago=240)
    with time_machine.travel(NOW, tick=False):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["scan"] == "ok"
    assert response.json()["scan_age_seconds"] == 240


def test_healthz_is_503_when_the_scan_is_stale(client, with_redis, settings):
    settings.SCAN_STALE_AFTER_SECONDS = 900
    _scan_finished(seconds_ago=901)
    with time_machine.travel(NOW, tick=False):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert (response.json()["scan"], response.json()["scan_age_seconds"]) == ("stale", 901)


def test_the_stale_threshold_is_a_setting(client, with_redis, settings):
    settings.SCAN_STALE_AFTER_SECONDS = 3600
    _scan_finished(seconds_ago=901)
    with time_machine.travel(NOW, tick=False):
        assert client.get("/healthz").status_code == 200


def test_healthz_is_503_when_no_scan_has_ever_completed_with_redis(client, with_redis):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["scan"] == "never run"


def test_on_the_embedded_default_an_old_scan_is_shown_but_not_held_against_it(client):
    _scan_finished(seconds_ago=86400)
    with time_machine.travel(NOW, tick=False):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["scan_age_seconds"] == 86400


def test_a_scan_updates_the_age_healthz_shows(client, with_redis, scan_at):
    scan_at(NOW - datetime.timedelta(minutes=3))
    with time_machine.travel(NOW, tick=False):
        response = client.get("/healthz")
    assert (response.status_code, response.json()["scan_age_seconds"]) == (200, 180)
