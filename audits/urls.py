"""The audits app's pages, under /audits/ (hscp/urls.py)."""

from django.urls import path

from audits import access_rules as rules
from audits.views import audits, scorecard, section11, single
from audits.views.access import answer_for, assessment_for, audit_for, indicator_for, single_audit_for
from core.page_cache import cached_page
from governance.views.history import HistoryRecord, history_view

app_name = "audits"

HISTORY_RECORDS = [
    HistoryRecord("audit", "case-audits", "Audit", audit_for, rules.AUDIT_READERS),
    HistoryRecord(
        "assessment", "self-assessments", "Self-assessment", assessment_for, rules.ASSESSMENT_READERS
    ),
    HistoryRecord("answer", "s11-answers", "Answer", answer_for, rules.ASSESSMENT_READERS),
    HistoryRecord(
        "single", "single-audits", "Single-agency audit", single_audit_for, rules.ASSESSMENT_READERS
    ),
    HistoryRecord("indicator", "scorecard-indicators", "Indicator", indicator_for, rules.SCORECARD_READERS),
]

urlpatterns = [
    path("", cached_page(audits.home), name="home"),
    path("programmes/new/", audits.programme_create, name="programme_create"),
    path("audit-programmes/<int:pk>/", cached_page(audits.programme_detail), name="programme_detail"),
    path("audit-programmes/<int:pk>/plan/", audits.audit_plan, name="audit_plan"),
    path("case-audits/<int:pk>/", audits.audit_detail, name="audit_detail"),
    path("case-audits/<int:pk>/edit/", audits.audit_edit, name="audit_edit"),
    path("case-audits/<int:pk>/meetings/", audits.audit_meeting_lookup, name="audit_meeting_lookup"),
    path("case-audits/<int:pk>/returns/new/", audits.return_request, name="return_request"),
    path("case-audits/<int:pk>/recommendations/new/", audits.recommendation_add, name="recommendation_add"),
    path("case-audits/<int:pk>/report/", audits.report_attach, name="report_attach"),
    path("case-audits/<int:pk>/reaudit/", audits.reaudit_schedule, name="reaudit_schedule"),
    path("case-audits/<int:pk>/compare/", audits.audit_compare, name="audit_compare"),
    path("audit-returns/<int:pk>/", audits.return_edit, name="return_edit"),
    path("audit-returns/<int:pk>/chase/", audits.return_chase, name="return_chase"),
    path("section-11/new/", section11.cycle_create, name="cycle_create"),
    path("section-11/heat-map/", section11.heatmap, name="heatmap"),
    path("s11-cycles/<int:pk>/", section11.cycle_detail, name="cycle_detail"),
    path("self-assessments/<int:pk>/", section11.assessment_detail, name="assessment_detail"),
    path("self-assessments/<int:pk>/answers/", section11.assessment_edit, name="assessment_edit"),
    path("self-assessments/<int:pk>/submit/", section11.assessment_submit, name="assessment_submit"),
    path("self-assessments/<int:pk>/moderate/", section11.assessment_moderate, name="assessment_moderate"),
    path("self-assessments/<int:pk>/lead/", section11.assessment_lead, name="assessment_lead"),
    path("self-assessments/<int:pk>/challenge/", section11.challenge_add, name="challenge_add"),
    path(
        "self-assessments/<int:pk>/lead/people/",
        section11.assessment_lead_lookup,
        name="assessment_lead_lookup",
    ),
    path(
        "self-assessments/<int:pk>/challenge/meetings/",
        section11.challenge_meeting_lookup,
        name="challenge_meeting_lookup",
    ),
    path("s11-answers/<int:pk>/evidence/", section11.evidence_upload, name="evidence_upload"),
    path("s11-evidence/<int:pk>/", section11.evidence_download, name="evidence_download"),
    path("s11-agencies/<int:pk>/", section11.agency_comparison, name="agency_comparison"),
    path("single-agency-audits/", single.single_list, name="single_list"),
    path("single-agency-audits/new/", single.single_create, name="single_create"),
    path("single-audits/<int:pk>/", single.single_detail, name="single_detail"),
    path("single-audits/<int:pk>/review/", single.single_review, name="single_review"),
    path("single-audits/<int:pk>/escalate/", single.single_escalate, name="single_escalate"),
    path("scorecard/", scorecard.scorecard, name="scorecard"),
    path("scorecard/indicators/new/", scorecard.indicator_create, name="indicator_create"),
    path("scorecard/import/", scorecard.scorecard_import, name="scorecard_import"),
    path("scorecard/import/template/", scorecard.scorecard_template, name="scorecard_template"),
    path("scorecard-indicators/<int:pk>/", scorecard.indicator_detail, name="indicator_detail"),
    path("scorecard-indicators/<int:pk>/edit/", scorecard.indicator_edit, name="indicator_edit"),
    path("scorecard-indicators/<int:pk>/values/new/", scorecard.value_add, name="value_add"),
] + [
    path(f"{record.segment}/<int:pk>/history/", history_view(record), name=f"{record.name}_history")
    for record in HISTORY_RECORDS
]
