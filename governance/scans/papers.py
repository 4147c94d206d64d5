"""Paper reminders: presenters before the deadline; the secretariat once it has passed."""

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse

from governance import notifications, reminders
from governance.choices import PAPERLESS_STANDING_ITEMS
from governance.models import AgendaItem, Meeting, MeetingStatus, Paper
from governance.scans.context import Scan, batches
from notifications.registry import Message


def _items_without_a_paper():
    return AgendaItem.objects.exclude(standing_item__in=PAPERLESS_STANDING_ITEMS).exclude(
        Exists(Paper.objects.filter(agenda_item=OuterRef("pk")))
    )


def paper_reminders(now: datetime.datetime) -> Iterator[list[Message]]:
    """Presenters of items with no paper yet, from a few working days before the deadline."""
    scan = Scan.at(now)
    working_days = settings.PAPER_REMINDER_WORKING_DAYS
    meetings = Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED,
        group__active=True,
        paper_deadline__gt=scan.now,
        paper_deadline__lt=reminders.paper_reminder_horizon(
            today=scan.today, working_days_before=working_days, closures=scan.closures
        ),
    ).select_related("group")
    for batch in batches(meetings):
        due = {
            meeting.pk: meeting
            for meeting in batch
            if reminders.paper_reminder_due(
                deadline=meeting.paper_deadline,
                now=scan.now,
                working_days_before=working_days,
                closures=scan.closures,
            )
        }
        items = (
            _items_without_a_paper()
            .filter(meeting_id__in=list(due), presenter__isnull=False, presenter__active=True)
            .select_related("presenter")
            .order_by("meeting_id", "sort_key")
        )
        yield [
            notifications.paper_reminder(
                item=item,
                meeting=due[item.meeting_id],
                url=reverse("governance:meeting_papers", args=[item.meeting_id]),
            )
            for item in items
        ]


def papers_after_deadline(now: datetime.datetime) -> Iterator[list[Message]]:
    """The secretariat, once the deadline has passed: the missing and late papers."""
    scan = Scan.at(now)
    meetings = Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED,
        group__active=True,
        paper_deadline__lt=scan.now,
        starts_at__gt=scan.now,
    ).select_related("group")
    for batch in batches(meetings):
        ids = [meeting.pk for meeting in batch]
        missing = defaultdict(list)
        for item in (
            _items_without_a_paper()
            .filter(meeting_id__in=ids)
            .select_related("presenter")
            .order_by("sort_key")
        ):
            missing[item.meeting_id].append(item)
        late = defaultdict(list)
        for paper in (
            Paper.objects.filter(agenda_item__meeting_id__in=ids, is_late=True)
            .select_related("agenda_item", "author__agency")
            .order_by("agenda_item__sort_key", "submitted_at")
        ):
            late[paper.agenda_item.meeting_id].append(paper)
        messages = []
        for meeting in batch:
            if not reminders.papers_report_due(
                deadline=meeting.paper_deadline, meeting_starts=meeting.starts_at, now=scan.now
            ):
                continue
            if not missing[meeting.pk] and not late[meeting.pk]:
                continue
            messages.append(
                notifications.papers_after_deadline(
                    meeting=meeting,
                    missing=missing[meeting.pk],
                    late=late[meeting.pk],
                    recipients=scan.secretariat(),
                    url=reverse("governance:meeting_papers", args=[meeting.pk]),
                )
            )
        yield messages
