"""The reminder scan: what is due now, found with indexed queries and recorded once.

Celery beat runs `reminders_scan` every few minutes. Each part selects the
rows that may be due (by stored dates: action due dates, paper deadlines,
meeting starts), applies the pure rules in `governance.reminders`, and records each
reminder through `notify` with a key (kind, subject, recipient, occasion), so
running the scan twice, or on two workers at once, sends each reminder once.
Rows are read in bounded batches (keyset on the primary key), each batch in
its own transaction, so e-mails are queued as each batch commits.

Nothing is sent for cancelled meetings, inactive groups, ended memberships or
inactive people (`notify` skips inactive recipients).
"""

import datetime
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core.workdays import closure_days, is_working_day
from governance import reminders
from governance.models import (
    CHAIRING_ROLES,
    Action,
    Agency,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    MinutesStatus,
    Paper,
    Person,
    QuorumRule,
    StandingItem,
    StatutoryRole,
)
from governance.permissions import SECRETARIAT_GROUP
from governance.quoracy import PARTNER_NAMES
from notifications.models import ScanRun
from notifications.services import existing_keys, notification_key, notifications_requeue_stuck, notify

logger = logging.getLogger(__name__)

SCAN_NAME = "reminders"
BATCH_SIZE = 200
# Held meetings are looked at this far back: long enough for attendance and minutes to be
# recorded late, short enough that old records never start a flood of reminders.
NON_ATTENDANCE_LOOKBACK = datetime.timedelta(days=30)
MINUTES_LOOKBACK = datetime.timedelta(days=90)
OUTSTANDING = tuple(reminders.OUTSTANDING_ACTION_STATUSES)
# Standing items that never carry a paper; "messages to and from partnership groups" does.
PAPERLESS_STANDING_ITEMS = (
    StandingItem.WELCOME_APOLOGIES,
    StandingItem.PREVIOUS_MINUTES,
    StandingItem.RATIFICATION,
    StandingItem.MATTERS_ARISING,
    StandingItem.AOB,
    StandingItem.NEXT_MEETING,
)
# Who counts as a partner's member when forecasting whether it will be represented.
MEMBER_ROLES = (*CHAIRING_ROLES, MembershipRole.MEMBER, MembershipRole.DEPUTY)


@dataclass
class Message:
    recipients: list
    kind: str
    subject_ref: str
    subject: str
    body: str
    url: str = ""
    occasion: str = ""

    def keys(self) -> dict[int, str]:
        return {
            person.pk: notification_key(
                kind=self.kind, subject_ref=self.subject_ref, recipient_id=person.pk, occasion=self.occasion
            )
            for person in self.recipients
            if person is not None
        }


def send_messages(messages: Iterable[Message]) -> int:
    """Notify each message's recipients, skipping in one query those recorded before."""
    messages = list(messages)
    recorded = existing_keys(key for message in messages for key in message.keys().values())
    created = 0
    for message in messages:
        keys = message.keys()
        waiting = [
            person for person in message.recipients if person is not None and keys[person.pk] not in recorded
        ]
        if waiting:
            created += len(
                notify(
                    recipients=waiting,
                    kind=message.kind,
                    subject_ref=message.subject_ref,
                    subject=message.subject,
                    body=message.body,
                    url=message.url,
                    occasion=message.occasion,
                )
            )
    return created


@dataclass
class Scan:
    now: datetime.datetime
    today: datetime.date
    closures: frozenset
    _secretariat: list | None = field(default=None, repr=False)
    _board_members: dict = field(default_factory=dict, repr=False)

    def secretariat(self) -> list[Person]:
        """Active people whose login is in the Secretariat group."""
        if self._secretariat is None:
            self._secretariat = list(
                Person.objects.filter(
                    active=True, user__is_active=True, user__groups__name=SECRETARIAT_GROUP
                ).distinct()
            )
        return self._secretariat

    def board_members(self, agency_id: int) -> list[Person]:
        from governance.services.papers import board_members_for_agency

        if agency_id not in self._board_members:
            self._board_members[agency_id] = board_members_for_agency(agency_id=agency_id, today=self.today)
        return self._board_members[agency_id]

    def chairs_by_group(self, group_ids: Iterable[int]) -> dict[int, list[Person]]:
        chairs = defaultdict(list)
        memberships = (
            Membership.objects.current(self.today)
            .filter(group_id__in=list(group_ids), role__in=CHAIRING_ROLES, person__active=True)
            .select_related("person")
            .order_by("group_id", "person__name")
        )
        for membership in memberships:
            chairs[membership.group_id].append(membership.person)
        return chairs


