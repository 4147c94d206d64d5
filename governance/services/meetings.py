"""Meetings: scheduling a meeting or a series, rescheduling, cancelling, marking held.

Every change to a meeting goes through these functions; views, the admin, the demo
loader and tasks call them. Each runs in a transaction and validates before it writes.
The agenda's services are in `agenda.py`, attendance's in `attendance.py`.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from core.workdays import closure_day_reasons, closure_days, non_working_reason
from governance import notifications as messages
from governance.models import (
    Attendance,
    AttendanceStatus,
    Group,
    Meeting,
    MeetingStatus,
    MembershipRole,
    Paper,
    Person,
)
from governance.scheduling import is_paper_late, local_datetime, paper_deadline, series_dates
from governance.services.agenda import agenda_standing_items_add
from governance.services.common import (
    check_not_cancelled,
    current_members,
    lock_meeting,
    member_people,
    save_validated,
)
from governance.services.papers import paper_escalate_late
from notifications.services import notify

# Sentinel for "not given": None is a real value for the chair and minute-taker.
KEEP = object()

CHAIR_PREFERENCE = (MembershipRole.CHAIR, MembershipRole.CO_CHAIR, MembershipRole.VICE_CHAIR)


def group_default_chair(*, group: Group, on: datetime.date) -> Person | None:
    """The group's chair on that day (else a co-chair, else a vice-chair)."""
    chairs = {
        membership.role: membership.person
        for membership in current_members(group, on)
        .filter(role__in=CHAIR_PREFERENCE)
        .select_related("person")
        .order_by("-start_date")
    }
    return next((chairs[role] for role in CHAIR_PREFERENCE if role in chairs), None)


def group_default_minute_taker(*, group: Group, on: datetime.date) -> Person | None:
    membership = (
        current_members(group, on)
        .filter(role=MembershipRole.MINUTE_TAKER)
        .select_related("person")
        .order_by("-start_date")
        .first()
    )
    return membership.person if membership else None


# Scheduling ----------------------------------------------------------------


NON_WORKING_DAY_CONFIRMATION = "Schedule it on this day anyway"


def non_working_day_warning(day: datetime.date) -> str | None:
    """The warning shown before a meeting is put on a weekend, bank holiday or closure day."""
    reason = non_working_reason(day, closure_day_reasons())
    if reason is None:
        return None
    return (
        f"{day:%A %-d %B %Y} is {reason}, when most members do not work. Tick "
        f"“{NON_WORKING_DAY_CONFIRMATION}” to confirm, or choose another day."
    )


def check_working_day(day: datetime.date) -> None:
    warning = non_working_day_warning(day)
    if warning:
        raise ValidationError({"confirm_non_working_day": warning})


def _check_group_meets(group: Group) -> None:
    if not group.active:
        raise ValidationError(f"{group} is no longer active, so it cannot have new meetings.")


