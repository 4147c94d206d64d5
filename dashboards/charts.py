"""Chart.js configurations for the dashboards' figures (drawn by static/js/charts.js from
json_script). Each chart is drawn beside a table holding the same figures."""

from dashboards.selectors.partner import (
    ACTION_STATUSES,
    ATTENDANCE_COLUMNS,
    AgencyActions,
    AgencyAttendance,
    GroupQuoracy,
    TrendPoint,
)

# Colours with enough contrast on white, the same meaning on every chart.
GREEN, TEAL, AMBER, RED, GREY, BLUE, PURPLE = (
    "#1b7f3b",
    "#0f7c8c",
    "#b36b00",
    "#b3261e",
    "#6c757d",
    "#0d6efd",
    "#6f42c1",
)
ATTENDANCE_COLOURS = {"present": GREEN, "deputy": TEAL, "apologies": AMBER, "absent": RED}
ACTION_COLOURS = {
    "open": BLUE,
    "in_progress": PURPLE,
    "deferred": AMBER,
    "completed": GREEN,
    "closed": GREY,
    "superseded": "#495057",
}


def _stacked_bar(labels: list[str], datasets: list[dict], *, horizontal: bool = True, title: str) -> dict:
    axis = {"stacked": True, "beginAtZero": True, "ticks": {"precision": 0}}
    return {
        "type": "bar",
        "data": {"labels": labels, "datasets": datasets},
        "options": {
            "indexAxis": "y" if horizontal else "x",
            "scales": {"x": axis, "y": {"stacked": True}},
            "plugins": {"title": {"display": False, "text": title}, "legend": {"position": "bottom"}},
        },
    }


def attendance_chart(rows: list[AgencyAttendance]) -> dict:
    return _stacked_bar(
        [row.name for row in rows],
        [
            {
                "label": label,
                "data": [row.counts[status] for row in rows],
                "backgroundColor": ATTENDANCE_COLOURS[status],
            }
            for status, label in ATTENDANCE_COLUMNS
        ],
        title="Attendance by agency",
    )


def quoracy_chart(rows: list[GroupQuoracy]) -> dict:
    return _stacked_bar(
        [row.name for row in rows],
        [
            {"label": "Quorate", "data": [row.quorate for row in rows], "backgroundColor": GREEN},
            {"label": "Not quorate", "data": [row.not_quorate for row in rows], "backgroundColor": RED},
            {"label": "No quorum rule", "data": [row.not_judged for row in rows], "backgroundColor": GREY},
            {
                "label": "Attendance not recorded",
                "data": [row.not_recorded for row in rows],
                "backgroundColor": AMBER,
            },
        ],
        title="Quoracy record by group",
    )


def actions_chart(rows: list[AgencyActions]) -> dict:
    return _stacked_bar(
        [row.name for row in rows],
        [
            {
                "label": status.label,
                "data": [row.counts[status.value] for row in rows],
                "backgroundColor": ACTION_COLOURS[status.value],
            }
            for status in ACTION_STATUSES
        ],
        title="Actions by lead agency and status",
    )


def trend_chart(points: list[TrendPoint]) -> dict:
    return {
        "type": "line",
        "data": {
            "labels": [point.month.strftime("%b %Y") for point in points],
            "datasets": [
                {
                    "label": "Overdue actions at the month's end",
                    "data": [point.overdue for point in points],
                    "borderColor": RED,
                    "backgroundColor": RED,
                }
            ],
        },
        "options": {
            "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
            "plugins": {"legend": {"position": "bottom"}},
        },
    }


def review_deadline_chart(deadlines: list[tuple[str, int]]) -> dict:
    """Open case reviews by the due status of their next deadline (a date, not a judgement)."""
    return {
        "type": "bar",
        "data": {
            "labels": [label for label, _ in deadlines],
            "datasets": [
                {
                    "label": "Open reviews",
                    "data": [count for _, count in deadlines],
                    "backgroundColor": [RED, AMBER, GREEN][: len(deadlines)],
                }
            ],
        },
        "options": {
            "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
            "plugins": {"legend": {"display": False}},
        },
    }


AUDIT_SERIES = (
    ("Completed", "completed", GREEN),
    ("In progress", "in_progress", BLUE),
    ("Planned", "planned", GREY),
    ("Overdue", "overdue", RED),
    ("Cancelled", "cancelled", "#495057"),
)


def audit_progress_chart(progress: dict) -> dict:
    """The year's audits by status (overdue: planned or in progress past their target month)."""
    return {
        "type": "bar",
        "data": {
            "labels": [label for label, _, _ in AUDIT_SERIES],
            "datasets": [
                {
                    "label": f"Audits, {progress['year_label']}",
                    "data": [progress[key] for _, key, _ in AUDIT_SERIES],
                    "backgroundColor": [colour for _, _, colour in AUDIT_SERIES],
                }
            ],
        },
        "options": {
            "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
            "plugins": {"legend": {"display": False}},
        },
    }


def plan_rag_chart(rag_counts: dict[str, int]) -> dict:
    """The plan's cells by their latest progress RAG (a dated judgement, not a due date)."""
    series = (
        ("Red", "red", RED),
        ("Amber", "amber", AMBER),
        ("Green", "green", GREEN),
        ("Not yet judged", "", GREY),
    )
    return {
        "type": "doughnut",
        "data": {
            "labels": [label for label, _, _ in series],
            "datasets": [
                {
                    "label": "Plan cells",
                    "data": [rag_counts.get(key, 0) for _, key, _ in series],
                    "backgroundColor": [colour for _, _, colour in series],
                }
            ],
        },
        "options": {"plugins": {"legend": {"position": "bottom"}}},
    }