def _batches(queryset, *, size: int = BATCH_SIZE):
    """Yield lists of rows in primary-key order, each batch inside its own transaction."""
    after = 0
    while True:
        with transaction.atomic():
            batch = list(queryset.filter(pk__gt=after).order_by("pk")[:size])
            if not batch:
                return
            yield batch
        after = batch[-1].pk


def _url(name: str, *args, fallback: str = "") -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return fallback


def _day(value: datetime.date) -> str:
    return f"{value:%a %-d %b %Y}"


def _when(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%A %-d %B %Y at %H:%M}"


def _action_label(action: Action) -> str:
    where = f" ({action.reference})" if action.reference else ""
    return f"action {action.number}{where} in the {action.group.name} action log"


# Actions ---------------------------------------------------------------------------


def action_due_reminders(scan: Scan) -> int:
    """Owners, a week before an action is due and on the day."""
    candidates = (
        Action.objects.filter(
            status__in=OUTSTANDING,
            due_date__gte=scan.today,
            due_date__lte=scan.today + datetime.timedelta(days=reminders.ACTION_WEEK_AHEAD_DAYS),
            group__active=True,
        )
        .select_related("group")
        .prefetch_related("owners")
    )
    created = 0
    for batch in _batches(candidates):
        messages = []
        for action in batch:
            which = reminders.action_reminder(
                status=action.status, due_date=action.due_date, today=scan.today
            )
            if which is None:
                continue
            days_left = (action.due_date - scan.today).days
            if which == "due_today":
                subject = f"Action {action.number} ({action.group.label}) is due today"
                timing = "It is due today"
            else:
                subject = f"Action {action.number} ({action.group.label}) is due on {_day(action.due_date)}"
                timing = (
                    f"It is due on {_day(action.due_date)}, in {days_left} day{'s' if days_left != 1 else ''}"
                )
            messages.append(
                Message(
                    recipients=list(action.owners.all()),
                    kind=f"action_{which}",
                    subject_ref=f"action:{action.pk}",
                    occasion=action.due_date.isoformat(),
                    subject=subject,
                    body=(
                        f"You own {_action_label(action)}:\n\n{action.description}\n\n{timing}. "
                        "Post an update on its page, or mark it complete."
                    ),
                    url=action.get_absolute_url(),
                )
            )
        created += send_messages(messages)
    return created


def _overdue_actions():
    return Action.objects.filter(status__in=OUTSTANDING, group__active=True)


def _action_line(action: Action, *, with_owners: bool = False) -> str:
    owners = ""
    if with_owners:
        initials = "/".join(person.initials for person in action.owners.all())
        owners = f" — {initials}" if initials else " — no owner"
    reference = f" ({action.reference})" if action.reference else ""
    return (
        f"• Action {action.number}{reference}, due {_day(action.due_date)}{owners}: "
        f"{action.title or action.description[:120]}"
    )


def weekly_overdue_owner_digests(scan: Scan, occasion: str) -> int:
    """Each owner's overdue actions, once a week."""
    owned = Action.owners.through.objects.filter(
        action__status__in=OUTSTANDING,
        action__due_date__lt=scan.today,
        action__group__active=True,
        person__active=True,
    )
    created = 0
    after = 0
    while True:
        with transaction.atomic():
            person_ids = list(
                owned.filter(person_id__gt=after)
                .order_by("person_id")
                .values_list("person_id", flat=True)
                .distinct()[:BATCH_SIZE]
            )
            if not person_ids:
                return created
            rows = (
                owned.filter(person_id__in=person_ids)
                .select_related("person", "action__group")
                .order_by("person_id", "action__due_date", "action__group__name", "action__number")
            )
            by_person = defaultdict(list)
            people = {}
            for row in rows:
                by_person[row.person_id].append(row.action)
                people[row.person_id] = row.person
            messages = []
            for person_id, actions in by_person.items():
                count = len(actions)
                messages.append(
                    Message(
                        recipients=[people[person_id]],
                        kind="actions_overdue_weekly",
                        subject_ref="actions:overdue",
                        occasion=occasion,
                        subject=f"You have {count} overdue action{'s' if count != 1 else ''}",
                        body=(
                            "These actions you own are past their due date:\n\n"
                            + "\n".join(
                                f"{_action_line(action)} [{action.group.label}]" for action in actions
                            )
                            + "\n\nPost an update on each (a revised due date needs a reason), "
                            "or mark it complete."
                        ),
                        url=_url("governance:my_actions"),
                    )
                )
            created += send_messages(messages)
        after = person_ids[-1]


