"""Reads of the business plan, escalations, the risk register, scrutiny and the budget, for this
app's pages and for the dashboards and reports that compose them. Each runs a fixed number of
queries whatever the number of rows (pinned in planning/tests/test_queries.py). They return the
partnership's records: the callers' views check `planning.view_planning` first.
"""

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from governance.models import Group, LogReaders
from governance.permissions import is_staff_of_partnership, member_group_ids
from planning import rules
from planning.choices import ContributionKind, EscalationStatus, ProgressRag, RiskStatus
from planning.models import (
    BudgetLine,
    BusinessPlan,
    Contribution,
    Escalation,
    PlanCell,
    PlanObjective,
    ProgressUpdate,
    Risk,
    ScrutinyPlan,
    ScrutinyReport,
    Spend,
)

LITTLE_PROGRESS = (ProgressRag.RED, ProgressRag.AMBER)
ZERO = Decimal("0.00")


# The business plan ----------------------------------------------------------------------


def current_plan(*, today: datetime.date | None = None) -> BusinessPlan | None:
    """The plan whose period holds today; else the latest that has started; else the first to come.
    One query."""
    today = today or timezone.localdate()
    return (
        BusinessPlan.objects.annotate(
            holds_today=Q(starts_on__lte=today, ends_on__gte=today),
            started=Q(starts_on__lte=today),
        )
        .order_by("-holds_today", "-started", "-starts_on")
        .first()
    )


def _cell_dict(cell: PlanCell, objectives: list | None) -> dict[str, Any]:
    return {
        "id": cell.pk,
        "cell": cell,
        "url": cell.get_absolute_url(),
        "priority": cell.priority,
        "workstream": cell.workstream,
        "owning_group": cell.owning_group,
        "rag": cell.rag,
        "rag_label": cell.get_rag_display() if cell.rag else "Not yet judged",
        "rag_on": cell.rag_on,
        "commentary": cell.rag_commentary,
        "objective_count": getattr(cell, "objective_count", 0),
        "objectives": objectives,
    }


def plan_grid(*, plan: BusinessPlan, with_objectives: bool = False) -> dict[str, Any]:
    """Priorities by workstreams as seed 004 lays them out (priorities across, workstreams down),
    each cell with its latest progress RAG, its date and commentary, its owning group and its
    objective count (and its objectives with `with_objectives`). Three queries (four with them).

    Returns {"plan", "priorities", "workstreams", "rows": [{"workstream", "cells"}],
    "by_priority": [{"priority", "cells"}], "rag_counts": {rag or "": n}}."""
    priorities = list(plan.priorities.all())
    workstreams = list(plan.workstreams.all())
    cells = (
        PlanCell.objects.filter(plan=plan)
        .select_related("owning_group")
        .annotate(objective_count=Count("objectives"))
    )
    if with_objectives:
        cells = cells.prefetch_related(
            Prefetch("objectives", queryset=PlanObjective.objects.select_related("owning_group"))
        )
    by_key = {}
    for cell in cells:
        by_key[cell.priority_id, cell.workstream_id] = cell
    priority_by_id = {priority.pk: priority for priority in priorities}
    workstream_by_id = {workstream.pk: workstream for workstream in workstreams}
    dicts = {}
    for (priority_id, workstream_id), cell in by_key.items():
        # The grid's own objects, so the template reads no more rows.
        cell.priority, cell.workstream = priority_by_id[priority_id], workstream_by_id[workstream_id]
        dicts[priority_id, workstream_id] = _cell_dict(
            cell, list(cell.objectives.all()) if with_objectives else None
        )
    rows = [
        {"workstream": workstream, "cells": [dicts.get((p.pk, workstream.pk)) for p in priorities]}
        for workstream in workstreams
    ]
    by_priority = [
        {"priority": priority, "cells": [dicts.get((priority.pk, w.pk)) for w in workstreams]}
        for priority in priorities
    ]
    rag_counts = {value: 0 for value in [*ProgressRag.values, ""]}
    for entry in dicts.values():
        rag_counts[entry["rag"]] += 1
    return {
        "plan": plan,
        "priorities": priorities,
        "workstreams": workstreams,
        "rows": rows,
        "by_priority": by_priority,
        "rag_counts": rag_counts,
        "unjudged": rag_counts[""],
    }


def cell_with_details(pk: int) -> PlanCell:
    return PlanCell.objects.select_related("plan", "priority", "workstream", "owning_group").get(pk=pk)


