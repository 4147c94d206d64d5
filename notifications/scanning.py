"""The one reminder scan: every registered scan, run in turn, recorded as one ScanRun.

Celery beat runs `scans_run` (through `notifications.tasks.scan_reminders`) every few
minutes, and `manage.py scan_reminders` runs it once. Each registered scan returns the
messages due now in batches; each batch is recorded with one look-up of the keys sent
before, so running the scan twice, or on two workers at once, sends each message once.
A scan that fails does not stop the others, but the run is then not recorded as
completed, so /healthz shows the scan going stale. E-mails whose task was lost are
queued again at the end of every run.
"""

import datetime
import logging
import time

from django.utils import timezone

from core.partnership import read_once
from notifications import registry
from notifications.models import ScanRun
from notifications.services import notifications_requeue_stuck, notify_many

logger = logging.getLogger(__name__)

# The ScanRun row /healthz reads.
SCAN_NAME = "reminders"


class ScanFailed(Exception):
    pass


def send_messages(messages) -> int:
    """Notify each message's recipients (notify()'s rules, for the batch at once: keys recorded
    before are skipped in one query and the new notifications inserted together)."""
    return len(notify_many(messages))


def scans_run(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Run every registered scan at `now`; returns how many notifications each created, and
    how many lost e-mails were queued again."""
    started = time.monotonic()
    now = now or timezone.now()
    counts = {}
    failures = []
    with read_once():  # the partnership's settings and closure days, once for the whole run
        for scan in registry.scans():
            try:
                counts[scan.name] = sum(send_messages(batch) for batch in scan.function(now))
            except Exception:
                logger.exception("Reminder scan: %s failed", scan.name)
                failures.append(scan.name)
    counts["emails_requeued"] = notifications_requeue_stuck(now=now)
    if failures:
        raise ScanFailed(f"Reminder scan parts failed: {', '.join(failures)}")
    ScanRun.objects.update_or_create(
        name=SCAN_NAME,
        defaults={
            "last_started_at": now,
            "last_finished_at": timezone.now(),
            "last_duration_ms": int((time.monotonic() - started) * 1000),
            "last_counts": counts,
        },
    )
    return counts
