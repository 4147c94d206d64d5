"""The notification mechanism's tables. It knows no domain: the recipient is the model
named by NOTIFICATIONS_RECIPIENT_MODEL (a person in the directory), by string."""

from django.conf import settings
from django.db import models


class NotificationState(models.TextChoices):
    """Where a notification's e-mail is; the in-app copy is there from the start."""

    PENDING = "pending", "Pending"
    SENDING = "sending", "Claimed by a worker"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    DIGEST = "digest", "Waiting for the daily digest"
    DIGESTED = "digested", "Sent in a daily digest"
    IN_APP = "in_app", "In the app only"


class Delivery(models.TextChoices):
    """How a person wants one kind of notification (their preference, per kind)."""

    IMMEDIATE = "immediate", "E-mail straight away"
    DIGEST = "digest", "One e-mail a day (daily digest)"
    IN_APP = "in_app", "Notification centre only, no e-mail"


class Notification(models.Model):
    """One message to one person, recorded before it is sent.

    `key` makes a message unique (kind, subject, recipient, occasion), so a
    scan that runs twice, or two workers at once, records it once and sends it
    once. E-mail delivery state lives here; `read_at` drives the in-app list.
    """

    recipient = models.ForeignKey(
        settings.NOTIFICATIONS_RECIPIENT_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=60)
    key = models.CharField(max_length=255, unique=True)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    state = models.CharField(
        max_length=20, choices=NotificationState.choices, default=NotificationState.PENDING
    )
    send_email = models.BooleanField(default=True, help_text="E-mailed on its own, straight away.")
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # After a failed attempt: when the retry is due. A later scan re-queues it if that retry is lost.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    digest = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="digested",
        help_text="The daily digest e-mail that carried it.",
    )

    class Meta:
        ordering = ["-created_at"]
        db_table = "hscp_notification"  # the tables keep the names they had in the project package
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["state", "created_at"]),
        ]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"


class NotificationPreference(models.Model):
    """How one person wants one kind of notification; no row means e-mail straight away."""

    person = models.ForeignKey(
        settings.NOTIFICATIONS_RECIPIENT_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=60)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATE)

    class Meta:
        ordering = ["person", "kind"]
        db_table = "hscp_notificationpreference"
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="one_preference_per_person_and_kind"),
        ]

    def __str__(self):
        return f"{self.person}: {self.kind} — {self.get_delivery_display()}"


class ScanRun(models.Model):
    """The last completed run of a periodic scan, so /healthz can tell when beat or workers stop."""

    name = models.CharField(max_length=60, unique=True)
    last_started_at = models.DateTimeField()
    last_finished_at = models.DateTimeField()
    last_duration_ms = models.PositiveIntegerField(default=0)
    last_counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["name"]
        db_table = "hscp_scanrun"

    def __str__(self):
        return f"{self.name}: last finished {self.last_finished_at:%d %b %Y %H:%M:%S}"
