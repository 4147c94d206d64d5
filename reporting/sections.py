"""The sections a report's draft is assembled from, each read from one source's records.

A section is plain data (a title, summary lines, tables) so a report keeps what the records
said when it was generated, and the page, the PDF and the Word document all print the same
figures. Each source is one function here, listed in HIGHLIGHT_SECTIONS or YEARLY_SECTIONS
once its app's selector exists; a function answers None when its source has nothing to say
for the period. Counts only: no section names a child, a family or a case (issue 15).
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from audits import selectors as audit_selectors
from core.partnership import read_once
from governance.action_rules import DUE_SOON_DAYS
from governance.choices import (
    FINISHED_STATUSES,
    OUTSTANDING_STATUSES,
    GroupKind,
    LogReaders,
    MeetingStatus,
    QuorumRule,
)
from governance.models import Action, Attendance, Group, Meeting
from governance.selectors.meetings import meeting_quoracy, with_quoracy_facts_across_meetings
from planning import selectors as planning_selectors
from planning.choices import EscalationStatus, ProgressRag
from reviews import selectors as review_selectors
from reviews.choices import AdultDecision, Recommendation, ReviewType
from training import selectors as training_selectors


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


# While one draft is assembled, each source's summary is read once however many sections print
# from it (the plan's summary feeds three yearly sections, the audits' two); a section called on
# its own reads afresh.
_draft_reads: ContextVar[dict | None] = ContextVar("reporting_draft_reads", default=None)


def _read_once(key: tuple, read: Callable[[], Any]) -> Any:
    reads = _draft_reads.get()
    if reads is None:
        return read()
    if key not in reads:
        reads[key] = read()
    return reads[key]


@contextmanager
def _one_draft() -> Iterator[None]:
    """Within the block, each summary is read once, and so are the partnership's settings (which
    every meeting's quoracy asks for)."""
    token = _draft_reads.set({})
    try:
        with read_once():
            yield
    finally:
        _draft_reads.reset(token)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def _attendance_by_meeting(meetings: QuerySet[Meeting]) -> dict[int, list[Attendance]]:
    """Every attendance line of the meetings with the facts the quoracy rule needs, in one query
    (not one per meeting: a year of the partnership's groups is a few hundred meetings)."""
    lines: dict[int, list[Attendance]] = defaultdict(list)
    attendance = with_quoracy_facts_across_meetings(
        Attendance.objects.filter(meeting__in=meetings.values("pk"))
    ).select_related("agency")
    for line in attendance:
        lines[line.meeting_id].append(line)
    return lines


def _quoracy_label(meeting: Meeting, attendance: list[Attendance]) -> str:
    if meeting.group.quorum_rule in (QuorumRule.NONE, QuorumRule.NOT_SET):
        return "No quorum rule"
    return str(meeting_quoracy(meeting=meeting, attendance=attendance))


# A subgroup's quarter (highlight reports) ---------------------------------------------------


def group_meetings_section(*, group: Group, period: Period) -> Section:
    """Meetings held in the quarter and whether each was quorate (arrangements s.8)."""
    in_quarter = Meeting.objects.filter(
        group=group, starts_at__gte=period.start_at, starts_at__lt=period.end_before
    )
    meetings = list(in_quarter.select_related("group").order_by("starts_at"))
    held = [meeting for meeting in meetings if meeting.status == MeetingStatus.HELD]
    cancelled = sum(1 for meeting in meetings if meeting.status == MeetingStatus.CANCELLED)
    attendance = _attendance_by_meeting(in_quarter.filter(status=MeetingStatus.HELD)) if held else {}
    rows = [
        [f"{meeting.local_date:%-d %b %Y}", _quoracy_label(meeting, attendance.get(meeting.pk, []))]
        for meeting in held
    ]
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
    # Counted in the database (one query), by governance's rules: overdue once the due date has
    # passed, due soon from today to DUE_SOON_DAYS ahead (governance.action_rules).
    open_ = Q(status__in=OUTSTANDING_STATUSES)
    counts = Action.objects.filter(group=group).aggregate(
        agreed=Count("pk", filter=Q(created_at__gte=period.start_at, created_at__lt=period.end_before)),
        completed=Count(
            "pk",
            filter=Q(
                status__in=FINISHED_STATUSES, completed_on__gte=period.start, completed_on__lte=period.end
            ),
        ),
        overdue=Count("pk", filter=open_ & Q(due_date__lt=period.today)),
        due_soon=Count(
            "pk",
            filter=open_
            & Q(
                due_date__gte=period.today,
                due_date__lte=period.today + datetime.timedelta(days=DUE_SOON_DAYS),
            ),
        ),
        outstanding=Count("pk", filter=~Q(status__in=FINISHED_STATUSES)),
    )
    agreed, completed = counts["agreed"], counts["completed"]
    overdue, due_soon, outstanding = counts["overdue"], counts["due_soon"], counts["outstanding"]
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


