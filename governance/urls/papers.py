"""Routes for papers, the agenda pack and meeting calendars (views/papers.py, views/calendars.py)."""

from django.urls import path

from governance.views import calendars as views_calendars
from governance.views import papers as views_papers

urlpatterns = [
    path("meetings/<int:pk>/papers/", views_papers.meeting_papers, name="meeting_papers"),
    path(
        "meetings/<int:meeting_pk>/items/<int:item_pk>/papers/new/",
        views_papers.paper_upload,
        name="paper_upload",
    ),
    path("meetings/<int:pk>/agenda-pack.pdf", views_papers.agenda_pack, name="agenda_pack"),
    path("meetings/<int:pk>/meeting.ics", views_calendars.meeting_ics, name="meeting_ics"),
    path("papers/<int:pk>/download/", views_papers.paper_download, name="paper_download"),
    path("papers/<int:pk>/replace/", views_papers.paper_replace, name="paper_replace"),
    path("papers/<int:pk>/withdraw/", views_papers.paper_withdraw, name="paper_withdraw"),
    path("papers/<int:pk>/accept-late/", views_papers.paper_accept_late, name="paper_accept_late"),
    path("calendars/", views_calendars.calendar_subscriptions, name="calendar_subscriptions"),
    path("calendars/new/", views_calendars.calendar_feed_create, name="calendar_feed_create"),
    path(
        "calendars/groups/new/", views_calendars.calendar_group_feed_create, name="calendar_group_feed_create"
    ),
    path("calendars/<int:pk>/revoke/", views_calendars.calendar_feed_revoke, name="calendar_feed_revoke"),
    path("calendars/feed/<str:token>.ics", views_calendars.calendar_feed, name="calendar_feed"),
]
