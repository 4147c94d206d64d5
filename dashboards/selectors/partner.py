"""The partner dashboard's figures, counted in the database, in a fixed number of queries.

Every figure is limited to what the user may see: meetings through governance's meeting
visibility, actions through the logs they may read and the sources' rules (so a case review's
actions stay with those who may see them). Quoracy is judged by governance's own rule
(governance.quoracy through governance.selectors.meetings), never re-derived here.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from dashboards import rules
from governance.models import (
    FINISHED_STATUSES,
    OUTSTANDING_STATUSES,
    ActionStatus,
    Attendance,
    AttendanceStatus,
    Group,
    MeetingStatus,
    Person,
)
from governance.selectors.actions import actions_visible_to_user, with_due_soon_window
from governance.selectors.meetings import (
    groups_with_meetings_visible_to,
    meeting_quoracy,
    meetings_visible_to,
    with_quoracy_facts_across_meetings,
)

ATTENDANCE_COLUMNS = (
    (AttendanceStatus.PRESENT, "Present"),
    (AttendanceStatus.DEPUTY, "Deputy"),
    (AttendanceStatus.APOLOGIES, "Apologies"),
    (AttendanceStatus.ABSENT, "Absent"),
)
ACTION_STATUSES = tuple(ActionStatus)
NO_AGENCY = "none"


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def meetings_in_period(
    *, user, period: rules.Period, group: Group | None, now: datetime.datetime
) -> QuerySet:
    """Meetings the user may see that took place in the period (started before now), cancelled
    ones excluded: what attendance and quoracy are counted over."""
    meetings = meetings_visible_to(user).filter(
        starts_at__gte=_day_start(period.start), starts_at__lt=min(now, _day_start(period.end))
    )
    meetings = meetings.exclude(status=MeetingStatus.CANCELLED)
    if group is not None:
        meetings = meetings.filter(group=group)
    return meetings


# Attendance by agency -----------------------------------------------------------------


@dataclass
class AgencyAttendance:
    agency_id: int
    name: str
    counts: dict[str, int]

    @property
    def cells(self) -> list[int]:
        """The counts in the table's column order."""
        return [self.counts[status] for status, _ in ATTENDANCE_COLUMNS]

    @property
    def attended(self) -> int:
        return self.counts[AttendanceStatus.PRESENT] + self.counts[AttendanceStatus.DEPUTY]

    @property
    def expected(self) -> int:
        """Lines of people expected (members and their deputies): present, deputy, apologies or
        absent; people in attendance by invitation and lines not yet recorded are left out."""
        return self.attended + self.counts[AttendanceStatus.APOLOGIES] + self.counts[AttendanceStatus.ABSENT]

    @property
    def rate(self) -> int | None:
        return rules.percentage(self.attended, self.expected)


def attendance_by_agency(meetings: QuerySet) -> list[AgencyAttendance]:
    """Per agency, how its lines were recorded at the meetings (one query). A deputy's line
    names the agency they represent, so deputies count for their agency."""
    rows = cast(
        "list[dict[str, Any]]",
        list(
            Attendance.objects.filter(meeting__in=meetings.values("pk"))
            .order_by()
            .values("agency_id", "agency__name", "agency__short_name")
            .annotate(**{status: Count("pk", filter=Q(status=status)) for status, _ in ATTENDANCE_COLUMNS})
            .order_by("agency__name")
        ),
    )
    return [
        AgencyAttendance(
            agency_id=row["agency_id"],
            name=row["agency__short_name"] or row["agency__name"],
            counts={status: row[status] for status, _ in ATTENDANCE_COLUMNS},
        )
        for row in rows
        if any(row[status] for status, _ in ATTENDANCE_COLUMNS)
    ]


# Quoracy record per group ---------------------------------------------------------------


@dataclass
class GroupQuoracy:
    group_id: int
    name: str
    quorate: int = 0
    not_quorate: int = 0
    not_judged: int = 0  # no quorum rule, or the rule is not set
    not_recorded: int = 0  # no attendance recorded yet

    @property
    def meetings(self) -> int:
        return self.quorate + self.not_quorate + self.not_judged + self.not_recorded

    @property
    def rate(self) -> int | None:
        return rules.percentage(self.quorate, self.quorate + self.not_quorate)


