"""The yearly report: assembled from the records, approved by the three statutory partners,
published by the deadline, exported as PDF and Word."""

import datetime
import io

import docx
import pytest
from django.core.exceptions import ValidationError

from governance.choices import StatutoryRole
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_actions import record
from governance.tests.factories_minutes import MeetingFactory, at, partners_present
from reporting.choices import YearlyStatus
from reporting.exports import yearly_report_docx, yearly_report_pdf
from reporting.models import YearlyReportApproval
from reporting.services.yearly import (
    yearly_report_approve,
    yearly_report_assemble,
    yearly_report_publish,
    yearly_report_refresh,
    yearly_report_update,
)
from reporting.tests.factories import partner_users

pytestmark = pytest.mark.django_db

NOW = at(2026, 4, 20, 9)
APRIL_2025 = datetime.date(2025, 4, 1)


def _assemble(**kwargs):
    return yearly_report_assemble(
        period_start=kwargs.pop("period_start", APRIL_2025),
        publication_months=kwargs.pop("publication_months", 3),
        created_by=None,
        now=NOW,
    )


@pytest.fixture
def partners():
    return {role: user.person for role, user in partner_users().items()}


def test_the_draft_covers_twelve_months_and_is_due_three_months_after_them():
    report = _assemble()
    assert (report.period_end, report.publication_deadline) == (
        datetime.date(2026, 3, 31),
        datetime.date(2026, 6, 30),
    )
    assert report.status == YearlyStatus.DRAFT


def test_the_publication_months_are_the_partnerships_to_change():
    assert _assemble(publication_months=4).publication_deadline == datetime.date(2026, 7, 31)


def test_a_year_starts_on_the_first_of_a_month_and_years_do_not_overlap():
    with pytest.raises(ValidationError, match="first day of a month"):
        _assemble(period_start=datetime.date(2025, 4, 2))
    _assemble()
    with pytest.raises(ValidationError, match="overlap"):
        _assemble(period_start=datetime.date(2025, 10, 1))


def test_the_partnership_section_counts_meetings_quoracy_and_actions_per_group():
    board = GroupFactory(name="Safeguarding Partners Board")
    partners_present(MeetingFactory(group=board, starts_at=at(2025, 6, 10)))
    MeetingFactory(group=board, starts_at=at(2026, 4, 10))  # after the year
    record(board, now=at(2025, 6, 10))
    report = _assemble()
    section = next(s for s in report.figures.sections if s["key"] == "partnership")
    assert section["part"] == "impact"
    assert section["tables"][0]["rows"] == [["Safeguarding Partners Board", 1, 1, 1, 0]]


def test_the_report_is_approved_only_when_all_three_partners_have_approved(partners):
    report = _assemble()
    yearly_report_approve(report=report, person=partners[StatutoryRole.LOCAL_AUTHORITY], now=NOW)
    yearly_report_approve(report=report, person=partners[StatutoryRole.POLICE], now=NOW)
    report.refresh_from_db()
    assert report.status == YearlyStatus.DRAFT
    approval = yearly_report_approve(
        report=report, person=partners[StatutoryRole.INTEGRATED_CARE_BOARD], now=NOW
    )
    report.refresh_from_db()
    assert report.status == YearlyStatus.APPROVED
    assert (approval.approved_by, approval.approved_at) == (
        partners[StatutoryRole.INTEGRATED_CARE_BOARD],
        NOW,
    )


def test_a_partner_approves_once(partners):
    report = _assemble()
    yearly_report_approve(report=report, person=partners[StatutoryRole.POLICE], now=NOW)
    colleague = PersonFactory(agency=partners[StatutoryRole.POLICE].agency, safeguarding_partner_role="lead")
    with pytest.raises(ValidationError, match="already approved"):
        yearly_report_approve(report=report, person=colleague, now=NOW)


def test_only_a_statutory_partners_safeguarding_partner_approves():
    report = _assemble()
    with pytest.raises(ValidationError, match="lead or delegated"):
        yearly_report_approve(report=report, person=PersonFactory(), now=NOW)
    assert not YearlyReportApproval.objects.exists()


def test_changing_the_text_withdraws_the_approvals_given_and_history_keeps_them(partners):
    report = _assemble()
    yearly_report_approve(report=report, person=partners[StatutoryRole.POLICE], now=NOW)
    yearly_report_update(report=report, impact="Fewer repeat referrals.")
    assert not report.approvals.exists()
    assert YearlyReportApproval.history.filter(history_type="-").count() == 1
    assert report.history.first().impact == "Fewer repeat referrals."


def test_saving_the_same_text_keeps_the_approvals(partners):
    report = _assemble()
    yearly_report_approve(report=report, person=partners[StatutoryRole.POLICE], now=NOW)
    yearly_report_update(report=report, impact="")
    assert report.approvals.count() == 1


def test_an_approved_report_is_fixed(partners):
    report = _assemble()
    for person in partners.values():
        yearly_report_approve(report=report, person=person, now=NOW)
    with pytest.raises(ValidationError, match="approved"):
        yearly_report_update(report=report, impact="Changed")
    with pytest.raises(ValidationError, match="approved"):
        yearly_report_refresh(report=report, now=NOW)


def test_publication_is_recorded_once_the_partners_have_approved(partners):
    report = _assemble()
    with pytest.raises(ValidationError, match="approve the report before"):
        yearly_report_publish(
            report=report, published_on=datetime.date(2026, 6, 1), today=datetime.date(2026, 6, 2)
        )
    for person in partners.values():
        yearly_report_approve(report=report, person=person, now=NOW)
    with pytest.raises(ValidationError):
        yearly_report_publish(
            report=report, published_on=datetime.date(2026, 6, 3), today=datetime.date(2026, 6, 2)
        )
    report = yearly_report_publish(
        report=report, published_on=datetime.date(2026, 6, 1), today=datetime.date(2026, 6, 2)
    )
    assert (report.status, report.published_on) == (YearlyStatus.PUBLISHED, datetime.date(2026, 6, 1))


def test_the_word_document_holds_every_part_its_figures_and_the_approvals(partners):
    board = GroupFactory(name="Safeguarding Partners Board")
    partners_present(MeetingFactory(group=board, starts_at=at(2025, 6, 10)))
    report = _assemble()
    report = yearly_report_update(report=report, budget="The three partners contributed as agreed.")
    yearly_report_approve(report=report, person=partners[StatutoryRole.POLICE], now=NOW)

    document = docx.Document(io.BytesIO(yearly_report_docx(report)))

    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Areas with little or no progress on agreed priorities (s.19.1b)" in text
    assert "The three partners contributed as agreed." in text
    assert f"Police: approved by {partners[StatutoryRole.POLICE].name}" in text
    assert document.tables[0].rows[1].cells[0].text == "Safeguarding Partners Board"


def test_the_pdf_is_a_pdf():
    assert yearly_report_pdf(_assemble()).startswith(b"%PDF-")
