from django.urls import path

from core.page_cache import cached_page
from dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("partners/", cached_page(views.partner_dashboard), name="partner"),
    path("partners/actions/", views.partner_actions, name="partner_actions"),
    path("partners/attendance/", views.partner_attendance, name="partner_attendance"),
]