def cell_progress(*, cell: PlanCell) -> list[ProgressUpdate]:
    """Every judgement of the cell, newest first, with who made it. One query."""
    return list(cell.progress_updates.select_related("judged_by__person"))


def cell_objectives(*, cell: PlanCell) -> list[PlanObjective]:
    """The cell's objectives with their owning groups. One query."""
    return list(cell.objectives.select_related("owning_group"))


# Escalations ------------------------------------------------------------------------------


def _escalations() -> QuerySet[Escalation]:
    return Escalation.objects.select_related(
        "from_group", "to_group", "raised_by__person", "agenda_item__meeting__group"
    )


def visible_escalations(user) -> Q:
    """Who may read an escalation: one from a need-to-know group (its log read only by its members:
    the Joint Case Review group, whose issues may name a case) is for the staff, that group's
    members and the members of the board it went to; every other one for anyone with a role (the
    product's own rule, as the action log's). No query of its own: the user's groups are cached."""
    if is_staff_of_partnership(user):
        return Q()
    mine = member_group_ids(user)
    return ~Q(from_group__log_readers=LogReaders.MEMBERS_ONLY) | Q(from_group__in=mine) | Q(to_group__in=mine)


def open_escalations(*, to_group: Group | None = None, user=None) -> list[Escalation]:
    """Escalations not yet closed (open or responded to), oldest first, with where each is on the
    board's agenda; with `user`, only those they may read. One query."""
    escalations = _escalations().exclude(status=EscalationStatus.CLOSED)
    if to_group is not None:
        escalations = escalations.filter(to_group=to_group)
    if user is not None:
        escalations = escalations.filter(visible_escalations(user))
    return list(escalations.order_by("raised_on", "pk"))


def escalation_list(*, status: str = "", from_group_id: int | None = None, user=None) -> QuerySet[Escalation]:
    escalations = _escalations()
    if user is not None:
        escalations = escalations.filter(visible_escalations(user))
    if status:
        escalations = escalations.filter(status=status)
    if from_group_id:
        escalations = escalations.filter(from_group_id=from_group_id)
    return escalations


def escalation_with_details(pk: int, *, user=None) -> Escalation:
    escalations = _escalations()
    if user is not None:
        escalations = escalations.filter(visible_escalations(user))
    return escalations.get(pk=pk)


# The risk register ------------------------------------------------------------------------


def risk_list(
    *,
    status: str = RiskStatus.OPEN,
    likelihood: int | None = None,
    impact: int | None = None,
    residual: bool = True,
) -> QuerySet[Risk]:
    """The register, soonest review first; `likelihood` and `impact` (residual, or before controls)
    narrow it to one square of the heat map."""
    risks = Risk.objects.select_related("owner__agency", "escalated_from", "escalation")
    if status:
        risks = risks.filter(status=status)
    prefix = "residual_" if residual else ""
    if likelihood is not None:
        risks = risks.filter(**{f"{prefix}likelihood": likelihood})
    if impact is not None:
        risks = risks.filter(**{f"{prefix}impact": impact})
    return risks.order_by("review_date", "title")


def _heat_url(likelihood: int, impact: int, residual: bool) -> str:
    scores = "" if residual else "&scores=inherent"
    return f"{reverse('planning:risk_list')}?likelihood={likelihood}&impact={impact}{scores}"


def risk_heatmap(*, residual: bool = True) -> dict[str, Any]:
    """Open risks counted in a 5x5 grid of likelihood (rows, 5 at the top) by impact (columns),
    on the residual scores (with controls) or, with `residual=False`, the scores before them.
    One aggregate query.

    Returns {"rows": [{"likelihood", "cells": [{"likelihood", "impact", "score", "band", "count", "url"}]}],
    "total", "residual"}."""
    likelihood, impact = ("residual_likelihood", "residual_impact") if residual else ("likelihood", "impact")
    counts = {
        (row[likelihood], row[impact]): row["n"]
        for row in Risk.objects.filter(status=RiskStatus.OPEN)
        .values(likelihood, impact)
        .annotate(n=Count("pk"))
        .order_by()
    }
    rows = []
    for likelihood_value in reversed(rules.SCALE):
        cells = []
        for impact_value in rules.SCALE:
            score = rules.risk_score(likelihood_value, impact_value)
            cells.append(
                {
                    "likelihood": likelihood_value,
                    "impact": impact_value,
                    "score": score,
                    "band": rules.risk_band(score),
                    "count": counts.get((likelihood_value, impact_value), 0),
                    "url": _heat_url(likelihood_value, impact_value, residual),
                }
            )
        rows.append({"likelihood": likelihood_value, "cells": cells})
    return {"rows": rows, "total": sum(counts.values()), "residual": residual}


