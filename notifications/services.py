"""Tell people things: record a notification, then e-mail it after the commit.

Every message is first stored with a unique key (kind, subject, recipient,
occasion); creating it again is a no-op, so callers may run twice safely.
E-mail is sent by a Celery task queued only once the transaction commits.
Each person chooses per kind: e-mail straight away, a daily digest, or the
notification centre only.

An e-mail moves pending → sending (claimed by one worker) → sent, or back to
pending with a retry time after a failure, and to failed after the last
attempt. A claim older than NOTIFICATION_CLAIM_TIMEOUT_SECONDS belongs to a
worker that died: the next scan queues it again and a new claim takes it.
"""

import contextlib
import contextvars
import dataclasses
import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from celery import current_app
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.partnership import partnership_settings
from notifications import registry
from notifications.models import Delivery, Notification, NotificationPreference, NotificationState
from notifications.registry import Message
from notifications.rules import digest_occasion, email_retry_delay, legacy_notification_key, notification_key

logger = logging.getLogger(__name__)

STATE_FOR_DELIVERY: dict[str, str] = {
    Delivery.IMMEDIATE: NotificationState.PENDING,
    Delivery.DIGEST: NotificationState.DIGEST,
    Delivery.IN_APP: NotificationState.IN_APP,
}
# A pending e-mail whose task should have run by now is queued again after this long.
LOST_TASK_GRACE = datetime.timedelta(minutes=2)
DIGEST_MAX_ITEMS = 100
# The daily digest is the mechanism's own kind: not registered, not a choice.
DIGEST_KIND = "digest"
# Queued by name, so this module need not import the tasks that call it (notifications.apps
# imports the tasks when Django starts, so the task is registered with Celery by then).
SEND_EMAIL_TASK = "notifications.tasks.send_notification_email"


_silenced: contextvars.ContextVar[bool] = contextvars.ContextVar("notifications_silenced", default=False)


@contextlib.contextmanager
def silenced() -> Iterator[None]:
    """While inside, notify() records nothing and sends nothing (e.g. replaying the past
    into a demo database). Nests; the previous state is restored on the way out."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def is_silenced() -> bool:
    return _silenced.get()


def recipient_model():
    """The model people are notified as (settings.NOTIFICATIONS_RECIPIENT_MODEL)."""
    return apps.get_model(settings.NOTIFICATIONS_RECIPIENT_MODEL)


def message_keys(message: Message) -> dict[int, tuple[str, str]]:
    """Per recipient id: (the key a notification of this message is recorded under, the key a
    row recorded before keys were hashed would carry)."""
    keys = {}
    for person in message.recipients:
        if person is None:
            continue
        parts = {
            "kind": message.kind,
            "subject_ref": message.subject_ref,
            "recipient_id": person.pk,
            "occasion": message.occasion,
        }
        keys[person.pk] = (notification_key(**parts), legacy_notification_key(**parts))
    return keys


def existing_keys(keys: Iterable[str]) -> set[str]:
    """The keys among these already recorded (one query)."""
    keys = list(keys)
    if not keys:
        return set()
    return set(Notification.objects.filter(key__in=keys).values_list("key", flat=True))


def preferred_deliveries(*, person_ids: Iterable[int], kind: str) -> dict[int, str]:
    """Each person's chosen delivery for this kind; people with no choice are left out."""
    return dict(
        NotificationPreference.objects.filter(person_id__in=list(person_ids), kind=kind).values_list(
            "person_id", "delivery"
        )
    )


