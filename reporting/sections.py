"""The sections a report's draft is assembled from, each read from one source's records.

A section is plain data (a title, summary lines, tables) so a report keeps what the records
said when it was generated, and the page, the PDF and the Word document all print the same
figures. Each source is one function here, listed in HIGHLIGHT_SECTIONS or YEARLY_SECTIONS
once its app's selector exists; a function answers None when its source has nothing to say
for the period. Counts only: no section names a child, a family or a case (issue 15).
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from governance.action_rules import is_due_soon, is_overdue
from governance.choices import FINISHED_STATUSES, GroupKind, MeetingStatus, QuorumRule
from governance.models import Action, Group, Meeting
from governance.selectors.meetings import meeting_quoracy


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[Any]]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    summary: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # The yearly report's narrative part this section's figures belong to (YearlyReport fields).
    part: str = ""

    def to_data(self) -> dict:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict) -> "Section":
        tables = [Table(**table) for table in data.get("tables", [])]
        return cls(**{**data, "tables": tables})


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    today: datetime.date  # the day the draft is generated: due status is judged on it

    @property
    def start_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def end_before(self) -> datetime.datetime:
        """The first moment after the period."""
        day_after = self.end + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def _quoracy_label(meeting: Meeting) -> str:
    if meeting.group.quorum_rule in (QuorumRule.NONE, QuorumRule.NOT_SET):
        return "No quorum rule"
    return str(meeting_quoracy(meeting=meeting))


# A subgroup's quarter (highlight reports) ---------------------------------------------------


def group_meetings_section(*, group: Group, period: Period) -> Section:
    """Meetings held in the quarter and whether each was quorate (arrangements s.8)."""
    meetings = list(
        Meeting.objects.filter(group=group, starts_at__gte=period.start_at, starts_at__lt=period.end_before)
        .select_related("group")
        .order_by("starts_at")
    )
    held = [meeting for meeting in meetings if meeting.status == MeetingStatus.HELD]
    cancelled = sum(1 for meeting in meetings if meeting.status == MeetingStatus.CANCELLED)
    rows = [[f"{meeting.local_date:%-d %b %Y}", _quoracy_label(meeting)] for meeting in held]
    quorate = sum(1 for row in rows if row[1] == "Quorate")
    summary = [f"{plural(len(held), 'meeting')} held, {quorate} of them quorate."]
    if cancelled:
        summary.append(f"{plural(cancelled, 'meeting')} cancelled.")
    if not held:
        summary = ["No meeting was held in the quarter.", *summary[1:]]
    tables = [Table("Meetings held", ["Date", "Quoracy"], rows)] if rows else []
    return Section("meetings", "Meetings and quoracy", summary, tables)


def group_actions_section(*, group: Group, period: Period) -> Section:
    """The group's action log: agreed and completed in the quarter, and the due status of what
    is outstanding on the day the draft is generated (counts only, so nothing confidential)."""
    actions = list(
        Action.objects.filter(group=group).values_list("status", "due_date", "created_at", "completed_on")
    )
    agreed = sum(1 for _, _, created, _ in actions if period.start_at <= created < period.end_before)
    completed = sum(
        1
        for status, _, _, completed_on in actions
        if status in FINISHED_STATUSES and completed_on and period.start <= completed_on <= period.end
    )
    overdue = sum(1 for status, due, _, _ in actions if is_overdue(status, due, period.today))
    due_soon = sum(1 for status, due, _, _ in actions if is_due_soon(status, due, period.today))
    outstanding = sum(1 for status, _, _, _ in actions if status not in FINISHED_STATUSES)
    summary = [
        f"{plural(agreed, 'action')} agreed and {completed} completed in the quarter.",
        f"{outstanding} outstanding on {period.today:%-d %b %Y}: {overdue} overdue, {due_soon} due soon.",
    ]
    rows = [
        ["Agreed in the quarter", agreed],
        ["Completed in the quarter", completed],
        ["Outstanding", outstanding],
        ["Overdue", overdue],
        ["Due soon", due_soon],
    ]
    return Section("actions", "Action log", summary, [Table("Actions", ["", "Number"], rows)])


HighlightSource = Callable[..., Section | None]
HIGHLIGHT_SECTIONS: list[HighlightSource] = [group_meetings_section, group_actions_section]


def highlight_sections(*, group: Group, period: Period) -> list[Section]:
    return [
        section
        for source in HIGHLIGHT_SECTIONS
        if (section := source(group=group, period=period)) is not None
    ]


# The partnership's year (the yearly report) ------------------------------------------------


def partnership_meetings_section(*, period: Period) -> Section:
    """The partnership's own work in the year: meetings held and quorate, actions agreed and
    completed, per group (evidence of the partners' work, s.19.1a)."""
    held = list(
        Meeting.objects.filter(
            status=MeetingStatus.HELD, starts_at__gte=period.start_at, starts_at__lt=period.end_before
        )
        .exclude(group__kind=GroupKind.PARTNER_BODY)
        .select_related("group")
        .order_by("group__name", "starts_at")
    )
    by_group: dict[int, list] = {}
    for meeting in held:
        entry = by_group.setdefault(meeting.group_id, [meeting.group.name, 0, 0])
        entry[1] += 1
        entry[2] += _quoracy_label(meeting) == "Quorate"
    actions = (
        Action.objects.values("group_id", "group__name")
        .annotate(
            agreed=Count("pk", filter=Q(created_at__gte=period.start_at, created_at__lt=period.end_before)),
            completed=Count(
                "pk",
                filter=Q(
                    status__in=FINISHED_STATUSES,
                    completed_on__gte=period.start,
                    completed_on__lte=period.end,
                ),
            ),
        )
        .order_by("group__name")
    )
    action_counts = {row["group_id"]: row for row in actions if row["agreed"] or row["completed"]}
    names = {group_id: entry[0] for group_id, entry in by_group.items()}
    names.update({group_id: row["group__name"] for group_id, row in action_counts.items()})
    rows = []
    for group_id, name in sorted(names.items(), key=lambda pair: pair[1]):
        meetings = by_group.get(group_id, [name, 0, 0])
        counts = action_counts.get(group_id, {"agreed": 0, "completed": 0})
        rows.append([name, meetings[1], meetings[2], counts["agreed"], counts["completed"]])
    total_held = sum(row[1] for row in rows)
    total_quorate = sum(row[2] for row in rows)
    summary = [
        f"{plural(total_held, 'meeting')} of the partnership's groups held in the year, "
        f"{total_quorate} of them quorate.",
        f"{plural(sum(row[3] for row in rows), 'action')} agreed and "
        f"{sum(row[4] for row in rows)} completed across the groups' action logs.",
    ]
    headers = ["Group", "Meetings held", "Quorate", "Actions agreed", "Actions completed"]
    tables = [Table("The partnership's groups in the year", headers, rows)] if rows else []
    return Section("partnership", "The partnership at work", summary, tables, part="impact")


YearlySource = Callable[..., Section | None]
YEARLY_SECTIONS: list[YearlySource] = [partnership_meetings_section]


def yearly_sections(*, period: Period) -> list[Section]:
    return [section for source in YEARLY_SECTIONS if (section := source(period=period)) is not None]


def sections_from(figures: Sequence[dict]) -> list[Section]:
    return [Section.from_data(data) for data in figures]
