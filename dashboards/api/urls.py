"""The API's addresses, mounted at /api/ by the project's urls."""

from django.urls import path

from dashboards.api import views

app_name = "api"

urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("groups/", views.GroupList.as_view(), name="groups"),
    path("meetings/", views.MeetingList.as_view(), name="meetings"),
    path("attendance-by-agency/", views.AttendanceByAgencyList.as_view(), name="attendance_by_agency"),
    path("actions/", views.ActionList.as_view(), name="actions"),
    path("training-take-up/", views.TrainingTakeUpList.as_view(), name="training_take_up"),
]