def risks_due_review(*, today: datetime.date) -> QuerySet[Risk]:
    """Open risks whose review date has passed (indexed on status, review date)."""
    return Risk.objects.filter(status=RiskStatus.OPEN, review_date__lt=today).select_related("owner__user")


# Independent scrutiny ---------------------------------------------------------------------


def scrutiny_plans() -> list[ScrutinyPlan]:
    """Every year's plan with its scrutineer, who agreed it and its reports. Three queries."""
    return list(
        ScrutinyPlan.objects.select_related("scrutineer__agency").prefetch_related(
            "agreed_by", Prefetch("reports", queryset=ScrutinyReport.objects.order_by("presented_on", "pk"))
        )
    )


# Budget and contributions -----------------------------------------------------------------


def budget_years() -> list[int]:
    """The financial years with a contribution or a budget line, newest first. Two queries."""
    years = set(Contribution.objects.values_list("year", flat=True).distinct())
    years |= set(BudgetLine.objects.values_list("year", flat=True).distinct())
    return sorted(years, reverse=True)


def budget_summary(*, year: int) -> dict[str, Any]:
    """A financial year's budget: each partner's cash and in-kind contributions with totals, and
    each budget line's spend by quarter against its budget with totals. Three queries.

    Returns {"year", "label", "contributions": [{"agency", "cash", "in_kind", "in_kind_items", "entries",
    "total"}], "cash_total", "in_kind_total", "contribution_total", "lines": [{"line", "budget",
    "quarters": [4], "spent", "variance"}], "budget_total", "quarter_totals", "spent_total", "variance_total",
    "balance" (cash contributions less spend)}."""
    contributions: dict[int, dict[str, Any]] = {}
    for contribution in Contribution.objects.filter(year=year).select_related("agency"):
        row = contributions.setdefault(
            contribution.agency_id,
            {
                "agency": contribution.agency,
                "cash": ZERO,
                "in_kind": ZERO,
                "in_kind_items": [],
                "entries": [],
                "total": ZERO,
            },
        )
        if contribution.kind == ContributionKind.CASH:
            row["cash"] += contribution.amount
        else:
            row["in_kind"] += contribution.amount
            row["in_kind_items"].append(contribution)
        row["entries"].append(contribution)
        row["total"] += contribution.amount
    contribution_rows: list[dict[str, Any]] = sorted(
        contributions.values(), key=lambda row: row["agency"].name
    )
    spends: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * 4)
    for spend in Spend.objects.filter(line__year=year).only("line_id", "quarter", "amount"):
        spends[spend.line_id][spend.quarter - 1] = spend.amount
    lines: list[dict[str, Any]] = []
    for line in BudgetLine.objects.filter(year=year).order_by("title"):
        quarters = spends[line.pk]
        spent = sum(quarters, ZERO)
        lines.append(
            {
                "line": line,
                "budget": line.budget,
                "quarters": quarters,
                "spent": spent,
                "variance": rules.variance(line.budget, spent),
            }
        )
    cash_total = sum((row["cash"] for row in contribution_rows), ZERO)
    budget_total = sum((line["budget"] for line in lines), ZERO)
    spent_total = sum((line["spent"] for line in lines), ZERO)
    return {
        "year": year,
        "label": rules.financial_year_label(year),
        "contributions": contribution_rows,
        "cash_total": cash_total,
        "in_kind_total": sum((row["in_kind"] for row in contribution_rows), ZERO),
        "contribution_total": sum((row["total"] for row in contribution_rows), ZERO),
        "lines": lines,
        "budget_total": budget_total,
        "quarter_totals": [sum((line["quarters"][q] for line in lines), ZERO) for q in range(4)],
        "spent_total": spent_total,
        "variance_total": rules.variance(budget_total, spent_total),
        "balance": cash_total - spent_total,
    }


# Summaries for the yearly report and highlight reports -----------------------------------------


def _plans_overlapping(start: datetime.date, end: datetime.date) -> QuerySet[BusinessPlan]:
    return BusinessPlan.objects.filter(starts_on__lte=end, ends_on__gte=start)


