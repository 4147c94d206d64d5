"""The business plan's pages: the grid (seed 004's layout), a cell with its objectives, actions and
progress judgements, and the forms that record them."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from core.access import access
from governance.models import Action, ActionSource
from planning import access_rules, selectors
from planning.forms import (
    CellOwnerForm,
    ObjectiveForm,
    PlanEditForm,
    PlanForm,
    PriorityForm,
    ProgressForm,
    SourceActionForm,
    WorkstreamForm,
)
from planning.models import BusinessPlan, PlanObjective, StrategicPriority, Workstream
from planning.services import plan as services
from planning.views.access import MANAGE, PLAN_CRUMB, VIEW, cell_for, check_perm, objective_for
from planning.views.common import form_page

JUDGE = "planning.judge_cell"


def _grid_page(request, plan: BusinessPlan | None):
    context = {
        "title": "Business plan",
        "plan": plan,
        "grid": selectors.plan_grid(plan=plan, with_objectives=True) if plan else None,
        "plans": BusinessPlan.objects.only("pk", "title", "starts_on", "ends_on"),
        "may_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "planning/plan_detail.html", context)


@access(access_rules.VIEWERS)
@require_GET
def plan_current(request):
    check_perm(request.user, VIEW)
    return _grid_page(request, selectors.current_plan())


@access(access_rules.VIEWERS)
@require_GET
def plan_detail(request, pk: int):
    check_perm(request.user, VIEW)
    return _grid_page(request, get_object_or_404(BusinessPlan, pk=pk))


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def plan_create(request):
    check_perm(request.user, MANAGE)
    form = PlanForm(request.POST or None)
    return form_page(
        request,
        form,
        title="New business plan",
        cancel_url=reverse("planning:plan_current"),
        crumbs=[PLAN_CRUMB],
        save=lambda data: services.plan_create(
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            priorities=[(title, "", "") for title in data["priorities"]],
            workstreams=[(title, "") for title in data["workstreams"]],
        ),
        done=lambda plan: plan.get_absolute_url(),
        message="The plan is created with an empty cell for each priority in each workstream.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk: int):
    check_perm(request.user, MANAGE)
    plan = get_object_or_404(BusinessPlan, pk=pk)
    form = PlanEditForm(
        request.POST or None,
        initial={
            "title": plan.title,
            "starts_on": plan.starts_on,
            "ends_on": plan.ends_on,
            "introduction": plan.introduction,
        },
    )
    return form_page(
        request,
        form,
        title=f"Edit: {plan}",
        cancel_url=plan.get_absolute_url(),
        crumbs=[PLAN_CRUMB, (str(plan), plan.get_absolute_url())],
        save=lambda data: services.plan_update(plan=plan, by=request.user, **data),
        done=lambda saved: saved.get_absolute_url(),
        message="The plan is saved.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def priority_edit(request, pk: int):
    check_perm(request.user, MANAGE)
    priority = get_object_or_404(StrategicPriority.objects.select_related("plan"), pk=pk)
    form = PriorityForm(
        request.POST or None,
        initial={"title": priority.title, "aim": priority.aim, "key_outcomes": priority.key_outcomes},
    )
    return form_page(
        request,
        form,
        title=f"Strategic priority: {priority}",
        cancel_url=priority.plan.get_absolute_url(),
        crumbs=[PLAN_CRUMB, (str(priority.plan), priority.plan.get_absolute_url())],
        save=lambda data: services.priority_update(priority=priority, by=request.user, **data),
        done=lambda saved: priority.plan.get_absolute_url(),
        message="The priority is saved.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def workstream_edit(request, pk: int):
    check_perm(request.user, MANAGE)
    workstream = get_object_or_404(Workstream.objects.select_related("plan"), pk=pk)
    form = WorkstreamForm(request.POST or None, initial={"title": workstream.title, "note": workstream.note})
    return form_page(
        request,
        form,
        title=f"Workstream: {workstream}",
        cancel_url=workstream.plan.get_absolute_url(),
        crumbs=[PLAN_CRUMB, (str(workstream.plan), workstream.plan.get_absolute_url())],
        save=lambda data: services.workstream_update(workstream=workstream, by=request.user, **data),
        done=lambda saved: workstream.plan.get_absolute_url(),
        message="The workstream is saved.",
    )


def _cell_crumbs(cell):
    return [PLAN_CRUMB, (str(cell.plan), cell.plan.get_absolute_url())]


@access(access_rules.VIEWERS)
@require_GET
def cell_detail(request, pk: int):
    cell = cell_for(request, pk)
    objectives = selectors.cell_objectives(cell=cell)
    actions = (
        Action.objects.filter(
            source=ActionSource.BUSINESS_PLAN,
            source_content_type__app_label="planning",
            source_content_type__model="planobjective",
            source_object_id__in=[objective.pk for objective in objectives],
        )
        .select_related("group")
        .prefetch_related("owners")
        .order_by("due_date", "pk")
    )
    by_objective: dict[int | None, list] = {}
    readable = set()
    log_readable: dict[int, bool] = {}  # one check per group, not per action
    for action in actions:
        by_objective.setdefault(action.source_object_id, []).append(action)
        if action.group_id not in log_readable:
            log_readable[action.group_id] = request.user.has_perm("governance.view_actions", action.group)
        if log_readable[action.group_id]:
            readable.add(action.pk)
    for objective in objectives:
        objective.plan_actions = by_objective.get(objective.pk, [])
        objective.may_record = request.user.has_perm("planning.record_objective_action", objective)
        objective.may_edit = request.user.has_perm("planning.edit_objective", objective)
    context = {
        "title": f"{cell.priority}: {cell.workstream}",
        "breadcrumbs": _cell_crumbs(cell),
        "cell": cell,
        "objectives": objectives,
        "readable_actions": readable,
        "progress": selectors.cell_progress(cell=cell),
        "may_judge": request.user.has_perm(JUDGE, cell),
        "may_manage": request.user.has_perm(MANAGE),
        "today": timezone.localdate(),
    }
    return render(request, "planning/cell_detail.html", context)


@access(access_rules.CELL_JUDGES, access_rules.CELL_JUDGES_POST)
@require_http_methods(["GET", "POST"])
def cell_progress(request, pk: int):
    cell = cell_for(request, pk, JUDGE)
    form = ProgressForm(request.POST or None, initial={"judged_on": timezone.localdate()})
    return form_page(
        request,
        form,
        title=f"Progress: {cell.priority}, {cell.workstream}",
        cancel_url=cell.get_absolute_url(),
        crumbs=[*_cell_crumbs(cell), (f"{cell.priority}: {cell.workstream}", cell.get_absolute_url())],
        save=lambda data: services.progress_record(
            cell=cell,
            rag=data["rag"],
            judged_on=data["judged_on"],
            commentary=data["commentary"],
            judged_by=request.user,
        ),
        done=lambda update: cell.get_absolute_url(),
        message="The progress RAG is recorded with its date and commentary.",
    )


@access(access_rules.CELL_JUDGES, access_rules.CELL_JUDGES_POST)
@require_http_methods(["GET", "POST"])
def cell_objective_add(request, pk: int):
    cell = cell_for(request, pk, JUDGE)
    form = ObjectiveForm(request.POST or None, initial={"owning_group": cell.owning_group_id})
    return form_page(
        request,
        form,
        title=f"New objective: {cell.priority}, {cell.workstream}",
        cancel_url=cell.get_absolute_url(),
        crumbs=[*_cell_crumbs(cell), (f"{cell.priority}: {cell.workstream}", cell.get_absolute_url())],
        save=lambda data: services.objective_add(
            cell=cell, text=data["text"], owning_group=data["owning_group"]
        ),
        done=lambda objective: cell.get_absolute_url(),
        message="The objective is added.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def cell_owner(request, pk: int):
    cell = cell_for(request, pk, MANAGE)
    form = CellOwnerForm(request.POST or None, initial={"owning_group": cell.owning_group_id})
    return form_page(
        request,
        form,
        title=f"Owning subgroup: {cell.priority}, {cell.workstream}",
        cancel_url=cell.get_absolute_url(),
        crumbs=[*_cell_crumbs(cell), (f"{cell.priority}: {cell.workstream}", cell.get_absolute_url())],
        save=lambda data: services.cell_assign(cell=cell, owning_group=data["owning_group"]),
        done=lambda saved: cell.get_absolute_url(),
        message="The owning subgroup is saved.",
    )


@access(access_rules.CELL_JUDGES, access_rules.CELL_JUDGES_POST)
@require_http_methods(["GET", "POST"])
def objective_edit(request, pk: int):
    objective: PlanObjective = objective_for(request, pk, "planning.edit_objective")
    cell = objective.cell
    form = ObjectiveForm(
        request.POST or None, initial={"text": objective.text, "owning_group": objective.owning_group_id}
    )
    return form_page(
        request,
        form,
        title=f"Objective {objective.position}: {cell.priority}, {cell.workstream}",
        cancel_url=cell.get_absolute_url(),
        crumbs=[*_cell_crumbs(cell), (f"{cell.priority}: {cell.workstream}", cell.get_absolute_url())],
        save=lambda data: services.objective_update(
            objective=objective, text=data["text"], owning_group=data["owning_group"]
        ),
        done=lambda saved: cell.get_absolute_url(),
        message="The objective is saved; its actions stay in the log they were recorded in.",
    )


@access(access_rules.CELL_JUDGES, access_rules.CELL_JUDGES_POST)
@require_http_methods(["GET", "POST"])
def objective_action(request, pk: int):
    objective: PlanObjective = objective_for(request, pk, "planning.record_objective_action")
    if not objective.owning_group.active:
        raise Http404("The objective's owning group is no longer active.")
    cell = objective.cell
    form = SourceActionForm(request.POST or None)
    return form_page(
        request,
        form,
        title=f"New action for objective {objective.position}",
        cancel_url=cell.get_absolute_url(),
        crumbs=[*_cell_crumbs(cell), (f"{cell.priority}: {cell.workstream}", cell.get_absolute_url())],
        save=lambda data: services.objective_action_record(
            objective=objective,
            description=data["description"],
            owners=data["owners"],
            due_date=data["due_date"],
            recorded_by=request.user,
        ),
        done=lambda action: cell.get_absolute_url(),
        message=f"The action is recorded in the action log of {objective.owning_group.name}.",
        extra={"intro": objective.text},
    )
