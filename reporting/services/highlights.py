"""A subgroup's quarterly highlight report: drafted from its records, written by its chair,
submitted to the board as a paper under "Messages to and from partnership groups"."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from core.pdf import render_pdf
from governance.choices import GroupKind, MeetingStatus, StandingItem
from governance.models import AgendaItem, Group, Meeting, Paper, Person
from governance.services.agenda import agenda_standing_items_add
from governance.services.papers import paper_submit
from reporting.choices import HighlightStatus
from reporting.models import Figures, HighlightReport
from reporting.periods import Quarter, quarter_starting
from reporting.sections import Period, highlight_sections, sections_from

HIGHLIGHT_KINDS = (GroupKind.SUBGROUP, GroupKind.TASK_AND_FINISH)


def _figures(group: Group, quarter: Quarter, now: datetime.datetime, *, include_training: bool) -> Figures:
    period = Period(start=quarter.start, end=quarter.end, today=timezone.localdate(now))
    found = highlight_sections(group=group, period=period, include_training=include_training)
    sections = [section.to_data() for section in found]
    return Figures.objects.create(sections=sections, generated_at=now)


def _locked(report: HighlightReport) -> HighlightReport:
    locked = (
        HighlightReport.objects.select_for_update(of=("self",))
        .select_related("group", "figures")
        .get(pk=report.pk)
    )
    if locked.status != HighlightStatus.DRAFT:
        raise ValidationError(
            "This highlight report has been submitted to the board, so it can no longer change."
        )
    return locked


@transaction.atomic
def highlight_report_generate(
    *,
    group: Group,
    period_start: datetime.date,
    created_by,
    include_training: bool = False,
    now: datetime.datetime | None = None,
) -> HighlightReport:
    """A draft for the group's quarter starting on `period_start`, its figures read from the
    records now. One per group and quarter; a quarter that has not started has no records."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    quarter = quarter_starting(period_start)
    if quarter is None:
        raise ValidationError({"quarter": "Choose a quarter of the financial year."})
    if quarter.start > today:
        raise ValidationError({"quarter": "That quarter has not started yet."})
    if group.kind not in HIGHLIGHT_KINDS or not group.active:
        raise ValidationError({"group": "Highlight reports are written by the board's active subgroups."})
    if HighlightReport.objects.filter(group=group, period_start=quarter.start).exists():
        raise ValidationError(
            {"quarter": f"{group.name} already has a highlight report for {quarter.label}."}
        )
    report = HighlightReport(
        group=group,
        period_start=quarter.start,
        period_end=quarter.end,
        figures=_figures(group, quarter, now, include_training=include_training),
        include_training=include_training,
        created_by=created_by,
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def highlight_report_refresh(
    *, report: HighlightReport, now: datetime.datetime | None = None
) -> HighlightReport:
    """Read the figures from the records again (a draft only); the narrative stays."""
    now = now or timezone.now()
    report = _locked(report)
    old = report.figures
    report.figures = _figures(report.group, report.quarter, now, include_training=report.include_training)
    report.save()
    old.delete()
    return report


@transaction.atomic
def highlight_report_update(
    *, report: HighlightReport, achievements: str, concerns: str, asks_of_board: str
) -> HighlightReport:
    """The chair's narrative (a draft only)."""
    report = _locked(report)
    report.achievements = achievements.strip()
    report.concerns = concerns.strip()
    report.asks_of_board = asks_of_board.strip()
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def highlight_report_delete(*, report: HighlightReport) -> None:
    """Delete a draft (drafted for the wrong group or quarter); a submitted report is a paper of
    the board and stays."""
    report = _locked(report)
    figures = report.figures
    report.delete()
    figures.delete()


def board_of(group: Group) -> Group | None:
    """The board the group reports to (the first by name when, oddly, there are two)."""
    return group.reports_to.filter(kind=GroupKind.BOARD, active=True).order_by("name").first()


def _messages_item(meeting: Meeting) -> AgendaItem | None:
    return meeting.agenda_items.filter(standing_item=StandingItem.MESSAGES, parent=None).first()


def board_meeting_for(*, board: Group, now: datetime.datetime) -> Meeting | None:
    """The board's next meeting that can take the report: the first scheduled one whose agenda
    is still a draft (the messages item is found or added) or, once published, already has the
    "Messages to and from partnership groups" item. A published agenda without that item is
    not changed (its numbers are out): the report goes to the meeting after."""
    upcoming = Meeting.objects.filter(
        group=board, status=MeetingStatus.SCHEDULED, starts_at__gt=now
    ).order_by("starts_at")
    for meeting in upcoming[:6]:
        if meeting.agenda_published_at is None or _messages_item(meeting) is not None:
            return meeting
    return None


def _line_for(meeting: Meeting, group: Group) -> AgendaItem:
    """The group's line under "Messages to and from partnership groups", else the item itself;
    on a draft agenda the board's missing standing items are added first."""
    if meeting.agenda_published_at is None:
        agenda_standing_items_add(meeting=meeting)
    messages = _messages_item(meeting)
    if messages is None:  # a published agenda without it is never chosen (board_meeting_for)
        raise ValidationError("The board's agenda has no item for messages from partnership groups.")
    line = meeting.agenda_items.filter(parent=messages, reporting_group=group).first()
    return line or messages


def highlight_report_pdf(report: HighlightReport) -> bytes:
    return render_pdf(
        "reporting/highlight_pdf.html",
        {"report": report, "sections": sections_from(report.figures.sections)},
    )


@transaction.atomic
def highlight_report_submit(
    *, report: HighlightReport, submitted_by, now: datetime.datetime | None = None
) -> HighlightReport:
    """Submit the report to the board: its PDF becomes a paper of the board's next meeting
    under "Messages to and from partnership groups" (on the group's own line when the agenda
    has one). All or nothing: without a board meeting to take it, nothing changes."""
    now = now or timezone.now()
    report = _locked(report)
    board = board_of(report.group)
    if board is None:
        raise ValidationError(
            f"{report.group.name} does not report to a board, so there is no board to submit to."
        )
    meeting = board_meeting_for(board=board, now=now)
    if meeting is None:
        raise ValidationError(
            f"{board.name} has no meeting scheduled that can take the report: "
            "the secretariat schedules the board's next meeting first."
        )
    if not any((report.achievements, report.concerns, report.asks_of_board)):
        raise ValidationError(
            "Write the chair's narrative before submitting: the board reads it with the figures."
        )
    item = _line_for(meeting, report.group)
    report.status = HighlightStatus.SUBMITTED
    report.submitted_at = now
    report.submitted_by = submitted_by
    pdf = highlight_report_pdf(report)
    author = Person.objects.filter(user=submitted_by).first() if submitted_by else None
    paper: Paper = paper_submit(
        agenda_item=item,
        uploaded_file=SimpleUploadedFile(
            f"{report.group.label} highlight report {report.quarter.short_label}.pdf", pdf, "application/pdf"
        ),
        title=f"{report.group.name} highlight report, {report.quarter.label}",
        author=author,
        submitted_by=submitted_by,
        now=now,
    )
    report.board_meeting = meeting
    report.paper = paper
    report.save()
    return report
