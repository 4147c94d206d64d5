"""The demo's planning records (demo/scenarios/planning.py): the seed 004 plan with dated RAGs,
risks, an escalation from the MASH Group on the board's agenda, scrutiny and the year's budget."""

import pytest

from demo.tests.test_load_demo import demo_media_root, load_demo, loaded_once_per_class  # noqa: F401  (a fixture)
from planning.models import (
    BudgetLine,
    BusinessPlan,
    Contribution,
    Escalation,
    PlanCell,
    ProgressUpdate,
    Risk,
    ScrutinyPlan,
)

herefordshire_planning_once = loaded_once_per_class()


def planning_counts() -> dict[str, int]:
    models = (
        BusinessPlan,
        PlanCell,
        ProgressUpdate,
        Escalation,
        Risk,
        ScrutinyPlan,
        Contribution,
        BudgetLine,
    )
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
@pytest.mark.usefixtures("herefordshire_planning_once")
class TestHerefordshirePlanning:
    def test_the_plan_has_seed_004s_grid_filled_with_objectives_and_dated_rags(self):
        plan = BusinessPlan.objects.get()
        assert plan.cells.count() == 30
        assert plan.cells.filter(objectives__isnull=True).count() == 0
        assert plan.cells.exclude(rag="").count() >= 8
        assert ProgressUpdate.objects.filter(cell__priority__title="Neglect").exists()

    def test_the_escalation_from_the_mash_group_is_on_the_boards_next_agenda(self):
        escalation = Escalation.objects.get(title="Health staffing at the MASH")
        assert escalation.from_group.short_name == "MASH"
        assert escalation.agenda_item is not None
        assert escalation.agenda_item.meeting.group == escalation.to_group

    def test_risks_scrutiny_and_the_budget_are_there(self):
        assert Risk.objects.count() == 4
        assert Risk.objects.filter(escalation__isnull=False).exists()
        plan = ScrutinyPlan.objects.get()
        assert plan.agreed_by.count() == 3
        assert Contribution.objects.filter(kind="in_kind").count() == 2
        assert BudgetLine.objects.count() == 6

    def test_a_second_run_adds_no_planning_record(self):
        before = planning_counts()
        load_demo()
        assert planning_counts() == before
