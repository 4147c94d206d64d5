from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone


@shared_task
def clear_expired_sessions() -> int:
    """Delete sessions past their expiry, so old logins do not pile up."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=600,  # well below the broker's visibility timeout
)
def send_notification_email(self, notification_id: int) -> str:
    """E-mail one recorded notification; retried with backoff when sending fails."""
    from hscp.notifications import notification_claim, notification_send_email

    notification = notification_claim(notification_id=notification_id)
    if notification is None:
        return "skipped"
    try:
        notification_send_email(notification=notification)
    except Exception as error:
        raise self.retry(exc=error) from error
    return "sent"
