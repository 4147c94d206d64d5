"""Minutes reminders: the secretariat and the minute-taker, when minutes stay a draft."""

import datetime
from collections.abc import Iterator

from django.db.models import Q
from django.urls import reverse

from core.partnership import partnership_settings
from governance import notifications, reminders
from governance.models import Meeting, MeetingStatus, MinutesStatus
from governance.scans.context import Scan, batches
from notifications.registry import Message

# Held meetings are looked at this far back: long enough for minutes to be finished late,
# short enough that old records never start a flood of reminders.
MINUTES_LOOKBACK = datetime.timedelta(days=90)


def minutes_reminders(now: datetime.datetime) -> Iterator[list[Message]]:
    """The secretariat and the minute-taker, when minutes are still a draft N working days on."""
    scan = Scan.at(now)
    working_days = partnership_settings().minutes_reminder_working_days
    # N working days are at least N calendar days, so the index can narrow it first.
    latest_start = reminders.local_midnight(scan.today - datetime.timedelta(days=working_days - 1))
    meetings = (
        Meeting.objects.filter(
            status=MeetingStatus.HELD,
            group__active=True,
            starts_at__gte=scan.now - MINUTES_LOOKBACK,
            starts_at__lt=latest_start,
        )
        .filter(Q(minutes__isnull=True) | Q(minutes__status=MinutesStatus.DRAFT))
        .select_related("group", "minute_taker")
    )
    for batch in batches(meetings):
        messages = []
        for meeting in batch:
            meeting_date = reminders.local_date(meeting.starts_at)
            if not reminders.minutes_reminder_due(
                meeting_date=meeting_date, today=scan.today, working_days=working_days, closures=scan.closures
            ):
                continue
            messages.append(
                notifications.minutes_overdue(
                    meeting=meeting,
                    working_days=working_days,
                    recipients=[*scan.secretariat(), meeting.minute_taker],
                    url=reverse("governance:minutes_detail", args=[meeting.pk]),
                )
            )
        yield messages
