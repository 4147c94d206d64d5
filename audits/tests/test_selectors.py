"""The selectors other apps compose (dashboards, reports): what they return, and a fixed number
of queries at two sizes."""

import datetime
from decimal import Decimal

import pytest

from audits import selectors, services
from audits.choices import AssessmentStatus, AuditStatus, Polarity
from audits.models import StandardAnswer
from audits.services import AnswerChange, Moderation
from audits.tests.factories import (
    CaseAuditFactory,
    IndicatorFactory,
    ProgrammeFactory,
    ValueFactory,
    default_standards,
    grades,
)
from governance.tests.factories import AgencyFactory, PersonFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def _programme(size: int):
    programme = ProgrammeFactory(year=2025)
    for _n in range(size):
        CaseAuditFactory(programme=programme, status=AuditStatus.PLANNED, target_month=D(2025, 5, 1))
        CaseAuditFactory(programme=programme, status=AuditStatus.IN_PROGRESS, target_month=D(2025, 12, 1))
        CaseAuditFactory(programme=programme, status=AuditStatus.COMPLETED, completed_on=D(2025, 7, 1))
    return programme


@pytest.mark.parametrize("size", [1, 4])
def test_programme_progress_counts_each_status_and_the_overdue_in_one_query(size, django_assert_num_queries):
    _programme(size)
    CaseAuditFactory(programme=ProgrammeFactory(year=2024))
    with django_assert_num_queries(1):
        progress = selectors.programme_progress(year=2025, today=D(2025, 9, 15))
    assert progress["planned"] == size
    assert progress["in_progress"] == size
    assert progress["completed"] == size
    assert progress["overdue"] == size  # the planned ones, due in May
    assert progress["total"] == 3 * size
    assert progress["year_label"] == "2025/26"


def _cycle(agencies: int, *, moderate_first: bool = True):
    standards = default_standards(count=3)
    cycle = services.cycle_open(
        kind="section_11",
        name="Section 11 2025",
        frequency="two_yearly",
        rating_scale="rag",
        group=ProgrammeFactory().group,
        opens_on=D(2025, 4, 1),
        due_on=D(2025, 6, 30),
        agencies=[AgencyFactory(name=f"Agency {n:02d}") for n in range(agencies)],
    )
    for index, assessment in enumerate(cycle.assessments.all()):
        answers = list(assessment.answers.all())
        services.assessment_answers_save(
            assessment=assessment,
            changes=[AnswerChange(answer, "amber", "Policy in place", "") for answer in answers],
        )
        if index == 0 and moderate_first:
            services.assessment_submit(assessment=assessment, user=None)
            services.assessment_moderate(
                assessment=assessment,
                moderations=[Moderation(answers[0], "red", "No evidence of supervision records")]
                + [Moderation(answer, "amber", "") for answer in answers[1:]],
                user=None,
            )
    return cycle, standards


@pytest.mark.parametrize("agencies", [2, 6])
def test_the_heat_map_shows_the_moderated_rating_over_the_self_rating_in_three_queries(
    agencies, django_assert_num_queries
):
    cycle, _ = _cycle(agencies)
    with django_assert_num_queries(3):
        heatmap = selectors.section11_heatmap()
    assert heatmap["cycle"] == cycle
    assert [s["number"] for s in heatmap["standards"]] == [1, 2, 3]
    assert len(heatmap["rows"]) == agencies
    first = heatmap["rows"][0]
    assert first["agency"] == "Agency 00"
    assert first["cells"][0]["rating"] == "red"
    assert first["cells"][0]["moderated"] is True
    assert first["cells"][0]["label"] == "Red: not met"
    assert heatmap["rows"][1]["cells"][0]["rating"] == "amber"
    assert heatmap["rows"][1]["cells"][0]["moderated"] is False


def test_the_heat_map_without_any_cycle_is_empty():
    assert selectors.section11_heatmap()["rows"] == []