def notify(message: Message) -> list[Notification]:
    """Record one notification per active recipient allowed to see its subject, and queue
    its e-mail. The kind must be registered (UnregisteredKind otherwise); the text is its
    kind's templates rendered with the message's context.

    Returns the notifications created now; ones recorded before (under the hashed key or,
    for rows recorded before keys were hashed, the old one) are skipped.
    Inside `silenced()` nothing is recorded or sent and the result is empty.
    """
    kind = registry.kind(message.kind)
    if _silenced.get():
        return []
    people = []
    seen = set()
    for person in message.recipients:
        if person is None or not person.active or person.pk in seen:
            continue
        seen.add(person.pk)
        if _may_see(person, kind, message.about):
            people.append(person)
    keys = message_keys(
        Message(
            kind=message.kind, recipients=people, subject_ref=message.subject_ref, occasion=message.occasion
        )
    )
    recorded = existing_keys(key for pair in keys.values() for key in pair)
    people = [person for person in people if not recorded.intersection(keys[person.pk])]
    if not people:
        return []
    subject, body = registry.render(message)
    chosen = preferred_deliveries(person_ids=[person.pk for person in people], kind=kind.code)
    created = []
    for person in people:
        delivery = chosen.get(person.pk, kind.default_delivery) if person.email else Delivery.IN_APP
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    key=keys[person.pk][0],
                    recipient=person,
                    kind=kind.code,
                    subject=subject[:255],
                    body=body,
                    url=message.url[:500],
                    delivery=delivery,
                    send_email=delivery == Delivery.IMMEDIATE,
                    state=STATE_FOR_DELIVERY[delivery],
                )
        except IntegrityError:  # a concurrent run recorded it first
            continue
        created.append(notification)
        if notification.send_email:
            _queue_email(notification.pk)
    return created


def notify_many(messages: Iterable[Message]) -> list[Notification]:
    """notify() for a batch of messages, with the same result, in a fixed number of queries:
    the keys recorded before (one query), each kind's chosen deliveries (one per kind) and the
    new rows in one insert, rather than four or five queries per message (issue 16: a first
    scan records 1,600 reminders in seconds). Should another run have recorded one of them
    meanwhile, the insert is undone and each message goes through notify() on its own."""
    if _silenced.get():
        return []
    planned = []  # (message, kind, people)
    for message in messages:
        kind = registry.kind(message.kind)
        people, seen = [], set()
        for person in message.recipients:
            if person is None or not person.active or person.pk in seen:
                continue
            seen.add(person.pk)
            if _may_see(person, kind, message.about):
                people.append(person)
        if people:
            planned.append((dataclasses.replace(message, recipients=people), kind, people))
    keys = [message_keys(message) for message, _kind, _people in planned]
    recorded = existing_keys(key for each in keys for pair in each.values() for key in pair)
    wanted: dict[str, set[int]] = defaultdict(set)
    waiting = []
    for (message, kind, people), by_person in zip(planned, keys, strict=True):
        # Not recorded before, nor by a message earlier in this batch.
        people = [person for person in people if not recorded.intersection(by_person[person.pk])]
        recorded.update(by_person[person.pk][0] for person in people)
        if people:
            waiting.append((message, kind, people, by_person))
            wanted[kind.code].update(person.pk for person in people)
    if not waiting:
        return []
    chosen = {code: preferred_deliveries(person_ids=ids, kind=code) for code, ids in wanted.items()}
    rows = []
    for message, kind, people, by_person in waiting:
        subject, body = registry.render(message)
        for person in people:
            delivery = (
                chosen[kind.code].get(person.pk, kind.default_delivery) if person.email else Delivery.IN_APP
            )
            rows.append(
                Notification(
                    key=by_person[person.pk][0],
                    recipient=person,
                    kind=kind.code,
                    subject=subject[:255],
                    body=body,
                    url=message.url[:500],
                    delivery=delivery,
                    send_email=delivery == Delivery.IMMEDIATE,
                    state=STATE_FOR_DELIVERY[delivery],
                )
            )
    try:
        with transaction.atomic():
            created = Notification.objects.bulk_create(rows)
    except IntegrityError:  # a concurrent run recorded some first: one message at a time
        return [notification for message, *_rest in waiting for notification in notify(message)]
    if any(notification.pk is None for notification in created):  # a database without RETURNING
        created = list(Notification.objects.filter(key__in=[row.key for row in rows]))
    for notification in created:
        if notification.send_email:
            _queue_email(notification.pk)
    return created


def _may_see(person, kind: registry.Kind, about) -> bool:
    """Whether a recipient may see what a message of this kind is about: the kind's permission,
    held by the login linked to the recipient (`recipient.user`); no login, no permission."""
    if kind.permission is None:
        return True
    user = getattr(person, "user", None)
    return user is not None and user.is_active and user.has_perm(kind.permission, about)


def _queue_email(notification_id: int) -> None:
    def send_after_commit():
        current_app.tasks[SEND_EMAIL_TASK].delay(notification_id)

    # robust: a broker that is down must not fail the request that recorded the notification;
    # it stays pending and the next scan queues it again.
    transaction.on_commit(send_after_commit, robust=True)


