"""End to end on the production shape: a real Celery worker, Redis and PostgreSQL.

The worker is a separate process, so it cannot share this test's locmem outbox:
it runs with EMAIL_URL=filemail://… and writes each e-mail to a file, and the
test reads those files and the notification rows in PostgreSQL. Runs in CI
(where it must not skip); locally it needs DATABASE_URL on PostgreSQL and REDIS_URL.
"""

import datetime
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.utils import timezone

from core.tests.test_worker_roundtrip import BASE_DIR, _require_services, _test_database_url
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.helpers_reminders import make_action
from notifications.models import Notification, NotificationState, ScanRun
from notifications.tasks import scan_reminders

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(tmp_path):
    """A worker on a queue of its own, sending e-mail to files under tmp_path/mail."""
    _require_services()
    queue = f"reminders-{uuid.uuid4().hex}"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        # Every task the worker queues (the e-mails) goes to its own queue, not a shared one.
        "CELERY_QUEUE": queue,
        "EMAIL_URL": f"filemail:///{mail_dir}",
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "hscp", "worker"),
                *("--pool", "solo", "--queues", queue, "--loglevel", "INFO"),
                *("--without-mingle", "--without-gossip", "--without-heartbeat"),
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        yield queue, mail_dir, log_path
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(condition, log_path: Path, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out; the worker's log:\n{log_path.read_text()}")


def _emails(mail_dir: Path) -> list[str]:
    """The messages the file backend wrote (each file may hold several, split by dashes)."""
    messages = []
    for path in sorted(mail_dir.iterdir()):
        messages += [part for part in path.read_text().split("-" * 79) if "Subject:" in part]
    return messages


def _scan_and_wait(queue, log_path):
    before = ScanRun.objects.filter(name="reminders").values_list("last_finished_at", flat=True).first()
    scan_reminders.apply_async(queue=queue)
    _wait_for(
        lambda: (
            ScanRun.objects.filter(name="reminders").values_list("last_finished_at", flat=True).first()
            not in (None, before)
        ),
        log_path,
    )


def test_a_due_action_produces_exactly_one_email_and_one_notification(worker):
    queue, mail_dir, log_path = worker
    owner = PersonFactory(name="Emma Field", email="emma.field@council.example.org")
    due = timezone.localdate() + datetime.timedelta(days=7)
    action = make_action(GroupFactory(short_name="EDU"), owners=[owner], due=due)

    _scan_and_wait(queue, log_path)
    _wait_for(lambda: Notification.objects.filter(state=NotificationState.SENT).exists(), log_path)
    _scan_and_wait(queue, log_path)  # a second run finds it recorded and sends nothing
    time.sleep(2)  # room for any (wrong) second e-mail task to run

    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (owner, "action_due_soon")
    assert notification.state == NotificationState.SENT
    assert notification.attempts == 1
    emails = _emails(mail_dir)
    assert len(emails) == 1, emails
    assert "To: emma.field@council.example.org" in emails[0]
    assert f"Subject: Action {action.number} (EDU) is due on" in emails[0]


def test_an_email_claimed_by_a_worker_that_died_is_sent_by_a_later_scan(worker, settings):
    queue, mail_dir, log_path = worker
    stuck = Notification.objects.create(
        recipient=PersonFactory(email="olive.owner@school.example.org"),
        kind="action_due_today",
        key="action_due_today:action:1:1:",
        subject="Action 1 (EDU) is due today",
        body="It is due today.",
        state=NotificationState.SENDING,
        attempts=1,
        claimed_at=timezone.now()
        - datetime.timedelta(seconds=settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS + 60),
    )
    _scan_and_wait(queue, log_path)
    _wait_for(lambda: Notification.objects.get(pk=stuck.pk).state == NotificationState.SENT, log_path)
    assert Notification.objects.get(pk=stuck.pk).attempts == 2
    emails = _emails(mail_dir)
    assert len(emails) == 1 and "To: olive.owner@school.example.org" in emails[0]
