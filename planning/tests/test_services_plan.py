import datetime

import pytest
from django.core.exceptions import ValidationError

from governance.models import Action, ActionSource
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.factories_actions import london
from planning.choices import ProgressRag
from planning.models import PlanCell, ProgressUpdate
from planning.services.plan import objective_action_record, objective_add, progress_record
from planning.tests.factories import seed_plan

pytestmark = pytest.mark.django_db
NOW = london(2025, 10, 15, 10)


@pytest.fixture
def plan():
    return seed_plan()


def _cell(plan, priority="Neglect", workstream="Training and workforce development"):
    return PlanCell.objects.get(plan=plan, priority__title=priority, workstream__title=workstream)


def test_a_plan_has_one_cell_for_each_priority_in_each_workstream(plan):
    assert plan.cells.count() == 5 * 6
    assert plan.priorities.first().title == "Neglect"
    assert [w.title for w in plan.workstreams.all()][-1] == "Voice of the child"


def test_each_judgement_is_kept_and_the_cell_shows_the_latest_by_date(plan, secretariat):
    cell = _cell(plan)
    progress_record(
        cell=cell,
        rag=ProgressRag.AMBER,
        judged_on=datetime.date(2025, 9, 30),
        commentary="GCP2 training booked for two cohorts.",
        judged_by=secretariat,
        now=NOW,
    )
    progress_record(
        cell=cell,
        rag=ProgressRag.RED,
        judged_on=datetime.date(2025, 6, 30),
        commentary="No trainer yet.",
        judged_by=secretariat,
        now=NOW,
    )
    cell.refresh_from_db()
    assert cell.rag == ProgressRag.AMBER
    assert cell.rag_on == datetime.date(2025, 9, 30)
    assert cell.rag_commentary == "GCP2 training booked for two cohorts."
    assert ProgressUpdate.objects.filter(cell=cell).count() == 2


def test_a_judgement_dated_tomorrow_is_refused_and_nothing_is_saved(plan, secretariat):
    cell = _cell(plan)
    with pytest.raises(ValidationError) as error:
        progress_record(
            cell=cell,
            rag=ProgressRag.GREEN,
            judged_on=datetime.date(2025, 10, 16),
            commentary="Done.",
            judged_by=secretariat,
            now=NOW,
        )
    assert "future" in str(error.value)
    assert not ProgressUpdate.objects.exists()


def test_a_judgement_dated_today_is_accepted(plan, secretariat):
    progress_record(
        cell=_cell(plan),
        rag=ProgressRag.GREEN,
        judged_on=datetime.date(2025, 10, 15),
        commentary="Delivered.",
        judged_by=secretariat,
        now=NOW,
    )
    assert ProgressUpdate.objects.count() == 1


def test_a_judgement_without_commentary_is_refused(plan, secretariat):
    with pytest.raises(ValidationError):
        progress_record(
            cell=_cell(plan),
            rag=ProgressRag.GREEN,
            judged_on=datetime.date(2025, 10, 1),
            commentary="  ",
            judged_by=secretariat,
            now=NOW,
        )
    assert not ProgressUpdate.objects.exists()


def test_an_objectives_action_goes_in_its_owning_groups_log_with_the_plan_as_origin(plan, secretariat):
    workforce = GroupFactory(name="Workforce Development Group")
    owner = PersonFactory(name="Dana Trainer")
    MembershipFactory(person=owner, group=workforce)
    cell = _cell(plan)
    objective = objective_add(
        cell=cell, text="Deliver multi-agency neglect training (GCP2).", owning_group=workforce
    )
    action = objective_action_record(
        objective=objective,
        description="Book GCP2 trainers for two cohorts.",
        owners=[owner],
        recorded_by=secretariat,
        due_date=datetime.date(2025, 12, 1),
        now=NOW,
    )
    action = Action.objects.get(pk=action.pk)
    assert action.group == workforce
    assert action.source == ActionSource.BUSINESS_PLAN
    assert action.source_object == objective
    assert "Neglect, Training and workforce development, objective 1" in action.source_label
    cell.refresh_from_db()
    assert cell.owning_group == workforce  # the first objective's group leads an unowned cell


def test_objectives_are_numbered_in_order_within_their_cell(plan):
    group = GroupFactory()
    cell = _cell(plan)
    first = objective_add(cell=cell, text="One", owning_group=group)
    second = objective_add(cell=cell, text="Two", owning_group=group)
    assert (first.position, second.position) == (1, 2)
