"""Reads of the reporting pages, limited to what the user may see, with a fixed number of
queries whatever the number of reports."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from governance.choices import StatutoryRole
from governance.models import Group
from governance.permissions import chaired_group_ids, is_staff_of_partnership
from reporting.choices import HighlightStatus
from reporting.models import HighlightReport, YearlyReport, YearlyReportApproval
from reporting.sections import Section, sections_from
from reporting.services.highlights import HIGHLIGHT_KINDS


def highlight_reports_visible_to(user) -> QuerySet[HighlightReport]:
    """Submitted reports for anyone with a role (the view checks that); drafts for the staff
    and their group's chairs."""
    reports = HighlightReport.objects.select_related("group", "board_meeting", "board_meeting__group")
    if is_staff_of_partnership(user):
        return reports
    return reports.filter(Q(status=HighlightStatus.SUBMITTED) | Q(group_id__in=chaired_group_ids(user)))


def highlight_report_with_group(pk: int) -> HighlightReport:
    return HighlightReport.objects.select_related(
        "group",
        "figures",
        "board_meeting",
        "board_meeting__group",
        "paper__agenda_item__parent",
        "submitted_by__person",
    ).get(pk=pk)


def groups_for_highlight_reports(user) -> QuerySet[Group]:
    """The groups the user may draft a highlight report for: every active subgroup for the
    staff, their own for a chair."""
    groups = Group.objects.filter(active=True, kind__in=HIGHLIGHT_KINDS).order_by("name")
    if is_staff_of_partnership(user):
        return groups
    return groups.filter(pk__in=chaired_group_ids(user))


def subgroups_for_filter() -> QuerySet[Group]:
    return Group.objects.filter(kind__in=HIGHLIGHT_KINDS).order_by("name")


def yearly_reports_for_list() -> QuerySet[YearlyReport]:
    return YearlyReport.objects.all()


def yearly_report_with_approvals(pk: int) -> YearlyReport:
    return YearlyReport.objects.select_related("figures").prefetch_related(approvals_prefetch()).get(pk=pk)


def approvals_prefetch() -> Prefetch:
    return Prefetch(
        "approvals",
        queryset=YearlyReportApproval.objects.select_related("approved_by__agency").order_by("approved_at"),
    )


@dataclass(frozen=True)
class ApprovalLine:
    statutory_role: str
    label: str
    approval: YearlyReportApproval | None


def approvals_withdrawn(report: YearlyReport) -> list:
    """Approvals given and withdrawn when the text changed afterwards (the approvals' history:
    who had approved, when, and when it was withdrawn). One query."""
    return list(
        YearlyReportApproval.history.filter(report_id=report.pk, history_type="-")
        .select_related("approved_by")
        .order_by("history_date")
    )


def approval_lines(report: YearlyReport) -> list[ApprovalLine]:
    """One line per statutory partner, with its approval when given (prefetched)."""
    given = {approval.statutory_role: approval for approval in report.approvals.all()}
    return [ApprovalLine(role.value, role.label, given.get(role.value)) for role in StatutoryRole]


@dataclass(frozen=True)
class Part:
    """A part of the yearly report: its narrative field, title, text and the figures beside it."""

    field: str
    title: str
    text: str
    sections: list[Section]


# Seed 001 s.19.1 a-e and the budget (s.20.2), in the report's order.
YEARLY_PARTS = (
    ("introduction", "Introduction"),
    ("impact", "Impact of the partnership's work, including training (s.19.1a)"),
    ("little_progress", "Areas with little or no progress on agreed priorities (s.19.1b)"),
    ("reviews", "Reviews: decisions and actions taken (s.19.1c)"),
    ("feedback", "Feedback from children and families (s.19.1d)"),
    ("restraint", "Use of restraint (s.19.1e)"),
    ("budget", "Budget and partners' contributions (s.20.2)"),
)


def yearly_parts(report: YearlyReport) -> list[Part]:
    sections = sections_from(report.figures.sections)
    return [
        Part(field, title, getattr(report, field), [section for section in sections if section.part == field])
        for field, title in YEARLY_PARTS
    ]
