"""Tell people things: record a notification, then e-mail it after the commit.

Every message is first stored with a unique key (kind, subject, recipient,
occasion); creating it again is a no-op, so callers may run twice safely.
E-mail is sent by a Celery task queued only once the transaction commits.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from hscp.models import Notification, NotificationState


def notification_key(*, kind: str, subject_ref: str, recipient_id: int, occasion: str = "") -> str:
    return f"{kind}:{subject_ref}:{recipient_id}:{occasion}"[:255]


def notify(
    *,
    recipients: Iterable,
    kind: str,
    subject_ref: str,
    subject: str,
    body: str,
    url: str = "",
    occasion: str = "",
) -> list[Notification]:
    """Record one notification per active recipient (Person) and queue its e-mail.

    `subject_ref` names what it is about (e.g. "meeting:12"), `occasion`
    distinguishes repeats that are meant (e.g. the date of a daily warning).
    Returns the notifications created now; ones recorded before are skipped.
    """
    created = []
    seen = set()
    for person in recipients:
        if person is None or not person.active or person.pk in seen:
            continue
        seen.add(person.pk)
        key = notification_key(kind=kind, subject_ref=subject_ref, recipient_id=person.pk, occasion=occasion)
        try:
            with transaction.atomic():
                notification, was_created = Notification.objects.get_or_create(
                    key=key,
                    defaults={
                        "recipient": person,
                        "kind": kind,
                        "subject": subject,
                        "body": body,
                        "url": url,
                        "send_email": bool(person.email),
                    },
                )
        except IntegrityError:  # a concurrent run recorded it first
            continue
        if was_created:
            created.append(notification)
            if notification.send_email:
                _queue_email(notification.pk)
    return created


def _queue_email(notification_id: int) -> None:
    from hscp.tasks import send_notification_email

    transaction.on_commit(lambda: send_notification_email.delay(notification_id))


def notification_claim(*, notification_id: int) -> Notification | None:
    """Claim a pending notification for sending; None if another worker has it or it is done."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .select_related("recipient")
            .filter(pk=notification_id, state__in=[NotificationState.PENDING, NotificationState.FAILED])
            .first()
        )
        if notification is None:
            return None
        notification.state = NotificationState.SENDING
        notification.claimed_at = timezone.now()
        notification.attempts += 1
        notification.save(update_fields=["state", "claimed_at", "attempts"])
        return notification


def notification_send_email(*, notification: Notification) -> None:
    """Send the e-mail of a claimed notification and record the outcome; raises on failure."""
    try:
        send_mail(
            subject=notification.subject,
            message=_email_body(notification),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[notification.recipient.email],
        )
    except Exception as error:
        Notification.objects.filter(pk=notification.pk).update(
            state=NotificationState.FAILED, last_error=f"{error.__class__.__name__}: {error}"[:2000]
        )
        raise
    Notification.objects.filter(pk=notification.pk).update(
        state=NotificationState.SENT, sent_at=timezone.now(), last_error=""
    )


def _email_body(notification: Notification) -> str:
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    link = f"\n\n{base}{notification.url}" if notification.url else ""
    return f"{notification.body}{link}\n\n— HSCP Governance"


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
