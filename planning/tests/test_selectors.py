"""The selectors other apps compose (dashboards, reports): what they return and their fixed query counts."""

import datetime
from decimal import Decimal

import pytest

from governance.tests.factories import AgencyFactory, GroupFactory, PersonFactory
from governance.tests.factories_actions import london
from planning.choices import ContributionKind, EscalationStatus, ProgressRag, RiskStatus
from planning.models import PlanCell
from planning.selectors import (
    budget_summary,
    current_plan,
    group_period_summary,
    open_escalations,
    period_summary,
    plan_grid,
    risk_heatmap,
)
from planning.services.plan import objective_add, progress_record
from planning.services.registers import spend_record
from planning.tests.factories import (
    BudgetLineFactory,
    ContributionFactory,
    EscalationFactory,
    RiskFactory,
    ScrutinyReportFactory,
    board_factory,
    seed_plan,
)

pytestmark = pytest.mark.django_db
NOW = london(2026, 6, 1, 10)


def _judge(cell, rag, on, user, text="Commentary."):
    progress_record(cell=cell, rag=rag, judged_on=on, commentary=text, judged_by=user, now=NOW)


def _fill(plan, user, group, n):
    cells = list(PlanCell.objects.filter(plan=plan)[:n])
    for index, cell in enumerate(cells):
        objective_add(cell=cell, text=f"Objective {index}", owning_group=group)
        _judge(
            cell,
            [ProgressRag.RED, ProgressRag.AMBER, ProgressRag.GREEN][index % 3],
            datetime.date(2025, 9, 30),
            user,
        )
    return cells


def test_the_current_plan_is_the_one_whose_period_holds_today():
    old = seed_plan(title="2023-25", starts_on=datetime.date(2023, 4, 1), ends_on=datetime.date(2025, 3, 31))
    now = seed_plan(title="2025-27")
    assert current_plan(today=datetime.date(2025, 4, 1)) == now
    assert current_plan(today=datetime.date(2025, 3, 31)) == old
    assert current_plan(today=datetime.date(2030, 1, 1)) == now  # the latest once all have ended


def test_no_plan_at_all_is_none():
    assert current_plan(today=datetime.date(2025, 4, 1)) is None


def test_the_grid_puts_priorities_across_and_workstreams_down_with_each_cells_latest_rag(secretariat):
    plan = seed_plan()
    cell = PlanCell.objects.get(plan=plan, priority__position=1, workstream__position=3)
    _judge(cell, ProgressRag.AMBER, datetime.date(2025, 9, 30), secretariat, "Trainers booked.")
    grid = plan_grid(plan=plan)
    assert grid["priorities"][0].title == "Neglect"
    assert len(grid["rows"]) == 6 and len(grid["rows"][0]["cells"]) == 5
    judged = grid["rows"][2]["cells"][0]
    assert (judged["rag"], judged["rag_on"], judged["commentary"]) == (
        "amber",
        datetime.date(2025, 9, 30),
        "Trainers booked.",
    )
    assert grid["by_priority"][0]["cells"][2] is judged
    assert grid["rag_counts"] == {"red": 0, "amber": 1, "green": 0, "": 29}


@pytest.mark.parametrize("filled", [2, 25])
def test_the_grid_runs_four_queries_with_its_objectives_whatever_is_filled(
    filled, secretariat, django_assert_max_num_queries
):
    plan = seed_plan()
    _fill(plan, secretariat, GroupFactory(), filled)
    with django_assert_max_num_queries(4):
        grid = plan_grid(plan=plan, with_objectives=True)
        assert sum(len(c["objectives"]) for row in grid["rows"] for c in row["cells"]) == filled


@pytest.mark.parametrize("risks", [2, 30])
def test_the_heat_map_counts_open_risks_by_residual_likelihood_and_impact_in_one_query(
    risks, django_assert_num_queries
):
    owner = PersonFactory()
    for index in range(risks):
        RiskFactory(owner=owner, residual_likelihood=index % 5 + 1, residual_impact=2)
    RiskFactory(owner=owner, status=RiskStatus.CLOSED, residual_likelihood=5, residual_impact=5)
    with django_assert_num_queries(1):
        heatmap = risk_heatmap()
    assert heatmap["total"] == risks
    top = heatmap["rows"][0]
    assert top["likelihood"] == 5 and top["cells"][4]["count"] == 0  # the closed risk is not counted
    assert top["cells"][4]["band"] == "very high"
    assert sum(cell["count"] for row in heatmap["rows"] for cell in row["cells"]) == risks


@pytest.mark.parametrize("escalations", [1, 12])
def test_open_escalations_leave_out_closed_ones_in_one_query(escalations, django_assert_num_queries):
    board = board_factory()
    mash = GroupFactory(name="MASH Group")
    for _ in range(escalations):
        EscalationFactory(from_group=mash, to_group=board)
    EscalationFactory(from_group=mash, to_group=board, status=EscalationStatus.CLOSED)
    with django_assert_num_queries(1):
        found = open_escalations(to_group=board)
        assert all(e.from_group.name == "MASH Group" for e in found)
    assert len(found) == escalations


