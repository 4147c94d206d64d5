"""Routes for decisions and minutes; views in governance/views/minutes.py."""

from django.urls import path

from core.page_cache import cached_page
from governance import page_cache_rules as rules
from governance.views import minutes as views

urlpatterns = [
    path("minutes/", views.minutes_list, name="minutes_list"),
    path(
        "meetings/<int:meeting_pk>/minutes/",
        cached_page(views.minutes_detail, unless=rules.meeting_is_need_to_know),
        name="minutes_detail",
    ),
    path("meetings/<int:meeting_pk>/minutes/pdf/", views.minutes_pdf, name="minutes_pdf"),
    path("meetings/<int:meeting_pk>/minutes/edit/", views.minutes_edit, name="minutes_edit"),
    path("meetings/<int:meeting_pk>/minutes/circulate/", views.minutes_circulate, name="minutes_circulate"),
    path("meetings/<int:meeting_pk>/minutes/publish/", views.minutes_publish, name="minutes_publish"),
    path("meetings/<int:meeting_pk>/minutes/amend/", views.minutes_amend, name="minutes_amend"),
    path(
        "meetings/<int:meeting_pk>/minutes/amend/attendance/",
        views.minutes_amend_attendance,
        name="minutes_amend_attendance",
    ),
    path("decisions/<int:pk>/amend/", views.decision_amend, name="decision_amend"),
    path("agenda-items/<int:item_pk>/approve-minutes/", views.minutes_approve, name="minutes_approve"),
    path("agenda-items/<int:item_pk>/decisions/new/", views.decision_create, name="decision_create"),
    path("agenda-items/<int:item_pk>/ratify/", views.decision_ratify, name="decision_ratify"),
]
