"""Meeting reminders: the quoracy forecast before a meeting, non-attendance after it."""

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core.partnership import partnership_settings
from core.workdays import is_working_day
from governance import notifications, reminders
from governance.models import (
    CHAIRING_ROLES,
    Agency,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    QuorumRule,
    StatutoryRole,
)
from governance.quoracy import PARTNER_NAMES
from governance.scans.context import Scan, batches
from notifications.registry import Message

# Held meetings are looked at this far back: long enough for attendance to be recorded
# late, short enough that old records never start a flood of reminders.
NON_ATTENDANCE_LOOKBACK = datetime.timedelta(days=30)
# Who counts as a partner's member when forecasting whether it will be represented.
MEMBER_ROLES = (*CHAIRING_ROLES, MembershipRole.MEMBER, MembershipRole.DEPUTY)


# Quoracy forecast -----------------------------------------------------------------


def quoracy_forecasts(now: datetime.datetime) -> Iterator[list[Message]]:
    """Chair, secretariat and the partner's board member, each working day from N working days
    before a meeting that will not be quorate as things stand."""
    scan = Scan.at(now)
    if not is_working_day(scan.today, scan.closures):
        return
    working_days = partnership_settings().quoracy_forecast_working_days
    meetings = Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED,
        group__active=True,
        group__quorum_rule=QuorumRule.ALL_STATUTORY_PARTNERS,
        starts_at__gt=scan.now,
        starts_at__lt=reminders.quoracy_forecast_horizon(
            today=scan.today, working_days_before=working_days, closures=scan.closures
        ),
    ).select_related("group", "chair")
    partners = {
        agency.statutory_role: agency for agency in Agency.objects.filter(statutory_role__isnull=False)
    }
    for batch in batches(meetings):
        due = {}
        for meeting in batch:
            occasion = reminders.quoracy_forecast_occasion(
                meeting_starts=meeting.starts_at,
                now=scan.now,
                working_days_before=working_days,
                closures=scan.closures,
            )
            if occasion:
                due[meeting.pk] = (meeting, occasion)
        if not due:
            continue
        lines = defaultdict(list)  # meeting -> [(person_id, agency_id, status)]
        # A line saved as "not yet recorded" is no reply (issue 10 point 6).
        for meeting_id, person_id, agency_id, status in (
            Attendance.objects.filter(meeting_id__in=list(due))
            .exclude(status=AttendanceStatus.NOT_RECORDED)
            .values_list("meeting_id", "person_id", "agency_id", "status")
        ):
            lines[meeting_id].append((person_id, agency_id, status))
        group_ids = {meeting.group_id for meeting, _ in due.values()}
        members = defaultdict(set)  # (group, agency) -> {person}
        for group_id, person_id, agency_id in (
            Membership.objects.current(scan.today)
            .filter(
                group_id__in=group_ids,
                role__in=MEMBER_ROLES,
                person__active=True,
                agency__statutory_role__isnull=False,
            )
            .values_list("group_id", "person_id", "agency_id")
        ):
            members[group_id, agency_id].add(person_id)
        chairs = scan.chairs_by_group(group_ids)
        messages = []
        for meeting, occasion in due.values():
            replied = {person_id for person_id, _, _ in lines[meeting.pk]}
            problems: list[tuple[str, Agency | None, str]] = []  # (partner name, agency, reason)
            for role in StatutoryRole.values:
                agency = partners.get(role)
                name = PARTNER_NAMES[StatutoryRole(role)]
                if agency is None:
                    problems.append((name, None, "has no agency in the directory"))
                    continue
                reason = reminders.partner_forecast(
                    statuses=[status for _, agency_id, status in lines[meeting.pk] if agency_id == agency.pk],
                    members_without_reply=len(members[meeting.group_id, agency.pk] - replied),
                )
                if reason:
                    problems.append((name, agency, reason))
            if not problems:
                continue
            chair = [meeting.chair] if meeting.chair else chairs.get(meeting.group_id, [])
            board = [
                person for _, agency, _ in problems if agency for person in scan.board_members(agency.pk)
            ]
            messages.append(
                notifications.quoracy_forecast(
                    meeting=meeting,
                    problems=problems,
                    recipients=[*chair, *scan.secretariat(), *board],
                    occasion=occasion,
                )
            )
        yield messages