def weekly_overdue_chair_summaries(scan: Scan, occasion: str) -> int:
    """Each chair, their group's overdue actions, once a week."""
    overdue = _overdue_actions().filter(due_date__lt=scan.today)
    created = 0
    after = 0
    while True:
        with transaction.atomic():
            group_ids = list(
                overdue.filter(group_id__gt=after)
                .order_by("group_id")
                .values_list("group_id", flat=True)
                .distinct()[:BATCH_SIZE]
            )
            if not group_ids:
                return created
            actions = (
                overdue.filter(group_id__in=group_ids)
                .select_related("group")
                .prefetch_related("owners")
                .order_by("group_id", "due_date", "number")
            )
            by_group = defaultdict(list)
            for action in actions:
                by_group[action.group_id].append(action)
            chairs = scan.chairs_by_group(group_ids)
            messages = []
            for group_id, group_actions in by_group.items():
                group = group_actions[0].group
                count = len(group_actions)
                messages.append(
                    Message(
                        recipients=chairs.get(group_id, []),
                        kind="group_actions_overdue_weekly",
                        subject_ref=f"group:{group_id}",
                        occasion=occasion,
                        subject=f"{group.label}: {count} overdue action{'s' if count != 1 else ''}",
                        body=(
                            f"As a chair of {group.name}, these actions in its log are past their "
                            "due date:\n\n"
                            + "\n".join(_action_line(action, with_owners=True) for action in group_actions)
                        ),
                        url=_url("governance:action_log", group_id, fallback=group.get_absolute_url()),
                    )
                )
            created += send_messages(messages)
        after = group_ids[-1]


def weekly_action_reminders(scan: Scan) -> int:
    occasion = reminders.weekly_occasion(
        now=scan.now, hour=settings.REMINDER_WEEKLY_HOUR, closures=scan.closures
    )
    if occasion is None:
        return 0
    return weekly_overdue_owner_digests(scan, occasion) + weekly_overdue_chair_summaries(scan, occasion)


# Papers ----------------------------------------------------------------------------


def _items_without_a_paper():
    return AgendaItem.objects.exclude(standing_item__in=PAPERLESS_STANDING_ITEMS).exclude(
        Exists(Paper.objects.filter(agenda_item=OuterRef("pk")))
    )


def paper_reminders(scan: Scan) -> int:
    """Presenters of items with no paper yet, from a few working days before the deadline."""
    working_days = settings.PAPER_REMINDER_WORKING_DAYS
    meetings = Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED,
        group__active=True,
        paper_deadline__gt=scan.now,
        paper_deadline__lt=reminders.paper_reminder_horizon(
            today=scan.today, working_days_before=working_days, closures=scan.closures
        ),
    ).select_related("group")
    created = 0
    for batch in _batches(meetings):
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
        messages = []
        for item in items:
            meeting = due[item.meeting_id]
            deadline = timezone.localtime(meeting.paper_deadline)
            messages.append(
                Message(
                    recipients=[item.presenter],
                    kind="paper_reminder",
                    subject_ref=f"agenda_item:{item.pk}",
                    occasion=meeting.paper_deadline.isoformat(),
                    subject=f"Paper due by {deadline:%H:%M on %-d %b %Y}: {meeting}",
                    body=(
                        f"You are presenting item {item.number}, {item.title}, at the {meeting.group.name} "
                        f"meeting on {_when(meeting.starts_at)}, and no paper has been submitted yet.\n\n"
                        f"Papers are due by {deadline:%H:%M on %A %-d %B %Y}. A paper received after the "
                        "deadline is not put on the agenda unless the chair accepts it."
                    ),
                    url=_url("governance:meeting_papers", meeting.pk, fallback=meeting.get_absolute_url()),
                )
            )
        created += send_messages(messages)
    return created


