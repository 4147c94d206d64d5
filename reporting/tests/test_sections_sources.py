"""The report sections read from the other apps' selectors: training, case reviews (anonymised),
the business plan, escalations and the budget."""

import datetime
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from audits.choices import AuditStatus
from audits.tests.factories import CaseAuditFactory, ProgrammeFactory, grades
from governance.choices import LogReaders
from governance.tests.factories import AgencyFactory, GroupFactory
from governance.tests.factories_minutes import at
from planning.services.plan import progress_record
from planning.tests.factories import (
    BudgetLineFactory,
    ContributionFactory,
    EscalationFactory,
    ScrutinyReportFactory,
    seed_plan,
)
from reporting.sections import (
    Period,
    budget_section,
    escalations_scrutiny_section,
    highlight_sections,
    little_progress_section,
    reviews_section,
    training_section,
)
from reporting.services.yearly import yearly_report_assemble
from reviews.tests.factories import review
from training.tests.factories import BookingFactory, SessionFactory

pytestmark = pytest.mark.django_db

YEAR = Period(
    start=datetime.date(2025, 4, 1), end=datetime.date(2026, 3, 31), today=datetime.date(2026, 4, 20)
)
QUARTER = Period(
    start=datetime.date(2025, 7, 1), end=datetime.date(2025, 9, 30), today=datetime.date(2025, 10, 15)
)


def _cell(plan, priority: str, workstream: str):
    return plan.cells.get(priority__title__icontains=priority, workstream__title__icontains=workstream)


def test_little_progress_lists_red_and_amber_cells_as_judged_by_the_years_end(secretariat):
    plan = seed_plan()
    owner = GroupFactory(name="Quality & Effectiveness Group")
    neglect = _cell(plan, "neglect", "audit")
    neglect.owning_group = owner
    neglect.save()
    progress_record(
        cell=neglect,
        rag="amber",
        judged_on=datetime.date(2026, 2, 1),
        commentary="Audit late.",
        judged_by=secretariat,
    )
    early = _cell(plan, "early help", "training")
    progress_record(
        cell=early,
        rag="red",
        judged_on=datetime.date(2026, 1, 5),
        commentary="As judged.",
        judged_by=secretariat,
    )
    progress_record(
        cell=early,
        rag="green",
        judged_on=datetime.date(2026, 4, 2),
        commentary="As judged.",
        judged_by=secretariat,
    )

    section = little_progress_section(period=YEAR)

    rows = section.tables[0].rows
    assert [row[0] for row in rows] == [neglect.priority.title, early.priority.title]
    assert rows[0][2:] == [
        "Quality & Effectiveness Group",
        "Amber: some progress, at risk",
        "1 Feb 2026",
        "Audit late.",
    ]
    assert rows[1][3] == "Red: not on track"  # the green came after the year's end
    assert section.part == "little_progress"


def test_the_reviews_section_counts_reviews_and_never_names_a_child():
    review(awareness_date=datetime.date(2025, 6, 2), children=("Child Q",))
    review(awareness_date=datetime.date(2024, 6, 3), children=("Child R",))  # before the year
    report = yearly_report_assemble(
        period_start=YEAR.start, publication_months=3, created_by=None, now=at(2026, 4, 20)
    )
    section = next(s for s in report.figures.sections if s["key"] == "reviews")
    assert section["summary"][0].startswith("1 review opened")
    assert ["Rapid review / LCSPR", 1] in section["tables"][0]["rows"]
    everything = json.dumps(report.figures.sections)
    assert "Child Q" not in everything and "Real name" not in everything


def test_the_reviews_section_is_part_c_of_the_report():
    assert reviews_section(period=YEAR).part == "reviews"


def test_training_take_up_is_reported_by_agency():
    session = SessionFactory(date=datetime.date(2025, 11, 5), status="delivered")
    police = AgencyFactory(name="West Mercia Police")
    BookingFactory(session=session, agency=police, attendance="present")
    BookingFactory(session=session, agency=police, attendance="no_show")
    BookingFactory(session=SessionFactory(date=datetime.date(2026, 5, 1), status="delivered"), agency=police)

    section = training_section(period=YEAR)

    take_up = next(table for table in section.tables if table.caption == "Take-up by agency")
    assert take_up.rows == [["West Mercia Police", 2, 1, 1, 0]]
    assert section.summary[0].startswith("1 session delivered")


def test_the_budget_section_lists_each_partners_contribution_and_the_spend():
    council = AgencyFactory(name="Herefordshire Council")
    ContributionFactory(agency=council, year=2025, amount=Decimal("120000"))
    BudgetLineFactory(year=2025, title="Independent scrutiny", budget=Decimal("15000"))

    section = budget_section(period=YEAR)

    assert section.summary == [
        "2025-26: contributions £120,000 (£120,000 in cash, £0 in kind); spent £0 of a budget of £15,000."
    ]
    assert section.tables[0].rows == [["Herefordshire Council", "£120,000", "£0", "£120,000"]]
    assert section.tables[1].rows == [["Independent scrutiny", "£15,000", "£0", "£15,000"]]


