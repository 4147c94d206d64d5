"""The History tab of the planning records people edit, through governance's one history view."""

from governance.views.history import HistoryRecord
from planning import access_rules
from planning.views.access import (
    budget_line_for_view,
    cell_for,
    contribution_for_view,
    escalation_for,
    risk_for,
    scrutiny_plan_for,
)

VIEWERS = access_rules.VIEWERS
HISTORY_RECORDS = [
    HistoryRecord("cell", "plan-cells", "Business plan cell", cell_for, VIEWERS),
    HistoryRecord("escalation", "escalations", "Escalation", escalation_for, VIEWERS),
    HistoryRecord("risk", "risks", "Risk", risk_for, VIEWERS),
    HistoryRecord("scrutiny_plan", "scrutiny-plans", "Scrutiny plan", scrutiny_plan_for, VIEWERS),
    HistoryRecord("contribution", "budget-contributions", "Contribution", contribution_for_view, VIEWERS),
    HistoryRecord("budget_line", "budget-lines", "Budget line", budget_line_for_view, VIEWERS),
]
