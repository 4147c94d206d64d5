"""Routes for actions; views in governance/views/actions.py."""

from django.urls import path

from core.page_cache import cached_page
from governance import page_cache_rules as rules
from governance.views import action_import as views_import
from governance.views import actions as views_actions

urlpatterns = [
    path(
        "groups/<int:group_pk>/actions/",
        cached_page(views_actions.action_log, unless=rules.group_is_need_to_know),
        name="action_log",
    ),
    path("groups/<int:group_pk>/actions/export.csv", views_actions.action_log_csv, name="action_log_csv"),
    path("groups/<int:group_pk>/actions/export.xlsx", views_actions.action_log_xlsx, name="action_log_xlsx"),
    path(
        "groups/<int:group_pk>/actions/meetings/",
        views_actions.action_log_meeting_lookup,
        name="action_log_meeting_lookup",
    ),
    path("groups/<int:group_pk>/actions/print/", views_actions.action_log_print, name="action_log_print"),
    path("groups/<int:group_pk>/actions/new/", views_actions.action_create, name="action_create"),
    path("groups/<int:group_pk>/actions/import/", views_import.action_import, name="action_import"),
    path(
        "groups/<int:group_pk>/actions/import/template/",
        views_import.action_import_template,
        name="action_import_template",
    ),
    path("groups/<int:group_pk>/action-plan/", views_actions.action_plan, name="action_plan"),
    path(
        "actions/mine/",
        cached_page(views_actions.my_actions, unless=rules.holds_need_to_know),
        name="my_actions",
    ),
    path("actions/<int:pk>/", views_actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/update/", views_actions.action_update, name="action_update"),
    path("actions/<int:pk>/hand-over/", views_actions.action_hand_over, name="action_hand_over"),
    path(
        "meetings/<int:pk>/action-review/",
        views_actions.meeting_action_review,
        name="meeting_action_review",
    ),
    path(
        "meetings/<int:meeting_pk>/action-review/<int:pk>/",
        views_actions.meeting_action_review_update,
        name="meeting_action_review_update",
    ),
]
