"""Subscription addresses for meeting calendars: create and revoke."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.models import CalendarFeedToken, Group, Person


@transaction.atomic
def calendar_feed_create(
    *, person: Person | None = None, group: Group | None = None, now: datetime.datetime | None = None
) -> CalendarFeedToken:
    """A new secret address for a person's meetings or a group's; it replaces (revokes) the old one."""
    if (person is None) == (group is None):
        raise ValidationError("A calendar feed is for one person or one group.")
    owner = {"person": person} if person is not None else {"group": group}
    CalendarFeedToken.objects.active().filter(**owner).update(revoked_at=now or timezone.now())
    feed = CalendarFeedToken(**owner)
    feed.full_clean()
    feed.save()
    return feed


@transaction.atomic
def calendar_feed_revoke(
    *, feed: CalendarFeedToken, now: datetime.datetime | None = None
) -> CalendarFeedToken:
    """Stop an address working; calendars subscribed to it get nothing more."""
    if feed.revoked_at is None:
        feed.revoked_at = now or timezone.now()
        feed.save(update_fields=["revoked_at"])
    return feed
