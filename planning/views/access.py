"""Fetch-and-check helpers of the planning pages: 404 when there is no such record, 403 when the
user may not do this with it (every record here is visible to anyone with a role)."""

from collections.abc import Callable

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.urls import reverse_lazy

from governance.views.access import check_perm
from planning import selectors
from planning.models import (
    BudgetLine,
    Contribution,
    PlanCell,
    PlanObjective,
    Risk,
    ScrutinyPlan,
    ScrutinyReport,
)

VIEW = "planning.view_planning"
MANAGE = "planning.manage_planning"

PLAN_CRUMB = ("Business plan", reverse_lazy("planning:plan_current"))
ESCALATIONS_CRUMB = ("Escalations", reverse_lazy("planning:escalation_list"))
RISKS_CRUMB = ("Risk register", reverse_lazy("planning:risk_list"))
SCRUTINY_CRUMB = ("Independent scrutiny", reverse_lazy("planning:scrutiny_list"))
BUDGET_CRUMB = ("Budget", reverse_lazy("planning:budget"))


def _fetch(fetch: Callable, pk):
    try:
        return fetch(pk)
    except ObjectDoesNotExist:
        raise Http404 from None


def _checked(request, obj, perm: str, *, on_object: bool = False):
    check_perm(request.user, VIEW)
    if perm != VIEW:
        check_perm(request.user, perm, obj if on_object else None)
    return obj


def cell_for(request, pk: int, perm: str = VIEW) -> PlanCell:
    return _checked(request, _fetch(selectors.cell_with_details, pk), perm, on_object=True)


def objective_for(request, pk: int, perm: str = VIEW) -> PlanObjective:
    objective = _fetch(
        lambda key: PlanObjective.objects.select_related(
            "owning_group", "cell__plan", "cell__priority", "cell__workstream"
        ).get(pk=key),
        pk,
    )
    return _checked(request, objective, perm, on_object=True)


def escalation_for(request, pk: int, perm: str = VIEW):
    """404 for an escalation from a need-to-know group the user may not read (as its log)."""
    check_perm(request.user, VIEW)
    escalation = _fetch(lambda key: selectors.escalation_with_details(key, user=request.user), pk)
    return _checked(request, escalation, perm, on_object=True)


def risk_for(request, pk: int, perm: str = VIEW) -> Risk:
    risk = _fetch(lambda key: selectors.risk_list(status="").get(pk=key), pk)
    return _checked(request, risk, perm)


def scrutiny_plan_for(request, pk: int, perm: str = VIEW) -> ScrutinyPlan:
    plan = _fetch(lambda key: ScrutinyPlan.objects.select_related("scrutineer__agency").get(pk=key), pk)
    return _checked(request, plan, perm)


def scrutiny_report_for(request, pk: int, perm: str = VIEW) -> ScrutinyReport:
    report = _fetch(lambda key: ScrutinyReport.objects.select_related("plan").get(pk=key), pk)
    return _checked(request, report, perm)


def budget_line_for(request, pk: int, perm: str = MANAGE) -> BudgetLine:
    return _checked(request, _fetch(lambda key: BudgetLine.objects.get(pk=key), pk), perm)


def contribution_for(request, pk: int, perm: str = MANAGE) -> Contribution:
    return _checked(
        request, _fetch(lambda key: Contribution.objects.select_related("agency").get(pk=key), pk), perm
    )


def budget_line_for_view(request, pk: int) -> BudgetLine:
    return budget_line_for(request, pk, VIEW)


def contribution_for_view(request, pk: int) -> Contribution:
    return contribution_for(request, pk, VIEW)