def quoracy_record(meetings: QuerySet) -> list[GroupQuoracy]:
    """Per group, its meetings in the period judged quorate or not by governance's rule, from the
    whole meeting's attendance (two queries: the meetings, their lines with the rule's facts)."""
    held = list(meetings.select_related("group").order_by("group__name", "starts_at"))
    lines: dict[int, list[Attendance]] = defaultdict(list)
    attendance = with_quoracy_facts_across_meetings(
        Attendance.objects.filter(meeting__in=meetings.values("pk"))
    ).select_related("agency")
    for line in attendance:
        lines[line.meeting_id].append(line)
    record: dict[int, GroupQuoracy] = {}
    for meeting in held:
        row = record.setdefault(meeting.group_id, GroupQuoracy(meeting.group_id, meeting.group.label))
        recorded = [line for line in lines[meeting.pk] if line.status != AttendanceStatus.NOT_RECORDED]
        if not recorded:
            row.not_recorded += 1
            continue
        quoracy = meeting_quoracy(meeting=meeting, attendance=lines[meeting.pk])
        if not quoracy.applies:
            row.not_judged += 1
        elif quoracy.quorate:
            row.quorate += 1
        else:
            row.not_quorate += 1
    return list(record.values())


# Actions by agency and status, and the overdue trend ---------------------------------------


@dataclass
class AgencyActions:
    agency_key: str  # the agency's id, or NO_AGENCY
    name: str
    counts: dict[str, int] = field(default_factory=dict)
    overdue: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cells(self) -> list[tuple[ActionStatus, int]]:
        """(status, count) in the table's column order."""
        return [(status, self.counts[status.value]) for status in ACTION_STATUSES]


def actions_in_scope(*, user, period: rules.Period, group: Group | None) -> QuerySet:
    """The actions the figures count: those the user may see that are outstanding now, or that
    were finished in the period (by their completion date)."""
    actions = actions_visible_to_user(user).filter(
        Q(status__in=OUTSTANDING_STATUSES)
        | Q(status__in=FINISHED_STATUSES, completed_on__gte=period.start, completed_on__lt=period.end)
    )
    if group is not None:
        actions = actions.filter(group=group)
    return actions


def overdue_at(day: datetime.date) -> Q:
    """Actions overdue at the end of `day`: dashboards.rules.was_overdue_at, in SQL."""
    return Q(due_date__lt=day, created_at__lt=_day_start(day + datetime.timedelta(days=1))) & (
        Q(status__in=OUTSTANDING_STATUSES) | Q(status__in=FINISHED_STATUSES, completed_on__gt=day)
    )


@dataclass(frozen=True)
class TrendPoint:
    month: datetime.date
    day: datetime.date  # the day the month's figure is read at
    overdue: int


def action_figures(
    *, user, period: rules.Period, group: Group | None, today: datetime.date
) -> tuple[list[AgencyActions], list[TrendPoint]]:
    """Actions by lead agency and status with those overdue now, and the overdue trend: one
    reading of the actions table (one query grouped by lead agency, each figure a conditional
    count; the trend is the sum over the agencies).

    The status counts are of the actions in scope (`actions_in_scope`: outstanding now, or
    finished in the period); the trend counts every action the user may see, since one finished
    before the period's end may have been overdue during it. Both need only actions outstanding
    now or finished since the period began, so the rest of the log is left out of the count."""
    actions = actions_visible_to_user(user).filter(
        Q(status__in=OUTSTANDING_STATUSES) | Q(status__in=FINISHED_STATUSES, completed_on__gte=period.start)
    )
    if group is not None:
        actions = actions.filter(group=group)
    finished_in_period = Q(completed_on__gte=period.start, completed_on__lt=period.end)
    in_scope_counts = {
        status.value: Count(
            "pk",
            filter=Q(status=status)
            if status in OUTSTANDING_STATUSES
            else Q(status=status) & finished_in_period,
        )
        for status in ACTION_STATUSES
    }
    days = [(month, rules.month_end(month, today=today)) for month in period.month_starts()]
    rows = (
        actions.order_by()
        .values("lead_agency_id", "lead_agency__name", "lead_agency__short_name")
        .annotate(
            **in_scope_counts,
            overdue_now=Count("pk", filter=Q(status__in=OUTSTANDING_STATUSES, due_date__lt=today)),
            **{f"m{index}": Count("pk", filter=overdue_at(day)) for index, (_, day) in enumerate(days)},
        )
        .order_by("lead_agency__name")
    )
    by_agency = []
    trend_counts = [0] * len(days)
    for row in rows:
        for index in range(len(days)):
            trend_counts[index] += row[f"m{index}"]
        counts = {status.value: row[status.value] for status in ACTION_STATUSES}
        if not any(counts.values()):  # only in the trend: no action of this agency is in scope
            continue
        agency_id = row["lead_agency_id"]
        by_agency.append(
            AgencyActions(
                agency_key=str(agency_id) if agency_id else NO_AGENCY,
                name=(row["lead_agency__short_name"] or row["lead_agency__name"])
                if agency_id
                else "No lead agency",
                counts=counts,
                overdue=row["overdue_now"],
            )
        )
    # "No lead agency" last, after the agencies in alphabetical order.
    by_agency.sort(key=lambda row: row.agency_key == NO_AGENCY)
    trend = [TrendPoint(month, day, trend_counts[index]) for index, (month, day) in enumerate(days)]
    return by_agency, trend