def _rag_label(value: str) -> str:
    return ProgressRag(value).label if value in ProgressRag.values else value


def _group_plan_summary(group: Group, period: Period) -> dict:
    return _read_once(
        ("plan", group.pk, period.start, period.end),
        lambda: planning_selectors.group_period_summary(group=group, start=period.start, end=period.end),
    )


def group_plan_section(*, group: Group, period: Period) -> Section | None:
    """The business plan cells the group owns: each one's latest progress RAG by the quarter's end
    (the owner's dated judgement, not the action log's due status). None when it owns none."""
    summary = _group_plan_summary(group, period)
    if not summary["cells"]:
        return None
    rows = []
    for entry in summary["cells"]:
        latest = entry["latest"]
        rows.append(
            [
                str(entry["priority"].title),
                str(entry["workstream"].title),
                _rag_label(latest.rag) if latest else "Not yet judged",
                f"{latest.judged_on:%-d %b %Y}" if latest else "—",
                len(entry["judgements"]),
            ]
        )
    counts = {
        rag: sum(1 for e in summary["cells"] if e["latest"] and e["latest"].rag == rag) for rag in ProgressRag
    }
    text = ", ".join(f"{counts[rag]} {rag.value}" for rag in ProgressRag)
    return Section(
        "plan",
        "Business plan: the group's priorities",
        [f"{plural(len(rows), 'plan cell')} owned by the group: {text} at the end of the quarter."],
        [
            Table(
                "Progress RAG",
                ["Priority", "Workstream", "Progress RAG", "Judged on", "Judgements in the quarter"],
                rows,
            )
        ],
    )


def group_escalations_section(*, group: Group, period: Period) -> Section:
    """Issues the group escalated to the board in the quarter (arrangements s.7.2, s.24). A
    need-to-know group's are counted, not named."""
    summary = _group_plan_summary(group, period)
    escalations = summary["escalations"]
    if not escalations:
        return Section(
            "escalations", "Escalations to the board", ["No issue was escalated to the board in the quarter."]
        )
    counts = {status: sum(1 for e in escalations if e.status == status) for status in EscalationStatus.values}
    lines = [
        f"{plural(len(escalations), 'issue')} escalated to the board: "
        + ", ".join(f"{counts[status.value]} {status.label.lower()}" for status in EscalationStatus)
        + "."
    ]
    if group.log_readers == LogReaders.MEMBERS_ONLY:
        return Section("escalations", "Escalations to the board", lines)
    rows = [[f"{e.raised_on:%-d %b %Y}", e.title, e.get_status_display()] for e in escalations]
    return Section(
        "escalations",
        "Escalations to the board",
        lines,
        [Table("Escalations", ["Raised on", "What", "Status"], rows)],
    )


def _training_lines(summary: dict) -> list[str]:
    lines = [
        f"{plural(summary['sessions_delivered'], 'session')} delivered, {summary['places']} places; "
        f"{summary['booked']} booked, {summary['attended']} attended, {summary['no_shows']} did not attend"
        + (f" (attendance {summary['attendance_rate']}%)." if summary["attendance_rate"] is not None else ".")
    ]
    if summary["evaluations"]:
        evaluations = plural(summary["evaluations"], "evaluation")
        line = f"{evaluations} returned, average rating {summary['average_rating']} out of 5"
        if summary["confidence_before"] is not None:
            line += (
                f"; confidence {summary['confidence_before']} before and {summary['confidence_after']} after"
            )
        lines.append(line + ".")
    return lines


def _take_up_table(start: datetime.date, end: datetime.date) -> Table:
    rows = [
        [row["agency"], row["booked"], row["attended"], row["no_shows"], row["cancellations"]]
        for row in training_selectors.take_up_by_agency(start=start, end=end)
    ]
    return Table("Take-up by agency", ["Agency", "Booked", "Attended", "Did not attend", "Cancelled"], rows)


def group_training_section(*, group: Group, period: Period, include_training: bool = False) -> Section | None:
    """The partnership's training in the quarter, for the group that oversees multi-agency
    training (arrangements s.7.12: the Development & Practice Group; chosen when drafting)."""
    if not include_training:
        return None
    summary = training_selectors.group_period_summary(group=group, start=period.start, end=period.end)
    lines = _training_lines(summary)
    lines.append(
        f"{plural(len(summary['needs_identified']), 'training need')} identified in the quarter; "
        f"{summary['needs_open']} open."
    )
    table = _take_up_table(period.start, period.end)
    return Section("training", "Training", lines, [table] if table.rows else [])


