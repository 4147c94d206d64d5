"""Subscription addresses for meeting calendars: create and revoke."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.models import CalendarFeedToken, Group, Person
from governance.models.calendars import hash_feed_token, new_feed_token


@transaction.atomic
def calendar_feed_create(
    *, person: Person | None = None, group: Group | None = None, now: datetime.datetime | None = None
) -> CalendarFeedToken:
    """A new secret address for a person's meetings or a group's; it replaces (revokes) the old one.
    The returned feed carries its raw `token` (for the address shown once); only its hash is stored."""
    if (person is None) == (group is None):
        raise ValidationError("A calendar feed is for one person or one group.")
    owner = {"person": person} if person is not None else {"group": group}
    CalendarFeedToken.objects.active().filter(**owner).update(revoked_at=now or timezone.now())
    token = new_feed_token()
    feed = CalendarFeedToken(**owner, token_hash=hash_feed_token(token))
    feed.full_clean()
    feed.save()
    feed.token = token
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