def test_escalations_and_scrutiny_reports_of_the_year_are_counted():
    EscalationFactory(raised_on=datetime.date(2025, 9, 1))
    ScrutinyReportFactory(presented_on=datetime.date(2025, 10, 1), title="Rapid review decisions")
    section = escalations_scrutiny_section(period=YEAR)
    assert section.summary[0].startswith("1 issue escalated")
    assert section.tables[0].rows[0][:2] == ["Rapid review decisions", "1 Oct 2025"]


def test_a_subgroups_escalations_are_named_in_its_highlight_report_but_a_need_to_know_groups_are_counted():
    mash = GroupFactory(name="MASH Group")
    jcr = GroupFactory(name="Joint Case Review Group", log_readers=LogReaders.MEMBERS_ONLY)
    EscalationFactory(
        from_group=mash, title="Health staffing at the MASH", raised_on=datetime.date(2025, 8, 1)
    )
    EscalationFactory(from_group=jcr, title="Delay in a rapid review", raised_on=datetime.date(2025, 8, 1))

    mash_section = next(s for s in highlight_sections(group=mash, period=QUARTER) if s.key == "escalations")
    jcr_section = next(s for s in highlight_sections(group=jcr, period=QUARTER) if s.key == "escalations")

    assert mash_section.tables[0].rows[0][1] == "Health staffing at the MASH"
    assert jcr_section.summary[0].startswith("1 issue escalated") and not jcr_section.tables


def test_the_training_section_appears_only_in_the_report_that_includes_it():
    group = GroupFactory(name="Development & Practice Group")
    assert "training" not in [s.key for s in highlight_sections(group=group, period=QUARTER)]
    keys = [s.key for s in highlight_sections(group=group, period=QUARTER, include_training=True)]
    assert "training" in keys


def test_a_highlight_report_shows_the_progress_rag_of_the_cells_the_group_owns(secretariat):
    plan = seed_plan()
    group = GroupFactory(name="Child Exploitation & Missing Group")
    cell = _cell(plan, "exploitation", "policy")
    cell.owning_group = group
    cell.save()
    progress_record(
        cell=cell,
        rag="green",
        judged_on=datetime.date(2025, 8, 1),
        commentary="As judged.",
        judged_by=secretariat,
        now=timezone.now(),
    )
    section = next(s for s in highlight_sections(group=group, period=QUARTER) if s.key == "plan")
    assert section.tables[0].rows[0][2:] == ["Green: on track or delivered", "1 Aug 2025", 1]


def _completed_audit(group, **details):
    grade = {g.name: g for g in grades()}
    return CaseAuditFactory(
        programme=ProgrammeFactory(group=group, year=details["completed_on"].year),
        status=AuditStatus.COMPLETED,
        grade=grade[details.pop("grade", "Good")],
        **details,
    )


def test_the_yearly_report_says_what_changed_at_re_audit_and_how_children_were_heard():
    quality = GroupFactory(name="Quality & Effectiveness Group")
    original = _completed_audit(
        quality, theme="Neglect", completed_on=datetime.date(2024, 10, 1), grade="Requires improvement"
    )
    _completed_audit(
        quality,
        theme="Neglect re-audit",
        original=original,
        completed_on=datetime.date(2025, 11, 3),
        strengths="Chronologies now in every case.",
        voice_of_child="yes",
        voice_of_child_how="Children's words recorded in each return.",
    )
    report = yearly_report_assemble(
        period_start=YEAR.start, publication_months=3, created_by=None, now=at(2026, 4, 20)
    )
    sections = {s["key"]: s for s in report.figures.sections}
    reaudits = next(t for t in sections["audits"]["tables"] if t["caption"] == "What changed: re-audits")
    assert reaudits["rows"] == [
        ["Neglect re-audit", "Requires improvement", "Good", "Chronologies now in every case."]
    ]
    assert sections["feedback"]["tables"][0]["rows"] == [
        ["Neglect re-audit", "Yes", "Children's words recorded in each return."]
    ]
    assert sections["feedback"]["part"] == "feedback"


def test_a_highlight_report_shows_the_groups_audits_and_none_for_a_group_without_audits():
    quality = GroupFactory(name="Quality & Effectiveness Group")
    _completed_audit(quality, theme="Missing episodes", completed_on=datetime.date(2025, 8, 12))
    audits = next(s for s in highlight_sections(group=quality, period=QUARTER) if s.key == "audits")
    assert audits.summary[0] == "1 audit completed in the quarter, 0 planned or under way."
    assert audits.tables[0].rows[0][:3] == ["Missing episodes", "12 Aug 2025", "Good"]
    assert "audits" not in [s.key for s in highlight_sections(group=GroupFactory(), period=QUARTER)]
