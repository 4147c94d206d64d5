"""Celery tasks: thin and idempotent, each calling a service."""

import logging

from celery import shared_task
from celery.signals import beat_init

from notifications.scanning import scans_run
from notifications.services import digests_send, notification_claim, notification_send_email

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    # Attempts are counted on the notification itself (NOTIFICATION_MAX_ATTEMPTS), so a
    # re-queued e-mail and a Celery retry share one budget.
    max_retries=None,
)
def send_notification_email(self, notification_id: int) -> str:
    """E-mail one recorded notification; retried with backoff (capped below the broker's
    visibility timeout) when sending fails, then marked failed for an admin to resend."""
    notification = notification_claim(notification_id=notification_id)
    if notification is None:
        return "skipped"
    outcome = notification_send_email(notification=notification)
    if outcome.retry_in is None:
        return outcome.state
    if self.request.is_eager:
        # In-process (the embedded default) there is no broker to hold a delayed retry, and
        # waiting here would hold up the request: the next scan queues it again when it is due.
        return outcome.state
    raise self.retry(countdown=outcome.retry_in)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def scan_reminders() -> dict:
    """Run every registered scan (each app's reminders), record the run, re-queue lost e-mails."""
    return scans_run()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_daily_digests() -> int:
    """Once the digest hour has passed, e-mail each person their waiting notifications."""
    return digests_send()


@beat_init.connect
def _scan_when_beat_starts(sender=None, **kwargs):
    # An interval schedule first fires one interval after beat starts; scanning at once
    # means a fresh deployment's /healthz need not wait for it.
    try:
        scan_reminders.delay()
    except Exception:  # the broker may not be up yet; the schedule will catch up
        logger.exception("Could not queue the first reminder scan")
