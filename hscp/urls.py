from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from dashboards import views as dashboard_views
from hscp import views

admin.site.site_header = "HSCP Governance administration"
admin.site.site_title = "HSCP Governance"

urlpatterns = [
    path("", dashboard_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("notifications/", include("notifications.urls")),
    path("admin/", admin.site.urls),
    path("", include("governance.urls")),
]
