"""The History tab of each governance record; views in governance/views/history.py."""

from django.urls import path

from governance.views.history import HISTORY_RECORDS, history_view

urlpatterns = [
    path(f"{record.segment}/<int:pk>/history/", history_view(record), name=f"{record.name}_history")
    for record in HISTORY_RECORDS
]