def _judgement_at(cell_ids, end: datetime.date) -> dict[int, ProgressUpdate]:
    """The latest judgement of each cell made on or before `end` (one query)."""
    latest: dict[int, ProgressUpdate] = {}
    updates = ProgressUpdate.objects.filter(cell_id__in=cell_ids, judged_on__lte=end).order_by(
        "cell_id", "-judged_on", "-recorded_at"
    )
    for update in updates:
        latest.setdefault(update.cell_id, update)
    return latest


def period_summary(*, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """What the yearly report says of the plan, escalations, scrutiny and contributions for a period.

    "little_progress": for each plan overlapping the period, its priorities with red or amber cells
    (each cell's latest judgement made by the end of the period); "escalations": those raised in the
    period with counts by status; "scrutiny": reports presented in the period and plans agreed in it;
    "contributions": the budget summary of each financial year the period touches. A fixed number
    of queries (whatever the rows; at most two financial years for a twelve-month period)."""
    cells = list(
        PlanCell.objects.filter(plan__in=_plans_overlapping(start, end))
        .select_related("plan", "priority", "workstream", "owning_group")
        .order_by("plan__starts_on", "priority__position", "workstream__position")
    )
    judgements = _judgement_at([cell.pk for cell in cells], end)
    little: dict[int, dict[str, Any]] = {}
    for cell in cells:
        judgement = judgements.get(cell.pk)
        if judgement is None or judgement.rag not in LITTLE_PROGRESS:
            continue
        entry = little.setdefault(
            cell.priority_id, {"plan": cell.plan, "priority": cell.priority, "cells": []}
        )
        entry["cells"].append(
            {
                "cell": cell,
                "workstream": cell.workstream,
                "owning_group": cell.owning_group,
                "rag": judgement.rag,
                "rag_label": judgement.get_rag_display(),
                "judged_on": judgement.judged_on,
                "commentary": judgement.commentary,
                "url": cell.get_absolute_url(),
            }
        )
    escalations = list(
        _escalations().filter(raised_on__gte=start, raised_on__lte=end).order_by("raised_on", "pk")
    )
    status_counts = {status: 0 for status in EscalationStatus.values}
    for escalation in escalations:
        status_counts[escalation.status] += 1
    reports = list(
        ScrutinyReport.objects.filter(presented_on__gte=start, presented_on__lte=end)
        .select_related("plan__scrutineer")
        .order_by("presented_on")
    )
    plans_agreed = list(
        ScrutinyPlan.objects.filter(agreed_on__gte=start, agreed_on__lte=end)
        .select_related("scrutineer")
        .prefetch_related("agreed_by")
    )
    years = sorted({rules.financial_year_of(start), rules.financial_year_of(end)})
    return {
        "start": start,
        "end": end,
        "little_progress": list(little.values()),
        "escalations": escalations,
        "escalation_counts": status_counts,
        "scrutiny": {"reports": reports, "plans_agreed": plans_agreed},
        "contributions": [budget_summary(year=year) for year in years],
    }


def group_period_summary(*, group: Group, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """A subgroup's part of the plan and its escalations, for its quarterly highlight report:
    "escalations" raised by the group in the period; "cells" the plan cells it owns (in plans
    overlapping the period) with their latest judgement by the end of the period and the
    judgements made in it. Four queries."""
    escalations = list(
        _escalations()
        .filter(from_group=group, raised_on__gte=start, raised_on__lte=end)
        .order_by("raised_on")
    )
    cells = list(
        PlanCell.objects.filter(plan__in=_plans_overlapping(start, end), owning_group=group)
        .select_related("plan", "priority", "workstream")
        .order_by("plan__starts_on", "priority__position", "workstream__position")
    )
    in_period: dict[int, list[ProgressUpdate]] = defaultdict(list)
    latest: dict[int, ProgressUpdate] = {}
    updates = ProgressUpdate.objects.filter(
        cell__in=[cell.pk for cell in cells], judged_on__lte=end
    ).order_by("cell_id", "-judged_on", "-recorded_at")
    for update in updates:
        latest.setdefault(update.cell_id, update)
        if update.judged_on >= start:
            in_period[update.cell_id].append(update)
    return {
        "group": group,
        "start": start,
        "end": end,
        "escalations": escalations,
        "cells": [
            {
                "cell": cell,
                "priority": cell.priority,
                "workstream": cell.workstream,
                "latest": latest.get(cell.pk),
                "judgements": in_period[cell.pk],
                "url": cell.get_absolute_url(),
            }
            for cell in cells
        ],
    }
