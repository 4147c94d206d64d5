"""Read queries for calendar feeds and the subscriptions page, each a fixed number of SQL queries."""

import datetime

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from governance.models import AgendaItem, CalendarFeedToken, Group, Meeting, Membership, Person
from governance.models.calendars import hash_feed_token

# A feed looks back a year (so last meetings' entries stay in the diary) and forward without limit.
FEED_LOOKBACK = datetime.timedelta(days=365)


def active_feed(token: str) -> CalendarFeedToken:
    """The unrevoked feed with this token (found by its hash); 404 for anything else, revealing nothing.
    A person's feed dies with the person and with their account (issue 9: a deactivated user's
    feed kept working); it follows their memberships (`feed_meetings`)."""
    feeds = CalendarFeedToken.objects.active().select_related("person__user", "group")
    feed = feeds.filter(token_hash=hash_feed_token(token)).first()
    if feed is None:
        raise Http404("No such calendar.")
    person = feed.person
    if person is not None and (not person.active or (person.user is not None and not person.user.is_active)):
        raise Http404("No such calendar.")
    return feed


def _for_calendar(meetings):
    return meetings.select_related("group").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("sort_key"))
    )


def feed_meetings(feed: CalendarFeedToken, *, now: datetime.datetime | None = None):
    """The meetings a feed carries: the group's, or those of the groups the person sits on now."""
    now = now or timezone.now()
    if feed.group_id:
        meetings = Meeting.objects.filter(group_id=feed.group_id)
    else:
        group_ids = Membership.objects.current(timezone.localdate(now)).filter(person_id=feed.person_id)
        meetings = Meeting.objects.filter(group_id__in=group_ids.values("group_id"))
    return _for_calendar(meetings.filter(starts_at__gte=now - FEED_LOOKBACK)).order_by("starts_at")


def meeting_for_calendar(pk: int) -> Meeting:
    meeting = _for_calendar(Meeting.objects.filter(pk=pk)).first()
    if meeting is None:
        raise Http404("No such meeting.")
    return meeting


def personal_feeds(person: Person | None):
    if person is None:
        return CalendarFeedToken.objects.none()
    return CalendarFeedToken.objects.active().filter(person=person).order_by("-created_at")


def group_feeds():
    """Every group's active feeds, for the secretariat."""
    return CalendarFeedToken.objects.active().filter(group__isnull=False).select_related("group")


def groups_for_feeds():
    return Group.objects.active().order_by("name")