def notification_claim(*, notification_id: int, now: datetime.datetime | None = None) -> Notification | None:
    """Claim an e-mail for sending; None if another worker has it or it is done.

    A claim older than the timeout was left by a worker that died, so it may be taken again.
    """
    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS)
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, send_email=True)
            .filter(
                Q(state=NotificationState.PENDING) | Q(state=NotificationState.SENDING, claimed_at__lt=stale)
            )
            .first()
        )
        if notification is None:
            return None
        notification.state = NotificationState.SENDING
        notification.claimed_at = now
        notification.next_attempt_at = None
        notification.attempts += 1
        notification.save(update_fields=["state", "claimed_at", "next_attempt_at", "attempts"])
        return notification


@dataclass(frozen=True)
class SendOutcome:
    state: str
    retry_in: int | None = None  # seconds, when another attempt is due


def notification_send_email(
    *, notification: Notification, now: datetime.datetime | None = None
) -> SendOutcome:
    """Send the e-mail of a claimed notification and record the outcome.

    A failure goes back to pending with a retry time (exponential backoff), or
    to failed once NOTIFICATION_MAX_ATTEMPTS attempts have been made.
    """
    try:
        send_mail(
            subject=notification.subject,
            message=_email_body(notification),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[notification.recipient.email],
        )
    except Exception as error:  # SMTP, DNS, refused connection…: all are retried alike
        return _record_failure(notification, error, now or timezone.now())
    Notification.objects.filter(pk=notification.pk).update(
        state=NotificationState.SENT, sent_at=now or timezone.now(), last_error="", next_attempt_at=None
    )
    return SendOutcome(NotificationState.SENT)


def _record_failure(notification: Notification, error: Exception, now: datetime.datetime) -> SendOutcome:
    message = f"{error.__class__.__name__}: {error}"[:2000]
    if notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        Notification.objects.filter(pk=notification.pk).update(
            state=NotificationState.FAILED, last_error=message, next_attempt_at=None
        )
        logger.error(
            "Notification %s failed after %s attempts: %s", notification.pk, notification.attempts, message
        )
        return SendOutcome(NotificationState.FAILED)
    delay = email_retry_delay(
        notification.attempts,
        base=settings.NOTIFICATION_RETRY_BASE_SECONDS,
        cap=settings.NOTIFICATION_RETRY_MAX_SECONDS,
    )
    Notification.objects.filter(pk=notification.pk).update(
        state=NotificationState.PENDING,
        last_error=message,
        next_attempt_at=now + datetime.timedelta(seconds=delay),
    )
    logger.warning(
        "Notification %s: attempt %s failed, retrying in %ss: %s",
        notification.pk,
        notification.attempts,
        delay,
        message,
    )
    return SendOutcome(NotificationState.PENDING, retry_in=delay)


def _email_body(notification: Notification) -> str:
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    link = f"\n\n{base}{notification.url}" if notification.url else ""
    return f"{notification.body}{link}\n\n— HSCP Governance"


@transaction.atomic
def notification_resend(*, notification: Notification) -> Notification:
    """Send a failed notification's e-mail again, with a fresh set of attempts."""
    notification = (
        Notification.objects.select_for_update().select_related("recipient").get(pk=notification.pk)
    )
    if notification.state != NotificationState.FAILED:
        raise ValidationError(
            f"Only a failed notification can be resent; this one is “{notification.get_state_display()}”."
        )
    if not notification.recipient.email:
        raise ValidationError(f"{notification.recipient} has no e-mail address in the directory.")
    notification.state = NotificationState.PENDING
    notification.send_email = True
    notification.attempts = 0
    notification.next_attempt_at = None
    notification.save(update_fields=["state", "send_email", "attempts", "next_attempt_at"])
    _queue_email(notification.pk)
    return notification


def notifications_requeue_stuck(*, now: datetime.datetime, limit: int = 500) -> int:
    """Queue again the e-mails whose task was lost: never queued (broker down), a lost retry,
    or claimed by a worker that died before sending. The claim makes a duplicate harmless."""
    claim_timeout = datetime.timedelta(seconds=settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS)
    with transaction.atomic():
        ids = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(send_email=True)
            .filter(
                Q(
                    state=NotificationState.PENDING,
                    next_attempt_at__isnull=True,
                    created_at__lt=now - LOST_TASK_GRACE,
                )
                | Q(state=NotificationState.PENDING, next_attempt_at__lt=now - LOST_TASK_GRACE)
                | Q(state=NotificationState.SENDING, claimed_at__lt=now - claim_timeout)
            )
            .order_by("created_at")
            .values_list("pk", flat=True)[:limit]
        )
        # Not again until a claim could have timed out, so a long queue is not flooded with copies.
        Notification.objects.filter(pk__in=ids, state=NotificationState.PENDING).update(
            next_attempt_at=now + claim_timeout
        )
        for notification_id in ids:
            _queue_email(notification_id)
    return len(ids)


