from django.urls import path

from governance.views import settings as views

urlpatterns = [
    path("settings/", views.partnership_settings_edit, name="partnership_settings"),
    path("settings/closure-days/", views.closure_day_list, name="closure_day_list"),
    path("settings/closure-days/remove/", views.closure_day_delete, name="closure_day_delete"),
]
