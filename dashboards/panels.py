"""The partner dashboard's panels drawn from the other apps' selectors (case reviews so far;
audits, training and planning as they land). Each panel shows only real figures: an app whose
selector is not there has no panel, not a placeholder."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from dashboards import charts
from reviews.choices import DueStatus, ReviewType
from reviews.selectors import pipeline_summary


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
    summary["types"] = [(ReviewType(value).label, count) for value, count in summary["open_by_type"].items()]
    summary["deadlines"] = [
        (DueStatus(value).label, count) for value, count in summary["by_deadline"].items()
    ]
    return Panel(
        key="reviews",
        title="Case review pipeline",
        template="dashboards/panels/_reviews.html",
        data=summary,
        chart=charts.review_deadline_chart(summary["deadlines"]),
    )


def partner_panels(*, today: datetime.date) -> dict[str, Panel]:
    return {"reviews": review_pipeline_panel(today=today)}
