from django.conf import settings
from django.db import models

from accounts.choices import AuthEventKind


class AuthEvent(models.Model):
    """One authentication event: who (or which username was tried), what, when, from where.

    The username is kept as typed, so failures against accounts that do not exist are recorded
    too; `user` is set when the event belongs to a real account.
    """

    kind = models.CharField(max_length=32, choices=AuthEventKind.choices)
    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="auth_events"
    )
    username = models.CharField(max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The admin who did it, when it was not the account's own holder.",
    )

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-at"], name="accounts_au_user_id_8c6a1e_idx"),
            models.Index(fields=["kind", "-at"], name="accounts_au_kind_3b1f0d_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.username or '—'} at {self.at:%d %b %Y %H:%M}"


class UserSession(models.Model):
    """A logged-in session the user can see and end, keyed by Django's session key."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    user_agent = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    started_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-last_seen_at", "-pk"]
        indexes = [models.Index(fields=["user", "-last_seen_at"], name="accounts_us_user_id_5d2c7b_idx")]

    def __str__(self):
        return f"{self.user} since {self.started_at:%d %b %Y %H:%M}"
