"""The planning app's part of the permission matrix's world (hscp/tests/test_permission_matrix.py):
a plan whose cell and objective the matrix's group owns, an escalation from that group to a board
none of the kinds chairs, a risk, a scrutiny plan with a report (no file) and a budget line."""

import datetime

from governance.tests.factories import PersonFactory
from planning.models import PlanCell
from planning.services.plan import objective_add
from planning.tests.factories import (
    BudgetLineFactory,
    ContributionFactory,
    EscalationFactory,
    RiskFactory,
    ScrutinyReportFactory,
    board_factory,
    seed_plan,
)

SEGMENT_OBJECTS = {
    "business-plans": "planning_plan",
    "plan-cells": "planning_cell",
    "plan-objectives": "planning_objective",
    "escalations": "planning_escalation",
    "risks": "planning_risk",
    "scrutiny-plans": "planning_scrutiny_plan",
    "scrutiny-reports": "planning_scrutiny_report",
    "budget-lines": "planning_budget_line",
    "budget-contributions": "planning_contribution",
    "plan-priorities": "planning_priority",
    "plan-workstreams": "planning_workstream",
}
KWARG_OBJECTS: dict[str, str] = {}


def world_objects(*, users, groups, objects) -> dict:
    plan = seed_plan(starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2027, 3, 31))
    cell = PlanCell.objects.get(plan=plan, priority__position=1, workstream__position=1)
    cell.owning_group = groups["group"]
    cell.save()
    objective = objective_add(
        cell=cell, text="Develop and implement a neglect strategy.", owning_group=groups["group"]
    )
    board = board_factory(name="Matrix Partners Board", short_name="MPB")
    report = ScrutinyReportFactory()
    return {
        "planning_plan": plan,
        "planning_cell": cell,
        "planning_priority": cell.priority,
        "planning_workstream": cell.workstream,
        "planning_objective": objective,
        "planning_escalation": EscalationFactory(from_group=groups["group"], to_group=board),
        "planning_risk": RiskFactory(owner=PersonFactory()),
        "planning_scrutiny_plan": report.plan,
        "planning_scrutiny_report": report,
        "planning_budget_line": BudgetLineFactory(),
        "planning_contribution": ContributionFactory(),
    }
