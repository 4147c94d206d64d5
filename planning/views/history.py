"""The History tab of the planning records people edit, through governance's one history view."""

from governance.views.history import HistoryRecord
from planning import access_rules
from planning.views.access import cell_for, escalation_for, risk_for, scrutiny_plan_for

HISTORY_RECORDS = [
    HistoryRecord("cell", "plan-cells", "Business plan cell", cell_for, access_rules.VIEWERS),
    HistoryRecord("escalation", "escalations", "Escalation", escalation_for, access_rules.VIEWERS),
    HistoryRecord("risk", "risks", "Risk", risk_for, access_rules.VIEWERS),
    HistoryRecord(
        "scrutiny_plan", "scrutiny-plans", "Scrutiny plan", scrutiny_plan_for, access_rules.VIEWERS
    ),
]
