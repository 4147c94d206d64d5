"""Case reviews under /case-reviews/; views in reviews/views.py."""

from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="review_list"),
    path("new/", views.review_create, name="review_create"),
    path("deadlines/", views.deadlines_board, name="deadlines_board"),
    path("in-numbers/", views.in_numbers, name="in_numbers"),
    path("clock-rules/", views.clock_rules, name="clock_rules"),
    path("clock-rules/<slug:clock_code>/", views.clock_rule_edit, name="clock_rule_edit"),
    path("officers/", views.officers, name="officers"),
    path("officers/remove/", views.officer_remove, name="officer_remove"),
    path("access-log/", views.access_log, name="access_log"),
    path("quarterly-reports/", views.quarterly_reports, name="quarterly_reports"),
    path("quarterly-reports/<int:pk>/", views.quarterly_report, name="quarterly_report"),
    path("quarterly-reports/<int:pk>/attach/", views.quarterly_report_attach, name="quarterly_report_attach"),
    path("cdop/", views.cdop_reports, name="cdop_reports"),
    path("cdop/<int:pk>/", views.cdop_detail, name="cdop_detail"),
    path("<int:pk>/", views.review_detail, name="review_detail"),
    path("<int:pk>/children/", views.review_children, name="review_children"),
    path("<int:pk>/edit/<slug:review_section>/", views.review_edit, name="review_edit"),
    path("<int:pk>/requests/new/", views.request_add, name="request_add"),
    path("<int:pk>/requests/<int:info_request_pk>/", views.request_update, name="request_update"),
    path("<int:pk>/decisions/new/", views.decision_add, name="decision_add"),
    path("<int:pk>/milestones/new/", views.milestone_add, name="milestone_add"),
    path("<int:pk>/sign-offs/new/", views.sign_off_add, name="sign_off_add"),
    path("<int:pk>/recommendations/new/", views.recommendation_add, name="recommendation_add"),
    path("<int:pk>/briefings/new/", views.briefing_add, name="briefing_add"),
    path("<int:pk>/briefings/<int:briefing_pk>/", views.briefing_download, name="briefing_download"),
    path("<int:pk>/themes/", views.themes_edit, name="themes_edit"),
    path("<int:pk>/themes/new/", views.theme_add, name="theme_add"),
    path("<int:pk>/history/", views.review_history, name="review_history"),
    path("<int:pk>/access/", views.review_grants, name="review_grants"),
    path("<int:pk>/access/withdraw/", views.grant_withdraw, name="grant_withdraw"),
    path("<int:pk>/access/users/", views.grant_user_lookup, name="grant_user_lookup"),
    path("<int:pk>/lookup/representatives/", views.representative_lookup, name="representative_lookup"),
    path("<int:pk>/lookup/meetings/", views.meeting_lookup, name="meeting_lookup"),
]
