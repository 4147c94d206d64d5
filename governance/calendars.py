"""Meetings as iCalendar (RFC 5545): one meeting's .ics, and subscription feeds.

A feed is read by calendar programs that cannot log in and may copy it to
other services, so an event carries only what a member's diary needs: the
group, the time, the place, and the titles of a published agenda's items
that are not confidential. Cancelled meetings stay in with STATUS:CANCELLED
so subscribed calendars strike them out instead of silently losing them.
"""

import datetime
from collections.abc import Iterable

import icalendar
from django.utils import timezone

from governance.agenda_rules import without_confidential
from governance.models import AgendaItem, Meeting

PRODID = "-//HSCP Governance//Meetings//EN"
UID_DOMAIN = "meetings.hscp-governance"
REFRESH = datetime.timedelta(hours=1)


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@{UID_DOMAIN}"


def _utc(value: datetime.datetime) -> datetime.datetime:
    # UTC avoids shipping a VTIMEZONE: every client converts it to local time correctly.
    return value.astimezone(datetime.UTC)


def _description(meeting: Meeting, items: Iterable[AgendaItem], url: str) -> str:
    lines = [meeting.group.name]
    if meeting.is_cancelled:
        reason = f": {meeting.cancellation_reason}" if meeting.cancellation_reason else ""
        lines.append(f"Cancelled{reason}")
    if meeting.online_link:
        lines.append(f"Online: {meeting.online_link}")
    visible = without_confidential(list(items)) if meeting.agenda_published_at else []
    if visible:
        lines.append("")
        lines.append("Agenda:")
        lines.extend(f"{item.number}. {item.title}" for item in visible)
    if url:
        lines.extend(["", url])
    return "\n".join(lines)


def meeting_event(meeting: Meeting, *, items: Iterable[AgendaItem] = (), url: str = "") -> icalendar.Event:
    """One meeting as a VEVENT. `items` are its agenda items in order (confidential ones are dropped)."""
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", _utc(meeting.updated_at or timezone.now()))
    if meeting.updated_at:
        event.add("last-modified", _utc(meeting.updated_at))
    event.add("dtstart", _utc(meeting.starts_at))
    event.add("dtend", _utc(meeting.ends_at))
    event.add("summary", f"{meeting.group.name} meeting")
    location = meeting.location or meeting.online_link
    if location:
        event.add("location", location)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("description", _description(meeting, items, url))
    if url:
        event.add("url", url)
    return event


def meetings_calendar(meetings: Iterable[Meeting], *, name: str, meeting_url=lambda meeting: "") -> bytes:
    """A calendar of meetings; each meeting's `agenda_items` should be prefetched in printed order."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")  # an X- property: written as given
    for meeting in meetings:
        calendar.add_component(
            meeting_event(meeting, items=meeting.agenda_items.all(), url=meeting_url(meeting))
        )
    return calendar.to_ical()