def papers_after_deadline(scan: Scan) -> int:
    """The secretariat, once the deadline has passed: the missing and late papers."""
    meetings = Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED,
        group__active=True,
        paper_deadline__lt=scan.now,
        starts_at__gt=scan.now,
    ).select_related("group")
    created = 0
    for batch in _batches(meetings):
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
            sections = []
            if missing[meeting.pk]:
                sections.append(
                    "No paper yet:\n"
                    + "\n".join(
                        f"• {item.number}. {item.title}"
                        + (f" — presented by {item.presenter.name}" if item.presenter else "")
                        for item in missing[meeting.pk]
                    )
                )
            if late[meeting.pk]:
                sections.append(
                    "Late papers:\n" + "\n".join(_late_paper_line(paper) for paper in late[meeting.pk])
                )
            deadline = timezone.localtime(meeting.paper_deadline)
            messages.append(
                Message(
                    recipients=scan.secretariat(),
                    kind="papers_after_deadline",
                    subject_ref=f"meeting:{meeting.pk}",
                    occasion=meeting.paper_deadline.isoformat(),
                    subject=(
                        f"Papers for {meeting}: {len(missing[meeting.pk])} missing, "
                        f"{len(late[meeting.pk])} late"
                    ),
                    body=(
                        f"The paper deadline for the {meeting.group.name} meeting on "
                        f"{_when(meeting.starts_at)} passed at {deadline:%H:%M on %-d %b %Y}.\n\n"
                        + "\n\n".join(sections)
                    ),
                    url=_url("governance:meeting_papers", meeting.pk, fallback=meeting.get_absolute_url()),
                )
            )
        created += send_messages(messages)
    return created


def _late_paper_line(paper: Paper) -> str:
    author = f" by {paper.author.name} ({paper.author.agency.label})" if paper.author else ""
    accepted = ", accepted by the chair" if paper.late_accepted_at else ", not in the pack"
    submitted = timezone.localtime(paper.submitted_at)
    return (
        f"• {paper.agenda_item.number}. “{paper.title}”{author}, "
        f"submitted {submitted:%H:%M on %-d %b %Y}{accepted}"
    )


# Minutes ---------------------------------------------------------------------------


def minutes_reminders(scan: Scan) -> int:
    """The secretariat and the minute-taker, when minutes are still a draft N working days on."""
    working_days = settings.MINUTES_REMINDER_WORKING_DAYS
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
    created = 0
    for batch in _batches(meetings):
        messages = []
        for meeting in batch:
            meeting_date = reminders.local_date(meeting.starts_at)
            if not reminders.minutes_reminder_due(
                meeting_date=meeting_date, today=scan.today, working_days=working_days, closures=scan.closures
            ):
                continue
            messages.append(
                Message(
                    recipients=[*scan.secretariat(), meeting.minute_taker],
                    kind="minutes_overdue",
                    subject_ref=f"meeting:{meeting.pk}",
                    subject=f"Minutes still a draft: {meeting}",
                    body=(
                        f"The {meeting.group.name} meeting on {_when(meeting.starts_at)} was held "
                        f"{working_days} or more working days ago and its minutes are still a draft. "
                        "Finish them and circulate them to members."
                    ),
                    url=_url("governance:minutes_detail", meeting.pk, fallback=meeting.get_absolute_url()),
                )
            )
        created += send_messages(messages)
    return created


# Quoracy forecast -----------------------------------------------------------------


def quoracy_forecasts(scan: Scan) -> int:
    """Chair, secretariat and the partner's board member, each working day from N working days
    before a meeting that will not be quorate as things stand."""
    if not is_working_day(scan.today, scan.closures):
        return 0
    working_days = settings.QUORACY_FORECAST_WORKING_DAYS
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
    created = 0
    for batch in _batches(meetings):
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
        for meeting_id, person_id, agency_id, status in Attendance.objects.filter(
            meeting_id__in=list(due)
        ).values_list("meeting_id", "person_id", "agency_id", "status"):
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
            problems = []  # (partner name, agency or None, reason)
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
            names = [name for name, _, _ in problems]
            listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            messages.append(
                Message(
                    recipients=[*chair, *scan.secretariat(), *board],
                    kind="quoracy_forecast",
                    subject_ref=f"meeting:{meeting.pk}",
                    occasion=occasion,
                    subject=f"Will not be quorate as things stand: {meeting} ({listed} missing)",
                    body=(
                        f"The {meeting.group.name} meeting on {_when(meeting.starts_at)} will not be quorate "
                        "unless this changes: all three statutory partners must be represented by a member "
                        "or an authorised deputy (arrangements s.8).\n\n"
                        + "\n".join(
                            f"• The {name}" + (f" ({agency.name})" if agency else "") + f" {reason}."
                            for name, agency, reason in problems
                        )
                        + "\n\nAsk the partner to send a member or an authorised deputy. This warning is "
                        "repeated each working day until it is fixed or the meeting starts."
                    ),
                    url=meeting.get_absolute_url(),
                )
            )
        created += send_messages(messages)
    return created


# Non-attendance -------------------------------------------------------------------


