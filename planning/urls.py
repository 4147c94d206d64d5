"""The planning app's pages, under /planning/ (hscp/urls.py)."""

from django.urls import path

from governance.views.history import history_view
from planning.views import escalations, plan, registers
from planning.views.history import HISTORY_RECORDS

app_name = "planning"

urlpatterns = [
    # The business plan
    path("", plan.plan_current, name="plan_current"),
    path("business-plans/new/", plan.plan_create, name="plan_create"),
    path("business-plans/<int:pk>/", plan.plan_detail, name="plan_detail"),
    path("business-plans/<int:pk>/edit/", plan.plan_edit, name="plan_edit"),
    path("plan-priorities/<int:pk>/edit/", plan.priority_edit, name="priority_edit"),
    path("plan-workstreams/<int:pk>/edit/", plan.workstream_edit, name="workstream_edit"),
    path("plan-cells/<int:pk>/", plan.cell_detail, name="cell_detail"),
    path("plan-cells/<int:pk>/progress/", plan.cell_progress, name="cell_progress"),
    path("plan-cells/<int:pk>/objectives/new/", plan.cell_objective_add, name="cell_objective_add"),
    path("plan-cells/<int:pk>/owner/", plan.cell_owner, name="cell_owner"),
    path("plan-objectives/<int:pk>/edit/", plan.objective_edit, name="objective_edit"),
    path("plan-objectives/<int:pk>/actions/new/", plan.objective_action, name="objective_action"),
    # Escalations and challenge
    path("escalations/", escalations.escalation_list, name="escalation_list"),
    path("escalations/new/", escalations.escalation_create, name="escalation_create"),
    path("escalations/place/", escalations.escalations_place, name="escalations_place"),
    path("escalations/<int:pk>/", escalations.escalation_detail, name="escalation_detail"),
    path("escalations/<int:pk>/respond/", escalations.escalation_respond, name="escalation_respond"),
    path("escalations/<int:pk>/close/", escalations.escalation_close, name="escalation_close"),
    # The risk register
    path("risks/", registers.risk_list, name="risk_list"),
    path("risks/new/", registers.risk_create, name="risk_create"),
    path("risks/<int:pk>/", registers.risk_detail, name="risk_detail"),
    path("risks/<int:pk>/edit/", registers.risk_edit, name="risk_edit"),
    # Independent scrutiny
    path("scrutiny/", registers.scrutiny_list, name="scrutiny_list"),
    path("scrutiny-plans/new/", registers.scrutiny_plan_create, name="scrutiny_plan_create"),
    path("scrutiny-plans/<int:pk>/", registers.scrutiny_detail, name="scrutiny_detail"),
    path("scrutiny-plans/<int:pk>/agree/", registers.scrutiny_plan_agree, name="scrutiny_plan_agree"),
    path("scrutiny-plans/<int:pk>/reports/new/", registers.scrutiny_report_add, name="scrutiny_report_add"),
    path("scrutiny-reports/<int:pk>/response/", registers.scrutiny_response, name="scrutiny_response"),
    path("scrutiny-reports/<int:pk>/actions/new/", registers.scrutiny_action, name="scrutiny_action"),
    path("scrutiny-reports/<int:pk>/file/", registers.scrutiny_report_file, name="scrutiny_report_file"),
    # Budget and contributions
    path("budget/", registers.budget, name="budget"),
    path("budget/contributions/new/", registers.contribution_create, name="contribution_create"),
    path("budget/lines/new/", registers.budget_line_create, name="budget_line_create"),
    path("budget-contributions/<int:pk>/edit/", registers.contribution_edit, name="contribution_edit"),
    path("budget-lines/<int:pk>/edit/", registers.budget_line_edit, name="budget_line_edit"),
    path("budget-lines/<int:pk>/spend/", registers.spend_record, name="spend_record"),
    # History
    *[
        path(f"{record.segment}/<int:pk>/history/", history_view(record), name=f"{record.name}_history")
        for record in HISTORY_RECORDS
    ],
]