@pytest.mark.parametrize("lines", [1, 10])
def test_the_budget_sums_contributions_and_spend_by_quarter_in_three_queries(
    lines, django_assert_num_queries
):
    council, police = AgencyFactory(name="Council"), AgencyFactory(name="Police")
    ContributionFactory(agency=council, amount=Decimal("100000"))
    ContributionFactory(agency=police, amount=Decimal("40000"))
    ContributionFactory(
        agency=police,
        kind=ContributionKind.IN_KIND,
        amount=Decimal("3000"),
        description="Trainers' time, 10 days",
    )
    for _ in range(lines):
        line = BudgetLineFactory(budget=Decimal("10000"))
        spend_record(line=line, quarter=1, amount=Decimal("2000"))
        spend_record(line=line, quarter=3, amount=Decimal("500"))
        spend_record(line=line, quarter=3, amount=Decimal("1000"))  # a correction replaces
    with django_assert_num_queries(3):
        summary = budget_summary(year=2025)
    assert summary["label"] == "2025-26"
    assert summary["cash_total"] == Decimal("140000")
    assert summary["in_kind_total"] == Decimal("3000")
    assert summary["quarter_totals"] == [
        Decimal("2000") * lines,
        Decimal("0"),
        Decimal("1000") * lines,
        Decimal("0"),
    ]
    assert summary["spent_total"] == Decimal("3000") * lines
    assert summary["variance_total"] == Decimal("7000") * lines
    police_row = next(row for row in summary["contributions"] if row["agency"] == police)
    assert police_row["total"] == Decimal("43000")


def test_the_period_summary_names_priorities_with_red_or_amber_cells_as_judged_by_the_periods_end(
    secretariat,
):
    plan = seed_plan()
    neglect = PlanCell.objects.get(plan=plan, priority__position=1, workstream__position=1)
    early = PlanCell.objects.get(plan=plan, priority__position=4, workstream__position=1)
    _judge(neglect, ProgressRag.RED, datetime.date(2025, 9, 30), secretariat)
    _judge(neglect, ProgressRag.GREEN, datetime.date(2026, 4, 30), secretariat)  # after the period
    _judge(early, ProgressRag.GREEN, datetime.date(2025, 9, 30), secretariat)
    board = board_factory()
    EscalationFactory(to_group=board, raised_on=datetime.date(2025, 5, 1))
    EscalationFactory(to_group=board, raised_on=datetime.date(2026, 5, 1))
    ScrutinyReportFactory(presented_on=datetime.date(2025, 10, 1))
    summary = period_summary(start=datetime.date(2025, 4, 1), end=datetime.date(2026, 3, 31))
    assert [entry["priority"].title for entry in summary["little_progress"]] == ["Neglect"]
    assert summary["little_progress"][0]["cells"][0]["rag"] == "red"
    assert len(summary["escalations"]) == 1
    assert len(summary["scrutiny"]["reports"]) == 1
    assert [c["year"] for c in summary["contributions"]] == [2025]


@pytest.mark.parametrize("size", [1, 10])
def test_the_period_summary_runs_a_fixed_number_of_queries(size, secretariat, django_assert_max_num_queries):
    plan = seed_plan()
    _fill(plan, secretariat, GroupFactory(), size)
    board = board_factory()
    for _ in range(size):
        EscalationFactory(to_group=board, raised_on=datetime.date(2025, 5, 1))
        ScrutinyReportFactory(presented_on=datetime.date(2025, 10, 1))
    with django_assert_max_num_queries(12):
        period_summary(start=datetime.date(2025, 4, 1), end=datetime.date(2026, 3, 31))


@pytest.mark.parametrize("size", [1, 8])
def test_a_groups_period_summary_holds_its_escalations_and_cells_in_three_queries(
    size, secretariat, django_assert_num_queries
):
    plan = seed_plan()
    mash = GroupFactory(name="MASH Group")
    cells = _fill(plan, secretariat, mash, size)
    EscalationFactory(from_group=mash, raised_on=datetime.date(2025, 11, 1))
    EscalationFactory(from_group=mash, raised_on=datetime.date(2025, 8, 1))  # before the quarter
    with django_assert_num_queries(3):
        summary = group_period_summary(
            group=mash, start=datetime.date(2025, 10, 1), end=datetime.date(2025, 12, 31)
        )
    assert len(summary["escalations"]) == 1
    assert len(summary["cells"]) == size
    assert summary["cells"][0]["latest"].judged_on == datetime.date(2025, 9, 30)
    assert summary["cells"][0]["judgements"] == []  # judged before the quarter
    assert summary["cells"][0]["cell"] == cells[0]