# Daily digests ------------------------------------------------------------------


def digests_send(*, now: datetime.datetime | None = None, batch_size: int = 200) -> int:
    """Build today's digest for everyone with notifications waiting for one; returns how many."""
    now = now or timezone.now()
    occasion = digest_occasion(now=now, hour=partnership_settings().notification_digest_hour)
    if occasion is None:
        return 0
    built = 0
    after = 0
    while True:
        person_ids = list(
            Notification.objects.filter(
                state=NotificationState.DIGEST, recipient_id__gt=after, created_at__lte=now
            )
            .order_by("recipient_id")
            .values_list("recipient_id", flat=True)
            .distinct()[:batch_size]
        )
        if not person_ids:
            return built
        for person_id in person_ids:
            if digest_build(person_id=person_id, occasion=occasion, now=now) is not None:
                built += 1
        after = person_ids[-1]


@transaction.atomic
def digest_build(*, person_id: int, occasion: str, now: datetime.datetime) -> Notification | None:
    """One e-mail listing what waits for a person's digest; None when there is nothing (or
    today's digest already went: what came since waits for tomorrow's)."""
    items = list(
        Notification.objects.select_for_update(skip_locked=True)
        .filter(recipient_id=person_id, state=NotificationState.DIGEST, created_at__lte=now)
        .order_by("created_at")
    )
    if not items:
        return None
    person = recipient_model().objects.get(pk=person_id)
    if not person.active or not person.email:
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(state=NotificationState.IN_APP)
        return None
    key = notification_key(kind=DIGEST_KIND, subject_ref="digest", recipient_id=person_id, occasion=occasion)
    try:
        with transaction.atomic():
            digest = Notification.objects.create(
                key=key,
                recipient=person,
                kind=DIGEST_KIND,
                subject=_digest_subject(len(items), now),
                body=_digest_body(items),
                url=reverse("notification_list"),
                delivery=Delivery.IMMEDIATE,
                send_email=True,
                state=NotificationState.PENDING,
                read_at=now,  # the e-mail only: its items are in the centre already
            )
    except IntegrityError:
        return None
    Notification.objects.filter(pk__in=[item.pk for item in items]).update(
        state=NotificationState.DIGESTED, digest=digest
    )
    _queue_email(digest.pk)
    return digest


def _digest_subject(count: int, now: datetime.datetime) -> str:
    plural = "" if count == 1 else "s"
    return f"Your daily digest: {count} notification{plural}, {timezone.localdate(now):%-d %b %Y}"


def _digest_body(items: list[Notification]) -> str:
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    parts = []
    for number, item in enumerate(items[:DIGEST_MAX_ITEMS], start=1):
        link = f"\n{base}{item.url}" if item.url else ""
        parts.append(f"{number}. {item.subject}\n{item.body}{link}")
    if len(items) > DIGEST_MAX_ITEMS:
        parts.append(f"…and {len(items) - DIGEST_MAX_ITEMS} more in your notification centre.")
    return "\n\n".join(parts)


# Preferences and reading ------------------------------------------------------------


@transaction.atomic
def notification_preferences_set(*, person, deliveries: Mapping[str, str]) -> None:
    """Save a person's choice per registered kind; the kind's default needs no row."""
    for kind, delivery in deliveries.items():
        try:
            registered = registry.kind(kind)
        except registry.UnregisteredKind:
            raise ValidationError(f"“{kind}” is not a kind of notification.") from None
        if delivery not in Delivery.values:
            raise ValidationError(f"“{delivery}” is not a way of receiving notifications.")
        if delivery == registered.default_delivery:
            NotificationPreference.objects.filter(person=person, kind=kind).delete()
        else:
            NotificationPreference.objects.update_or_create(
                person=person, kind=kind, defaults={"delivery": delivery}
            )


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, person) -> int:
    """Mark every unread notification of a person as read; returns how many."""
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(read_at=timezone.now())