@pytest.mark.parametrize("size", [1, 5])
def test_the_latest_scorecard_gives_each_indicator_its_latest_quarter_and_rag_in_two_queries(
    size, django_assert_num_queries
):
    for _n in range(size):
        indicator = IndicatorFactory(
            polarity=Polarity.LOWER_IS_BETTER, green_threshold=Decimal(30), red_threshold=Decimal(40)
        )
        ValueFactory(indicator=indicator, quarter_start=D(2019, 4, 1), value=Decimal("38"))
        ValueFactory(
            indicator=indicator, quarter_start=D(2019, 7, 1), value=Decimal("51"), commentary="S47s NFA'd"
        )
    with django_assert_num_queries(2):
        latest = selectors.scorecard_latest()
    assert len(latest) == size
    assert latest[0]["quarter"] == "2019/20 Q2"
    assert latest[0]["value"] == Decimal("51")
    assert latest[0]["rag"] == "red"
    assert latest[0]["previous_value"] == Decimal("38")


def _completed_audit_with_reaudit(n: int):
    good, requires = grades()[1], grades()[2]
    lead = PersonFactory()
    original = CaseAuditFactory(
        theme=f"Neglect {n}",
        status=AuditStatus.COMPLETED,
        completed_on=D(2025, 6, 20),
        grade=requires,
        strengths="Timely strategy meetings",
        areas_for_improvement="Chronologies missing",
        voice_of_child="partly",
        voice_of_child_how="Direct work notes in 3 of 6 cases",
    )
    for text in ("Use the chronology template", "Record the child's words"):
        services.recommendation_raise(audit=original, text=text, owners=[lead], recorded_by=None)
    reaudit = CaseAuditFactory(
        programme=original.programme,
        theme=f"Neglect {n}",
        original=original,
        status=AuditStatus.COMPLETED,
        completed_on=D(2026, 2, 10),
        grade=good,
        strengths="Chronologies now in every case",
        voice_of_child="yes",
    )
    return original, reaudit


@pytest.mark.parametrize("size", [1, 3])
def test_the_period_summary_lists_audits_findings_reaudits_and_recommendations_in_four_queries(
    size, django_assert_num_queries
):
    for n in range(size):
        _completed_audit_with_reaudit(n)
    with django_assert_num_queries(4):
        summary = selectors.period_summary(start=D(2025, 4, 1), end=D(2026, 3, 31))
    assert len(summary["audits_completed"]) == 2 * size
    assert summary["reaudits_compared"][0]["original_grade"] == "Requires improvement"
    assert summary["reaudits_compared"][0]["grade"] == "Good"
    assert summary["voice_of_the_child"][0]["how"] == "Direct work notes in 3 of 6 cases"
    assert len(summary["recommendations"]) == 2 * size
    assert summary["recommendations"][0]["action_status"] == "Open"
    assert summary["recommendations"][0]["action_number"] is not None


def test_the_period_summary_leaves_out_audits_completed_outside_the_period():
    _completed_audit_with_reaudit(0)
    summary = selectors.period_summary(start=D(2025, 4, 1), end=D(2025, 12, 31))
    assert [audit["completed_on"] for audit in summary["audits_completed"]] == [D(2025, 6, 20)]
    assert summary["reaudits_compared"] == []


@pytest.mark.parametrize("size", [1, 3])
def test_a_groups_period_summary_holds_only_its_own_programmes_audits_in_five_queries(
    size, django_assert_num_queries
):
    originals = [_completed_audit_with_reaudit(n)[0] for n in range(size)]
    group = originals[0].programme.group
    CaseAuditFactory(programme=originals[0].programme, status=AuditStatus.PLANNED, target_month=D(2025, 9, 1))
    with django_assert_num_queries(5):
        summary = selectors.group_period_summary(group=group, start=D(2025, 4, 1), end=D(2026, 3, 31))
    assert len(summary["audits_completed"]) == 2
    assert [audit["status"] for audit in summary["audits_under_way"]] == ["Planned"]


def test_moderation_leaves_the_assessment_moderated():
    cycle, _ = _cycle(1)
    assessment = cycle.assessments.get()
    assert assessment.status == AssessmentStatus.MODERATED
    assert StandardAnswer.objects.filter(assessment=assessment, moderated_rating="red").count() == 1