def _date(day: datetime.date | None) -> str:
    return f"{day:%-d %b %Y}" if day else "—"


def _completed_audits_table(summary: dict) -> Table:
    rows = [
        [
            audit["theme"],
            _date(audit["completed_on"]),
            audit["grade"] or "Not graded",
            audit["areas_for_improvement"],
        ]
        for audit in summary["audits_completed"]
    ]
    return Table("Audits completed", ["Theme", "Completed", "Grade", "Areas for improvement"], rows)


def _recommendation_lines(summary: dict) -> list[str]:
    recommendations = summary["recommendations"]
    if not recommendations:
        return []
    with_action = [r for r in recommendations if r["action_number"] is not None]
    return [
        f"{plural(len(recommendations), 'recommendation')} made, "
        f"{len(with_action)} of them actions in the log."
    ]


def group_audits_section(*, group: Group, period: Period) -> Section | None:
    """The group's audit programme in the quarter: audits completed with their grade, those under
    way, recommendations, single-agency audits reviewed and self-assessments moderated (s.18).
    None when the group runs no audits."""
    summary = audit_selectors.group_period_summary(group=group, start=period.start, end=period.end)
    completed, under_way = summary["audits_completed"], summary["audits_under_way"]
    reviewed, moderated = summary["single_agency_audits_reviewed"], summary["self_assessments_moderated"]
    if not (completed or under_way or reviewed or moderated):
        return None
    lines = [
        f"{plural(len(completed), 'audit')} completed in the quarter, {len(under_way)} planned or under way."
    ]
    lines += _recommendation_lines(summary)
    if reviewed or moderated:
        lines.append(
            f"{plural(reviewed, 'single-agency audit')} reviewed; "
            f"{plural(moderated, 'self-assessment')} moderated."
        )
    tables = [_completed_audits_table(summary)] if completed else []
    if under_way:
        rows = [[audit["theme"], audit["status"], f"{audit['target_month']:%b %Y}"] for audit in under_way]
        tables.append(Table("Audits planned or under way", ["Theme", "Status", "Target month"], rows))
    return Section("audits", "Audits", lines, tables)


HighlightSource = Callable[..., Section | None]
HIGHLIGHT_SECTIONS: list[HighlightSource] = [
    group_meetings_section,
    group_actions_section,
    group_audits_section,
    group_plan_section,
    group_escalations_section,
]


def highlight_sections(*, group: Group, period: Period, include_training: bool = False) -> list[Section]:
    sources = [*HIGHLIGHT_SECTIONS]
    with _one_draft():
        sections = [
            section for source in sources if (section := source(group=group, period=period)) is not None
        ]
        training = group_training_section(group=group, period=period, include_training=include_training)
    return sections + ([training] if training else [])


# The partnership's year (the yearly report) ------------------------------------------------