@transaction.atomic
def meeting_schedule(
    *,
    group: Group,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    location: str = "",
    online_link: str = "",
    chair=KEEP,
    minute_taker=KEEP,
    add_standing_items: bool = True,
    non_working_day_confirmed: bool = False,
) -> Meeting:
    """Schedule one meeting of a group.

    The chair and minute-taker default to the group's own on the meeting's day
    (pass None for "nobody yet"). The paper deadline is stored; the standing
    items of the agenda are added. A meeting on a weekend, a bank holiday or a
    closure day is scheduled only once the user has confirmed it
    (`non_working_day_confirmed`); series move off those days themselves.
    """
    _check_group_meets(group)
    if not non_working_day_confirmed:
        check_working_day(timezone.localtime(starts_at).date())
    meeting = Meeting(
        group=group,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        online_link=online_link,
        paper_deadline=paper_deadline(starts_at=starts_at, days=group.paper_deadline_days),
    )
    on = meeting.local_date
    meeting.chair = group_default_chair(group=group, on=on) if chair is KEEP else chair
    meeting.minute_taker = (
        group_default_minute_taker(group=group, on=on) if minute_taker is KEEP else minute_taker
    )
    if not location and not online_link:
        raise ValidationError({"location": "Give a place or an online link for the meeting."})
    save_validated(meeting)
    if add_standing_items:
        agenda_standing_items_add(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_schedule_series(
    *,
    group: Group,
    first_date: datetime.date,
    count: int,
    start_time: datetime.time,
    end_time: datetime.time,
    location: str = "",
    online_link: str = "",
    closures: Iterable[datetime.date] | None = None,
) -> list[Meeting]:
    """Schedule `count` meetings from the group's frequency, all or none.

    Dates that fall on a weekend, an England bank holiday or a closure day move
    to the next working day (governance.scheduling explains why).
    """
    _check_group_meets(group)
    if end_time <= start_time:
        raise ValidationError({"end_time": "A meeting must end after it starts."})
    closures = frozenset(closures) if closures is not None else closure_days()
    days = series_dates(frequency=group.meeting_frequency, first=first_date, count=count, closures=closures)
    return [
        meeting_schedule(
            group=group,
            starts_at=local_datetime(day, start_time),
            ends_at=local_datetime(day, end_time),
            location=location,
            online_link=online_link,
            non_working_day_confirmed=True,  # already moved to working days
        )
        for day in days
    ]


def _papers_recheck_lateness(meeting: Meeting) -> list[Paper]:
    """Re-judge each paper against the (moved) deadline with the pure rule; returns the changed."""
    changed = []
    for paper in Paper.objects.filter(agenda_item__meeting=meeting):
        late = is_paper_late(paper.submitted_at, meeting.paper_deadline)
        if late != paper.is_late:
            paper.is_late = late
            changed.append(paper)
    if changed:
        bulk_update_with_history(changed, Paper, ["is_late"], default_change_reason="Meeting rescheduled")
    return changed


@transaction.atomic
def meeting_reschedule(
    *,
    meeting: Meeting,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    location: str | None = None,
    online_link: str | None = None,
    chair=KEEP,
    minute_taker=KEEP,
    notify_members: bool = True,
    now: datetime.datetime | None = None,
    non_working_day_confirmed: bool = False,
) -> Meeting:
    """Move a meeting (or change its place, chair or minute-taker).

    Moving it to another day that is a weekend, a bank holiday or a closure day needs
    the user's confirmation, as scheduling one does.

    The paper deadline is recomputed and every paper re-judged: a meeting moved
    later can make a late paper on time, one moved earlier can make it late.
    Members are told when a published meeting moves.
    """
    meeting = lock_meeting(meeting)
    check_not_cancelled(meeting, "moving it")
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting has been held; its date can no longer change.")
    moved = (starts_at, ends_at) != (meeting.starts_at, meeting.ends_at)
    new_day = timezone.localtime(starts_at).date()
    if new_day != meeting.local_date and not non_working_day_confirmed:
        check_working_day(new_day)
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    if location is not None:
        meeting.location = location
    if online_link is not None:
        meeting.online_link = online_link
    if chair is not KEEP:
        meeting.chair = chair
    if minute_taker is not KEEP:
        meeting.minute_taker = minute_taker
    if not meeting.location and not meeting.online_link:
        raise ValidationError({"location": "Give a place or an online link for the meeting."})
    meeting.paper_deadline = paper_deadline(starts_at=starts_at, days=meeting.group.paper_deadline_days)
    save_validated(meeting)
    for paper in _papers_recheck_lateness(meeting):
        if paper.is_late:  # moved earlier: now late, so the partner's board member is told
            paper_escalate_late(paper=paper, occasion=meeting.paper_deadline.isoformat())
    if moved and notify_members and meeting.agenda_published_at:
        notify(
            messages.meeting_rescheduled(
                meeting=meeting,
                starts_at=starts_at,
                recipients=member_people(meeting, today=timezone.localdate(now)),
            )
        )
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str, now: datetime.datetime | None = None) -> Meeting:
    """Cancel with a reason; members are told. Cancelled meetings drop out of attendance figures."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason the meeting is cancelled."})
    meeting = lock_meeting(meeting)
    check_not_cancelled(meeting, "cancelling it again")
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting has been held, so it cannot be cancelled.")
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancellation_reason = reason
    save_validated(meeting)
    notify(
        messages.meeting_cancelled(
            meeting=meeting, reason=reason, recipients=member_people(meeting, today=timezone.localdate(now))
        )
    )
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, today: datetime.date | None = None) -> Meeting:
    today = today or timezone.localdate()
    meeting = lock_meeting(meeting)
    check_not_cancelled(meeting, "marking it as held")
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting is already marked as held.")
    if meeting.local_date > today:
        raise ValidationError("A meeting can be marked as held only on or after its day.")
    unrecorded = list(
        Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.NOT_RECORDED)
        .order_by("person__name")
        .values_list("person__name", flat=True)
    )
    if unrecorded:
        raise ValidationError(
            "Record the attendance first: "
            + ", ".join(unrecorded)
            + (" is" if len(unrecorded) == 1 else " are")
            + " not yet recorded as present, sending apologies or absent."
        )
    meeting.status = MeetingStatus.HELD
    return save_validated(meeting)
