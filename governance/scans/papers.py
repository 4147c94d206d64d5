"""Paper reminders: presenters before the deadline; the secretariat once it has passed."""

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Exists, OuterRef
from django.urls import reverse

from core.partnership import partnership_settings
from governance import notifications, reminders
from governance.choices import PAPERLESS_STANDING_ITEMS
from governance.models import Agency, AgendaItem, Meeting, MeetingStatus, Paper
from governance.scans.context import Scan, batches
from notifications.registry import Message


def _items_without_a_paper():
    return AgendaItem.objects.exclude(standing_item__in=PAPERLESS_STANDING_ITEMS).exclude(
        Exists(Paper.objects.filter(agenda_item=OuterRef("pk")))
    )


def paper_reminders(now: datetime.datetime) -> Iterator[list[Message]]:
    """Presenters of items with no paper yet, from a few working days before the deadline."""
    scan = Scan.at(now)
    working_days = partnership_settings().paper_reminder_working_days
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


def papers_missing_escalation(now: datetime.datetime) -> Iterator[list[Message]]:
    """Seed 003 item 2a: papers still missing from a statutory partner's staff as the deadline
    approaches go to that partner's board member (health agencies' to the ICB's), once per
    meeting, partner and deadline."""
    scan = Scan.at(now)
    working_days = partnership_settings().paper_escalation_working_days
    meetings = Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED,
        group__active=True,
        paper_deadline__gt=scan.now,
        paper_deadline__lt=reminders.paper_reminder_horizon(
            today=scan.today, working_days_before=working_days, closures=scan.closures
        ),
    ).select_related("group")
    partners: dict[str | None, Agency] | None = None  # read once, and only when a meeting is due
    for batch in batches(meetings):
        due = {
            meeting.pk: meeting
            for meeting in batch
            if reminders.paper_escalation_due(
                deadline=meeting.paper_deadline,
                now=scan.now,
                working_days_before=working_days,
                closures=scan.closures,
            )
        }
        if not due:
            continue
        if partners is None:
            partners = {
                agency.statutory_role: agency
                for agency in Agency.objects.filter(statutory_role__isnull=False)
            }
        missing: dict[tuple[int, str], list[AgendaItem]] = defaultdict(list)
        for item in (
            _items_without_a_paper()
            .filter(meeting_id__in=list(due), presenter__isnull=False)
            .select_related("presenter__agency", "parent__parent")
            .order_by("meeting_id", "sort_key")
        ):
            agency = item.presenter.agency
            role = reminders.responsible_partner(statutory_role=agency.statutory_role, sector=agency.sector)
            if role is not None and role in partners:
                missing[item.meeting_id, role].append(item)
        messages = []
        for (meeting_id, role), items in missing.items():
            partner = partners[role]
            recipients = scan.board_members(partner.pk)
            if not recipients:
                continue
            messages.append(
                notifications.papers_missing_escalation(
                    meeting=due[meeting_id],
                    partner=partner,
                    items=items,
                    recipients=recipients,
                    url=reverse("governance:meeting_papers", args=[meeting_id]),
                )
            )
        yield messages


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