def partnership_meetings_section(*, period: Period) -> Section:
    """The partnership's own work in the year: meetings held and quorate, actions agreed and
    completed, per group (evidence of the partners' work, s.19.1a)."""
    held_in_year = Meeting.objects.filter(
        status=MeetingStatus.HELD, starts_at__gte=period.start_at, starts_at__lt=period.end_before
    ).exclude(group__kind=GroupKind.PARTNER_BODY)
    held = list(held_in_year.select_related("group").order_by("group__name", "starts_at"))
    attendance = _attendance_by_meeting(held_in_year)
    by_group: dict[int, list] = {}
    for meeting in held:
        entry = by_group.setdefault(meeting.group_id, [meeting.group.name, 0, 0])
        entry[1] += 1
        entry[2] += _quoracy_label(meeting, attendance.get(meeting.pk, [])) == "Quorate"
    in_year = Q(created_at__gte=period.start_at, created_at__lt=period.end_before)
    done_in_year = Q(
        status__in=FINISHED_STATUSES, completed_on__gte=period.start, completed_on__lte=period.end
    )
    # Only the actions agreed or finished in the year are grouped (a group with neither is left
    # out of the table anyway), not every action of ten years.
    actions = (
        Action.objects.filter(in_year | done_in_year)
        .values("group_id", "group__name")
        .annotate(
            agreed=Count("pk", filter=in_year),
            completed=Count("pk", filter=done_in_year),
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


def training_section(*, period: Period) -> Section:
    """Training delivered and its take-up by agency (s.17.7, s.19.1a)."""
    summary = training_selectors.period_summary(start=period.start, end=period.end)
    tables = []
    take_up = _take_up_table(period.start, period.end)
    if take_up.rows:
        tables.append(take_up)
    impact = [[row["change"], row["responses"]] for row in summary["impact"] if row["responses"]]
    if impact:
        tables.append(Table("Impact on practice, three months on", ["What changed", "Responses"], impact))
    if summary["in_kind"]:
        rows = [[row["agency"], row["sessions"], row["hours"]] for row in summary["in_kind"]]
        tables.append(Table("Trainers' time given in kind", ["Agency", "Sessions", "Hours"], rows))
    return Section("training", "Training delivered", _training_lines(summary), tables, part="impact")


DECISION_LABELS = {**dict(Recommendation.choices), **dict(AdultDecision.choices)}


def reviews_section(*, period: Period) -> Section:
    """Case reviews in the year: anonymised counts only, never a child, a family or a case
    (s.19.1c: the decisions and actions taken on reviews' recommendations)."""
    summary = review_selectors.period_summary(start=period.start, end=period.end)
    lines = [
        f"{plural(summary['opened'], 'review')} opened, {plural(summary['decisions_made'], 'decision')} made "
        f"on whether to hold a review, {summary['published']} published.",
        f"{plural(summary['recommendations'], 'recommendation')} made: "
        f"{summary['actions_finished']} of their "
        f"actions finished and {summary['actions_open']} still open.",
    ]
    if summary["overdue_at_end"]:
        lines.append(
            f"{plural(summary['overdue_at_end'], 'open review')} past a statutory timescale "
            "at the year's end."
        )
    tables = [
        Table(
            "Reviews opened by type",
            ["Type", "Opened"],
            [[ReviewType(key).label, count] for key, count in summary["opened_by_type"].items()],
        )
    ]
    if summary["decisions"]:
        rows = [[DECISION_LABELS.get(key, key), count] for key, count in summary["decisions"].items()]
        tables.append(Table("The partners' decisions", ["Decision", "Reviews"], rows))
    if summary["themes"]:
        tables.append(
            Table(
                "Themes of the reviews opened",
                ["Theme", "Reviews"],
                [[k, v] for k, v in summary["themes"].items()],
            )
        )
    return Section("reviews", "Case reviews (anonymised counts)", lines, tables, part="reviews")


def audits_section(*, period: Period) -> Section:
    """Multi-agency audits completed in the year, what changed where they were re-audited, and
    their recommendations (s.18, s.19.1a)."""
    summary = _audit_summary(period)
    completed, reaudits = summary["audits_completed"], summary["reaudits_compared"]
    lines = [f"{plural(len(completed), 'multi-agency audit')} completed, {len(reaudits)} of them re-audits."]
    lines += _recommendation_lines(summary)
    lines.append(
        f"{plural(summary['single_agency_audits_reviewed'], 'single-agency audit')} reviewed; "
        f"{plural(summary['self_assessments_moderated'], 'self-assessment')} moderated."
    )
    tables = [_completed_audits_table(summary)] if completed else []
    if reaudits:
        rows = [
            [audit["theme"], audit["original_grade"] or "—", audit["grade"] or "—", audit["what_changed"]]
            for audit in reaudits
        ]
        tables.append(
            Table("What changed: re-audits", ["Theme", "Grade before", "Grade now", "What changed"], rows)
        )
    if summary["recommendations"]:
        rows = [
            [r["audit"], r["number"], r["text"], r["action_status"] or "No action"]
            for r in summary["recommendations"]
        ]
        tables.append(Table("Recommendations", ["Audit", "No.", "Recommendation", "Action"], rows))
    return Section("audits", "Audits and what changed", lines, tables, part="impact")


def feedback_section(*, period: Period) -> Section:
    """The voice of children and families as the year's audits captured it (s.18.2, s.19.1d).
    Case reviews record no such feedback yet, so only audits speak here."""
    voices = _audit_summary(period)["voice_of_the_child"]
    if not voices:
        return Section(
            "feedback",
            "The voice of the child in audits",
            ["No audit was completed in the year."],
            part="feedback",
        )
    rows = [[voice["theme"], voice["captured"], voice["how"]] for voice in voices]
    return Section(
        "feedback",
        "The voice of the child in audits",
        [
            f"The voice of children and families, as {plural(len(rows), 'audit')} completed "
            "in the year captured it."
        ],
        [Table("Voice of the child", ["Audit", "Captured", "How"], rows)],
        part="feedback",
    )


def _money(value) -> str:
    return f"£{value:,.0f}" if value >= 0 else f"-£{-value:,.0f}"


def _plan_summary(period: Period) -> dict:
    return _read_once(
        ("plan", period.start, period.end),
        lambda: planning_selectors.period_summary(start=period.start, end=period.end),
    )


def _audit_summary(period: Period) -> dict:
    return _read_once(
        ("audits", period.start, period.end),
        lambda: audit_selectors.period_summary(start=period.start, end=period.end),
    )


def little_progress_section(*, period: Period) -> Section:
    """Priorities with red or amber cells at the year's end (s.19.1b), from the business plan's
    dated progress RAG judgements."""
    summary = _plan_summary(period)
    rows = [
        [
            str(entry["priority"].title),
            str(cell["workstream"].title),
            cell["owning_group"].name if cell["owning_group"] else "—",
            cell["rag_label"],
            f"{cell['judged_on']:%-d %b %Y}",
            cell["commentary"],
        ]
        for entry in summary["little_progress"]
        for cell in entry["cells"]
    ]
    if not rows:
        return Section(
            "little_progress",
            "Priorities with red or amber cells",
            ["No plan cell was red or amber at the year's end."],
            part="little_progress",
        )
    lines = [
        f"{plural(len(summary['little_progress']), 'priority', 'priorities')} with "
        f"{plural(len(rows), 'cell')} rated red or amber at the year's end."
    ]
    headers = ["Priority", "Workstream", "Owning group", "Progress RAG", "Judged on", "Commentary"]
    return Section(
        "little_progress",
        "Priorities with red or amber cells",
        lines,
        [Table("Red and amber cells", headers, rows)],
        part="little_progress",
    )


def escalations_scrutiny_section(*, period: Period) -> Section:
    """Escalations to the board and independent scrutiny in the year (s.3.3, s.7.2, s.24)."""
    summary = _plan_summary(period)
    counts = summary["escalation_counts"]
    lines = [
        f"{plural(len(summary['escalations']), 'issue')} escalated to the board: "
        + ", ".join(f"{counts[status.value]} {status.label.lower()}" for status in EscalationStatus)
        + "."
    ]
    reports = summary["scrutiny"]["reports"]
    lines.append(f"{plural(len(reports), 'independent scrutiny report')} presented to the partners.")
    tables = []
    if reports:
        rows = [
            [
                report.title,
                f"{report.presented_on:%-d %b %Y}",
                "Yes" if report.partners_response else "Not yet",
            ]
            for report in reports
        ]
        tables.append(Table("Independent scrutiny", ["Report", "Presented on", "Partners' response"], rows))
    return Section(
        "challenge", "Escalation, challenge and independent scrutiny", lines, tables, part="impact"
    )


def budget_section(*, period: Period) -> Section:
    """Each partner's contributions and the budget's spend, per financial year the period touches
    (s.20.2: agency contributions and a summary of the budget are included)."""
    lines, tables = [], []
    for year in _plan_summary(period)["contributions"]:
        if not year["contributions"] and not year["lines"]:
            continue
        lines.append(
            f"{year['label']}: contributions {_money(year['contribution_total'])} "
            f"({_money(year['cash_total'])} in cash, {_money(year['in_kind_total'])} in kind); "
            f"spent {_money(year['spent_total'])} of a budget of {_money(year['budget_total'])}."
        )
        rows = [
            [row["agency"].name, _money(row["cash"]), _money(row["in_kind"]), _money(row["total"])]
            for row in year["contributions"]
        ]
        if rows:
            tables.append(
                Table(f"Contributions {year['label']}", ["Agency", "Cash", "In kind", "Total"], rows)
            )
        spend = [
            [str(line["line"].title), _money(line["budget"]), _money(line["spent"]), _money(line["variance"])]
            for line in year["lines"]
        ]
        if spend:
            tables.append(
                Table(f"Budget and spend {year['label']}", ["Line", "Budget", "Spent", "Variance"], spend)
            )
    if not lines:
        lines = ["No contribution or budget was recorded for the year."]
    return Section("budget", "Budget and contributions", lines, tables, part="budget")


YearlySource = Callable[..., Section | None]
YEARLY_SECTIONS: list[YearlySource] = [
    partnership_meetings_section,
    training_section,
    audits_section,
    escalations_scrutiny_section,
    little_progress_section,
    reviews_section,
    feedback_section,
    budget_section,
]


def yearly_sections(*, period: Period) -> list[Section]:
    with _one_draft():
        return [section for source in YEARLY_SECTIONS if (section := source(period=period)) is not None]


def sections_from(figures: Sequence[dict]) -> list[Section]:
    return [Section.from_data(data) for data in figures]
