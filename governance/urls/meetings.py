"""Routes for meetings; views in governance/views/meetings.py."""

from django.urls import path

from core.page_cache import cached_page
from governance import page_cache_rules as rules
from governance.views import meetings as views

urlpatterns = [
    path("meetings/", cached_page(views.meeting_list), name="meeting_list"),
    path("groups/<int:pk>/meetings/", views.group_meetings, name="group_meetings"),
    path("groups/<int:group_pk>/meetings/new/", views.meeting_schedule, name="meeting_schedule"),
    path(
        "groups/<int:group_pk>/meetings/series/",
        views.meeting_schedule_series,
        name="meeting_schedule_series",
    ),
    path(
        "meetings/<int:pk>/",
        cached_page(views.meeting_detail, unless=rules.meeting_is_need_to_know),
        name="meeting_detail",
    ),
    path("meetings/<int:pk>/change/", views.meeting_reschedule, name="meeting_reschedule"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/held/", views.meeting_mark_held, name="meeting_mark_held"),
    path("meetings/<int:pk>/agenda/", views.agenda_edit, name="agenda_edit"),
    path("meetings/<int:pk>/agenda/add/", views.agenda_item_add, name="agenda_item_add"),
    path(
        "meetings/<int:pk>/agenda/standing-items/",
        views.agenda_standing_items_add,
        name="agenda_standing_items_add",
    ),
    path("meetings/<int:pk>/agenda/publish/", views.agenda_publish, name="agenda_publish"),
    path("agenda-items/<int:pk>/edit/", views.agenda_item_edit, name="agenda_item_edit"),
    path("agenda-items/<int:pk>/move/", views.agenda_item_move, name="agenda_item_move"),
    path("agenda-items/<int:pk>/delete/", views.agenda_item_delete, name="agenda_item_delete"),
    path("meetings/<int:pk>/attendance/", views.attendance_edit, name="attendance_edit"),
    path("meetings/<int:pk>/attendance/add/", views.attendance_add, name="attendance_add"),
    path(
        "meetings/<int:pk>/attendance/people/",
        views.attendance_person_lookup,
        name="attendance_person_lookup",
    ),
]
