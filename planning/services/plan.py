"""The business plan: a plan period, its priorities by workstreams, objectives, dated progress RAGs and
the actions objectives put in the one action log (seed 004; arrangements s.20.7, s.21)."""

import datetime
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from governance.models import Action, ActionSource, Group, Person
from governance.services.actions import action_record_for_source
from governance.services.common import save_validated
from planning.models import (
    BusinessPlan,
    PlanCell,
    PlanObjective,
    ProgressUpdate,
    StrategicPriority,
    Workstream,
)


@transaction.atomic
def plan_create(
    *,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    priorities: Sequence[tuple[str, str, str]],
    workstreams: Sequence[tuple[str, str]],
    introduction: str = "",
) -> BusinessPlan:
    """A plan with its priorities (title, aim, key outcomes) and workstreams (title, note), in the
    order given, and one empty cell for each priority in each workstream."""
    if not priorities or not workstreams:
        raise ValidationError("A plan needs at least one strategic priority and one workstream.")
    plan = save_validated(
        BusinessPlan(title=title.strip(), starts_on=starts_on, ends_on=ends_on, introduction=introduction)
    )
    saved_priorities = [
        save_validated(
            StrategicPriority(plan=plan, position=position, title=p_title, aim=aim, key_outcomes=outcomes)
        )
        for position, (p_title, aim, outcomes) in enumerate(priorities, start=1)
    ]
    saved_workstreams = [
        save_validated(Workstream(plan=plan, position=position, title=w_title, note=note))
        for position, (w_title, note) in enumerate(workstreams, start=1)
    ]
    PlanCell.objects.bulk_create(
        PlanCell(plan=plan, priority=priority, workstream=workstream)
        for priority in saved_priorities
        for workstream in saved_workstreams
    )
    return plan


@transaction.atomic
def plan_update(
    *,
    plan: BusinessPlan,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    introduction: str,
    by=None,
) -> BusinessPlan:
    """Change the plan's title, period or introduction (its grid stays)."""
    plan.title, plan.starts_on, plan.ends_on = title.strip(), starts_on, ends_on
    plan.introduction = introduction.strip()
    plan._history_user = by
    return save_validated(plan)


@transaction.atomic
def priority_update(*, priority: StrategicPriority, title: str, aim: str, key_outcomes: str, by=None):
    """A priority's heading, aim and key outcomes, as the plan words them."""
    priority.title, priority.aim, priority.key_outcomes = title.strip(), aim.strip(), key_outcomes.strip()
    priority._history_user = by
    return save_validated(priority)


@transaction.atomic
def workstream_update(*, workstream: Workstream, title: str, note: str, by=None):
    workstream.title, workstream.note = title.strip(), note.strip()
    workstream._history_user = by
    return save_validated(workstream)


@transaction.atomic
def cell_assign(*, cell: PlanCell, owning_group: Group | None) -> PlanCell:
    """Name the subgroup that leads a cell (and judges its progress)."""
    if owning_group is not None and not owning_group.active:
        raise ValidationError({"owning_group": f"{owning_group.name} is no longer active."})
    cell.owning_group = owning_group
    return save_validated(cell)


@transaction.atomic
def objective_add(*, cell: PlanCell, text: str, owning_group: Group) -> PlanObjective:
    """An objective at the end of the cell's list; the cell's owning group defaults to its own."""
    PlanCell.objects.select_for_update().filter(pk=cell.pk).first()
    position = (cell.objectives.aggregate(last=Max("position"))["last"] or 0) + 1
    objective = PlanObjective(cell=cell, position=position, text=text.strip(), owning_group=owning_group)
    if not objective.text:
        raise ValidationError({"text": "Say what the objective is."})
    if cell.owning_group_id is None:
        cell.owning_group = owning_group
        cell.save(update_fields=["owning_group", "updated_at"])
    return save_validated(objective)


@transaction.atomic
def objective_update(*, objective: PlanObjective, text: str, owning_group: Group) -> PlanObjective:
    objective.text = text.strip()
    objective.owning_group = owning_group
    if not objective.text:
        raise ValidationError({"text": "Say what the objective is."})
    return save_validated(objective)


@transaction.atomic
def progress_record(
    *,
    cell: PlanCell,
    rag: str,
    judged_on: datetime.date,
    commentary: str,
    judged_by,
    now: datetime.datetime | None = None,
) -> ProgressUpdate:
    """Record a dated progress judgement (every one is kept). The cell shows the latest by the date
    judged: a judgement entered late for an earlier date joins the history without replacing a
    newer one. A judgement cannot be dated in the future."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if judged_on is not None and judged_on > today:
        raise ValidationError({"judged_on": "A progress judgement cannot be dated in the future."})
    update = ProgressUpdate(
        cell=cell,
        rag=rag,
        judged_on=judged_on,
        commentary=(commentary or "").strip(),
        judged_by=judged_by,
        recorded_at=now,
    )
    if not update.commentary:
        raise ValidationError({"commentary": "Say why: the RAG is read with its commentary."})
    save_validated(update)
    cell = PlanCell.objects.select_for_update().get(pk=cell.pk)
    if cell.rag_on is None or judged_on >= cell.rag_on:
        cell.rag, cell.rag_on, cell.rag_commentary = rag, judged_on, update.commentary
        cell._history_user = judged_by
        cell.save()
    return update


def objective_label(objective: PlanObjective) -> str:
    """How the action log names the source: 'Business plan 2025-27: Neglect, Training, objective 1'."""
    cell = objective.cell
    return f"{cell.plan}: {cell.priority}, {cell.workstream}, objective {objective.position}"


@transaction.atomic
def objective_action_record(
    *,
    objective: PlanObjective,
    description: str,
    owners: Iterable[Person],
    recorded_by,
    due_date: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Action:
    """An action for the objective, in its owning group's log (origin: the business plan)."""
    return action_record_for_source(
        source_object=objective,
        source_kind=ActionSource.BUSINESS_PLAN,
        label=objective_label(objective),
        group=objective.owning_group,
        description=description,
        owners=owners,
        recorded_by=recorded_by,
        due_date=due_date,
        now=now,
    )
