"""The partner dashboard's panels drawn from the other apps' selectors: the case review pipeline,
audit programme progress, the section 11 heat map, training take-up by agency, the business plan's
progress RAG grid, the risk heat map and the open escalations. Each shows real figures only and
links to the app's own pages; the apps' selectors decide what may be shown (anonymised counts for
case reviews)."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from audits import rules as audit_rules
from audits.selectors import programme_progress, section11_heatmap
from dashboards import charts, rules
from planning.selectors import current_plan, open_escalations, plan_grid, risk_heatmap
from reviews.choices import DueStatus, ReviewType
from reviews.selectors import pipeline_summary
from training.selectors import take_up_by_agency, take_up_chart, take_up_totals


@dataclass
class Panel:
    key: str
    title: str
    template: str
    data: Any
    chart: dict = field(default_factory=dict)


def review_pipeline_panel(*, today: datetime.date) -> Panel:
    """The case review pipeline: anonymised counts only (reviews.selectors.pipeline_summary
    gives no reference, pseudonym or text), partnership-wide whatever the group filter."""
    summary = pipeline_summary(today=today)
    by_type, by_deadline = summary["open_by_type"].items(), summary["by_deadline"].items()
    summary["types"] = [(ReviewType(value).label, count) for value, count in by_type]
    summary["deadlines"] = [(DueStatus(value).label, count) for value, count in by_deadline]
    return Panel(
        key="reviews",
        title="Case review pipeline",
        template="dashboards/panels/_reviews.html",
        data=summary,
        chart=charts.review_deadline_chart(summary["deadlines"]),
    )


def audit_panel(*, today: datetime.date) -> Panel:
    """This financial year's multi-agency audit programmes (one query) and the latest section 11
    cycle's heat map (three queries)."""
    progress = programme_progress(year=audit_rules.financial_year_of(today), today=today)
    return Panel(
        key="audits",
        title="Audits",
        template="dashboards/panels/_audits.html",
        data={"progress": progress, "heatmap": section11_heatmap()},
        chart=charts.audit_progress_chart(progress),
    )


def training_panel(*, period: rules.Period) -> Panel:
    """Training take-up by agency over the dashboard's period (one query)."""
    rows = take_up_by_agency(start=period.start, end=period.end - datetime.timedelta(days=1))
    return Panel(
        key="training",
        title="Training take-up by agency",
        template="dashboards/panels/_training.html",
        data={"rows": rows, "totals": take_up_totals(rows), "year": period.end.year},
        chart=take_up_chart(rows),
    )


def planning_panel(*, today: datetime.date, user) -> Panel:
    """The current business plan's progress RAG grid (four queries), the risk heat map (one) and
    the open escalations the user may read (one: a need-to-know group's are for the staff, its
    members and the board's)."""
    plan = current_plan(today=today)
    grid = plan_grid(plan=plan) if plan is not None else None
    return Panel(
        key="planning",
        title="Business plan, risks and escalations",
        template="dashboards/panels/_planning.html",
        data={"grid": grid, "heatmap": risk_heatmap(), "escalations": open_escalations(user=user)},
        chart=charts.plan_rag_chart(grid["rag_counts"]) if grid else {},
    )


def partner_panels(*, today: datetime.date, period: rules.Period, user) -> dict[str, Panel]:
    panels = (
        planning_panel(today=today, user=user),
        review_pipeline_panel(today=today),
        audit_panel(today=today),
        training_panel(period=period),
    )
    return {panel.key: panel for panel in panels}
