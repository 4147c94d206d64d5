"""The partnership's yearly report (seed 001 s.19): assembled from the records, written by the
partnership team (s.20.7), approved by the three lead safeguarding partners (s.19.2) and
published within the deadline (statutory-timescales.md)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.choices import StatutoryRole
from governance.models import Person
from reporting.choices import YearlyStatus
from reporting.models import Figures, YearlyReport, YearlyReportApproval
from reporting.periods import publication_deadline, twelve_months_from
from reporting.sections import Period, yearly_sections

NARRATIVE_FIELDS = ("introduction", "impact", "little_progress", "reviews", "feedback", "restraint", "budget")


def _figures(start: datetime.date, end: datetime.date, now: datetime.datetime) -> Figures:
    period = Period(start=start, end=end, today=timezone.localdate(now))
    sections = [section.to_data() for section in yearly_sections(period=period)]
    return Figures.objects.create(sections=sections, generated_at=now)


def _locked(report: YearlyReport, doing: str) -> YearlyReport:
    locked = YearlyReport.objects.select_for_update(of=("self",)).select_related("figures").get(pk=report.pk)
    if locked.status != YearlyStatus.DRAFT:
        raise ValidationError(
            f"The lead safeguarding partners have approved the report, so {doing} is no longer possible."
        )
    return locked


def _withdraw_approvals(report: YearlyReport) -> int:
    """Approvals were given to the text as it was: a change withdraws them (each deletion is
    kept in the approvals' history)."""
    approvals = list(report.approvals.all())
    for approval in approvals:
        approval.delete()
    return len(approvals)


@transaction.atomic
def yearly_report_assemble(
    *,
    period_start: datetime.date,
    publication_months: int,
    created_by,
    now: datetime.datetime | None = None,
) -> YearlyReport:
    """A draft for the twelve months from `period_start` (the first of a month), its figures
    read from the records now and its publication deadline set (months after the period)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if period_start.day != 1:
        raise ValidationError({"period_start": "A reporting year starts on the first day of a month."})
    if period_start > today:
        raise ValidationError({"period_start": "That year has not started yet."})
    if not 1 <= publication_months <= 12:
        raise ValidationError({"publication_months": "Give a number of months from 1 to 12."})
    end = twelve_months_from(period_start)
    clash = YearlyReport.objects.filter(period_start__lte=end, period_end__gte=period_start).first()
    if clash is not None:
        raise ValidationError({"period_start": f"It would overlap the {clash}."})
    report = YearlyReport(
        period_start=period_start,
        period_end=end,
        figures=_figures(period_start, end, now),
        publication_months=publication_months,
        publication_deadline=publication_deadline(end, months=publication_months),
        created_by=created_by,
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def yearly_report_refresh(*, report: YearlyReport, now: datetime.datetime | None = None) -> YearlyReport:
    """Read the figures from the records again; approvals already given are withdrawn."""
    now = now or timezone.now()
    report = _locked(report, "reading the figures again")
    old = report.figures
    report.figures = _figures(report.period_start, report.period_end, now)
    report.save()
    old.delete()
    _withdraw_approvals(report)
    return report


@transaction.atomic
def yearly_report_update(*, report: YearlyReport, **narratives: str) -> YearlyReport:
    """Change the narrative sections (a draft only); a change withdraws approvals given."""
    unknown = set(narratives) - set(NARRATIVE_FIELDS)
    if unknown:
        raise ValueError(f"Not narrative sections: {sorted(unknown)}")
    report = _locked(report, "changing its text")
    changed = False
    for name, text in narratives.items():
        text = (text or "").strip()
        if getattr(report, name) != text:
            setattr(report, name, text)
            changed = True
    if changed:
        report.full_clean()
        report.save()
        _withdraw_approvals(report)
    return report


@transaction.atomic
def yearly_report_delete(*, report: YearlyReport) -> None:
    """Delete a draft (assembled for the wrong year); an approved report stays."""
    report = _locked(report, "deleting it")
    figures = report.figures
    _withdraw_approvals(report)
    report.delete()
    figures.delete()


def approvals_needed() -> list[str]:
    return list(StatutoryRole.values)


@transaction.atomic
def yearly_report_approve(
    *, report: YearlyReport, person: Person, user=None, now: datetime.datetime | None = None
) -> YearlyReportApproval:
    """Record `person`'s approval for their statutory partner; once all three partners have
    approved, the report is approved (s.19.2) and its text is fixed."""
    now = now or timezone.now()
    report = _locked(report, "approving it again")
    role = person.agency.statutory_role
    if not role or not person.safeguarding_partner_role or not person.active:
        raise ValidationError(
            "Only a statutory partner's lead or delegated safeguarding partner approves the report."
        )
    if report.approvals.filter(statutory_role=role).exists():
        raise ValidationError(f"{person.agency.name} has already approved this report.")
    approval = YearlyReportApproval(
        report=report, statutory_role=role, approved_by=person, approved_by_user=user, approved_at=now
    )
    approval.full_clean()
    approval.save()
    if set(report.approvals.values_list("statutory_role", flat=True)) >= set(approvals_needed()):
        report.status = YearlyStatus.APPROVED
        report.save()
    return approval


@transaction.atomic
def yearly_report_publish(
    *, report: YearlyReport, published_on: datetime.date, today: datetime.date
) -> YearlyReport:
    """Record the day the approved report was published on the partners' websites (s.19.3)."""
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if report.status != YearlyStatus.APPROVED:
        if report.status == YearlyStatus.PUBLISHED:
            raise ValidationError("The report's publication has already been recorded.")
        raise ValidationError("The lead safeguarding partners approve the report before it is published.")
    if published_on > today:
        raise ValidationError({"published_on": "Record the publication once it has happened."})
    if published_on <= report.period_end:
        raise ValidationError({"published_on": "The report is published after the year it covers."})
    report.published_on = published_on
    report.status = YearlyStatus.PUBLISHED
    report.save()
    return report
