"""Training's Celery task: thin and idempotent, calling a service."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from training.services import training_email_send


def _send(subject: str, body: str, to: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


@shared_task(
    acks_late=True, reject_on_worker_lost=True, autoretry_for=(OSError,), retry_backoff=60, max_retries=5
)
def send_training_email(email_id: int) -> bool:
    """E-mail one recorded message to a practitioner (who may have no account, so not through the
    notification system, whose recipients are Persons); sent once, retried on a mail server error."""
    return training_email_send(email_id=email_id, now=timezone.now(), send=_send)
