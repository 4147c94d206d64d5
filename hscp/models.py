from django.db import models


class ClosureDay(models.Model):
    """A non-working day the partnership adds to England's bank holidays (e.g. a Christmas closure)."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d %b %Y}: {self.reason}"


class NotificationState(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Claimed by a worker"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Notification(models.Model):
    """One message to one person, recorded before it is sent.

    `key` makes a message unique (kind, subject, recipient, occasion), so a
    scan that runs twice, or two workers at once, records it once and sends it
    once. E-mail delivery state lives here; `read_at` drives the in-app list.
    """

    recipient = models.ForeignKey("governance.Person", on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=60)
    key = models.CharField(max_length=255, unique=True)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    state = models.CharField(
        max_length=20, choices=NotificationState.choices, default=NotificationState.PENDING
    )
    send_email = models.BooleanField(default=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["state", "created_at"]),
        ]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"