def non_attendance(scan: Scan) -> int:
    """For held meetings: each member from a relevant agency absent without valid reason is
    reported to their line manager (or the secretariat, if they have none); three such absences
    in a row at one group are flagged to its chairs."""
    meetings = Meeting.objects.filter(
        status=MeetingStatus.HELD,
        group__active=True,
        starts_at__gte=scan.now - NON_ATTENDANCE_LOOKBACK,
        starts_at__lte=scan.now,
    ).select_related("group")
    current_member = Membership.objects.current(scan.today).filter(
        person=OuterRef("person"), group=OuterRef("meeting__group")
    )
    created = 0
    for batch in _batches(meetings):
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
        created += send_messages(messages)
    return created


def _line_manager_message(scan: Scan, line: Attendance, meeting: Meeting) -> Message:
    person = line.person
    how = (
        "was absent without apologies"
        if line.status == AttendanceStatus.ABSENT
        else "sent apologies that were not accepted as a valid reason"
        + (f" (“{line.apology_reason}”)" if line.apology_reason else "")
    )
    manager = person.line_manager
    if manager is not None and manager.active:
        return Message(
            recipients=[manager],
            kind="non_attendance",
            subject_ref=f"attendance:{line.pk}",
            subject=f"{person.name} missed a meeting: {meeting}",
            body=(
                f"{person.name} ({line.agency.name}), whom you line-manage, is a member of "
                f"{meeting.group.name} and {how} at its meeting on {_when(meeting.starts_at)}.\n\n"
                "Relevant agencies are expected to send someone to every meeting; you are told as their "
                "line manager so that the agency can be represented next time."
            ),
            url=meeting.get_absolute_url(),
        )
    return Message(
        recipients=scan.secretariat(),
        kind="line_manager_missing",
        subject_ref=f"attendance:{line.pk}",
        subject=f"No line manager to tell: {person.name} missed {meeting}",
        body=(
            f"{person.name} ({line.agency.name}) {how} at the {meeting.group.name} meeting on "
            f"{_when(meeting.starts_at)}, but the directory has no active line manager for them, so nobody "
            "at their agency has been told. Add their line manager to their entry in the directory."
        ),
        url=person.get_absolute_url(),
    )


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
            person = people[person_id]
            dates = ", ".join(f"{timezone.localtime(starts):%-d %b %Y}" for _, starts in reversed(last_held))
            messages.append(
                Message(
                    recipients=chairs.get(meeting.group_id, []),
                    kind="repeated_non_attendance",
                    subject_ref=f"group:{meeting.group_id}:person:{person_id}",
                    occasion=f"meeting:{meeting.pk}",
                    subject=f"{person.name} has missed three {meeting.group.label} meetings in a row",
                    body=(
                        f"{person.name} ({agencies[person_id].name}) was absent "
                        f"without a valid reason from the last three meetings of {meeting.group.name} "
                        f"({dates}). As its chair you may want to speak to them or their agency."
                    ),
                    url=person.get_absolute_url(),
                )
            )
    return messages


# The scan ---------------------------------------------------------------------------

PARTS: tuple[tuple[str, Callable[[Scan], int]], ...] = (
    ("action_reminders", action_due_reminders),
    ("weekly_action_reminders", weekly_action_reminders),
    ("paper_reminders", paper_reminders),
    ("papers_after_deadline", papers_after_deadline),
    ("minutes_reminders", minutes_reminders),
    ("quoracy_forecasts", quoracy_forecasts),
    ("non_attendance", non_attendance),
)


class ScanFailed(Exception):
    pass


def reminders_scan(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Run every part; a part that fails does not stop the others, but the run is then not
    recorded as completed, so /healthz shows the scan going stale."""
    started = time.monotonic()
    now = now or timezone.now()
    scan = Scan(now=now, today=reminders.local_date(now), closures=closure_days())
    counts = {}
    failures = []
    for name, part in PARTS:
        try:
            counts[name] = part(scan)
        except Exception:
            logger.exception("Reminder scan: %s failed", name)
            failures.append(name)
    counts["emails_requeued"] = notifications_requeue_stuck(now=now)
    if failures:
        raise ScanFailed(f"Reminder scan parts failed: {', '.join(failures)}")
    ScanRun.objects.update_or_create(
        name=SCAN_NAME,
        defaults={
            "last_started_at": now,
            "last_finished_at": timezone.now(),
            "last_duration_ms": int((time.monotonic() - started) * 1000),
            "last_counts": counts,
        },
    )
    return counts
