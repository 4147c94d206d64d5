"""Secret, revocable addresses for iCalendar subscription feeds."""

import hashlib
import secrets

from django.db import models
from django.db.models import Q

from governance.models.structure import Group, Person

__all__ = ["CalendarFeedToken"]


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


def hash_feed_token(token: str) -> str:
    """What is stored of a feed's token: its SHA-256 (OWASP ASVS V6: secrets stored only as
    a hash). The token is 256 random bits, so an unsalted fast hash is enough: nothing short
    of the token itself finds the row, and a copy of the database opens no feed."""
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class CalendarFeedToken(models.Model):
    """A feed of one person's meetings (those of their groups) or of one group's.

    Calendar programs cannot log in, so the token in the address is the only
    key: revoking it stops the feed at once, and a new one starts a new address.
    Only the token's hash is stored; the address is shown once, when it is created
    (`token` is set on the instance the create service returns, never saved).
    """

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="calendar_feed_tokens"
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="calendar_feed_tokens"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = CalendarFeedTokenQuerySet.as_manager()

    # The raw token, on the instance the create service returns only; the address built from
    # it, on the page that shows it that once.
    token: str | None = None
    url: str | None = None

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(group__isnull=True))
                | (Q(person__isnull=True) & Q(group__isnull=False)),
                name="calendar_feed_for_a_person_or_a_group",
                violation_error_message="A calendar feed is for one person or one group.",
            ),
        ]

    def __str__(self):
        return f"Calendar feed for {self.person or self.group}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