# Non-attendance -------------------------------------------------------------------


def non_attendance(now: datetime.datetime) -> Iterator[list[Message]]:
    """For held meetings: each member from a relevant agency absent without valid reason is
    reported to their line manager (or the secretariat, if they have none); three such absences
    in a row at one group are flagged to its chairs."""
    scan = Scan.at(now)
    meetings = Meeting.objects.filter(
        status=MeetingStatus.HELD,
        group__active=True,
        starts_at__gte=scan.now - NON_ATTENDANCE_LOOKBACK,
        starts_at__lte=scan.now,
    ).select_related("group")
    current_member = Membership.objects.current(scan.today).filter(
        person=OuterRef("person"), group=OuterRef("meeting__group")
    )
    for batch in batches(meetings):
        by_pk = {meeting.pk: meeting for meeting in batch}
        absences = list(
            Attendance.objects.filter(meeting_id__in=list(by_pk), is_member=True, person__active=True)
            .filter(
                Q(status=AttendanceStatus.ABSENT) | Q(status=AttendanceStatus.APOLOGIES, apology_valid=False)
            )
            .filter(Exists(current_member))
            .select_related("person__line_manager", "agency")
            .order_by("meeting_id", "person__name")
        )
        messages = []
        for line in absences:
            if not reminders.absent_without_valid_reason(
                status=line.status, apology_valid=line.apology_valid
            ):
                continue
            if line.agency.statutory_role:
                continue  # arrangements: relevant agencies' non-attendance goes to the line manager
            messages.append(_line_manager_message(scan, line, by_pk[line.meeting_id]))
        messages += _repeated_absence_messages(scan, by_pk, absences)
        yield messages


def _line_manager_message(scan: Scan, line: Attendance, meeting: Meeting) -> Message:
    manager = line.person.line_manager
    if manager is not None and manager.active:
        return notifications.non_attendance(line=line, meeting=meeting, manager=manager)
    return notifications.line_manager_missing(line=line, meeting=meeting, recipients=scan.secretariat())


def _repeated_absence_messages(
    scan: Scan, meetings: dict[int, Meeting], absences: list[Attendance]
) -> list[Message]:
    absent_people = defaultdict(set)
    for line in absences:
        absent_people[line.meeting_id].add(line.person_id)
    people = {line.person_id: line.person for line in absences}
    agencies = {line.person_id: line.agency for line in absences}
    messages = []
    chairs = scan.chairs_by_group({meetings[meeting_id].group_id for meeting_id in absent_people})
    for meeting_id, person_ids in absent_people.items():
        meeting = meetings[meeting_id]
        last_held = list(
            Meeting.objects.filter(
                group_id=meeting.group_id, status=MeetingStatus.HELD, starts_at__lte=meeting.starts_at
            )
            .order_by("-starts_at")
            .values_list("pk", "starts_at")[: reminders.CONSECUTIVE_ABSENCES_FLAGGED]
        )
        history_lines = {
            (meeting_pk, person_id): reminders.absent_without_valid_reason(status=status, apology_valid=valid)
            for meeting_pk, person_id, status, valid in Attendance.objects.filter(
                meeting_id__in=[pk for pk, _ in last_held], person_id__in=person_ids
            ).values_list("meeting_id", "person_id", "status", "apology_valid")
        }
        for person_id in sorted(person_ids):
            history = [history_lines.get((pk, person_id), False) for pk, _ in last_held]
            if not reminders.consecutive_absences(history):
                continue
            dates = ", ".join(f"{timezone.localtime(starts):%-d %b %Y}" for _, starts in reversed(last_held))
            messages.append(
                notifications.repeated_non_attendance(
                    person=people[person_id],
                    agency=agencies[person_id],
                    meeting=meeting,
                    dates=dates,
                    recipients=chairs.get(meeting.group_id, []),
                )
            )
    return messages