# The page ----------------------------------------------------------------------------------


@dataclass
class PartnerDashboard:
    period: rules.Period
    group: Group | None
    attendance: list[AgencyAttendance]
    quoracy: list[GroupQuoracy]
    actions: list[AgencyActions]
    trend: list[TrendPoint]
    action_totals: dict[str, int]
    panels: dict = field(default_factory=dict)

    @property
    def total_cells(self) -> list[tuple[ActionStatus, int]]:
        return [(status, self.action_totals[status.value]) for status in ACTION_STATUSES]


def partner_dashboard(
    *, user, period: rules.Period, group: Group | None, now: datetime.datetime | None = None
) -> PartnerDashboard:
    """Every governance figure of the partner dashboard: four queries whatever the data's size
    (attendance, the meetings and their lines for quoracy, the actions' figures and trend)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    meetings = meetings_in_period(user=user, period=period, group=group, now=now)
    actions, trend = action_figures(user=user, period=period, group=group, today=today)
    totals = {status.value: sum(row.counts[status.value] for row in actions) for status in ACTION_STATUSES}
    totals["overdue"] = sum(row.overdue for row in actions)
    return PartnerDashboard(
        period=period,
        group=group,
        attendance=attendance_by_agency(meetings),
        quoracy=quoracy_record(meetings),
        actions=actions,
        trend=trend,
        action_totals=totals,
    )


def group_choices(user) -> QuerySet:
    return groups_with_meetings_visible_to(user)


# The records behind a figure ---------------------------------------------------------------


def actions_behind(
    *,
    user,
    period: rules.Period,
    group: Group | None,
    today: datetime.date,
    agency: str = "",
    status: str = "",
    overdue: bool = False,
    overdue_on: datetime.date | None = None,
) -> QuerySet:
    """The actions a figure counts, for the list it links to: an agency's (or those with no lead
    agency), of one status, overdue now, or overdue at the end of a month of the trend."""
    if overdue_on is not None:
        actions = actions_visible_to_user(user).filter(overdue_at(overdue_on))
        if group is not None:
            actions = actions.filter(group=group)
    else:
        actions = actions_in_scope(user=user, period=period, group=group)
    if agency == NO_AGENCY:
        actions = actions.filter(lead_agency__isnull=True)
    elif agency:
        actions = actions.filter(lead_agency_id=int(agency))
    if status:
        actions = actions.filter(status=status)
    if overdue:
        actions = actions.filter(status__in=OUTSTANDING_STATUSES, due_date__lt=today)
    return (
        with_due_soon_window(actions)
        .select_related("group", "lead_agency", "owner_group")
        .prefetch_related(Prefetch("owners", queryset=Person.objects.order_by("name")))
        .order_by(F("due_date").asc(nulls_last=True), "group__name", "number")
    )


def attendance_behind(
    *, user, period: rules.Period, group: Group | None, agency_id: int, now: datetime.datetime
) -> QuerySet:
    """An agency's attendance lines at the meetings a figure counts, latest meeting first."""
    meetings = meetings_in_period(user=user, period=period, group=group, now=now)
    return (
        Attendance.objects.filter(meeting__in=meetings.values("pk"), agency_id=agency_id)
        .select_related("meeting__group", "person", "deputy_for")
        .order_by("-meeting__starts_at", "person__name")
    )
