from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hscp import views, views_notifications

admin.site.site_header = "HSCP Governance administration"
admin.site.site_title = "HSCP Governance"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("notifications/", views_notifications.notification_list, name="notification_list"),
    path("notifications/read-all/", views_notifications.notification_read_all, name="notification_read_all"),
    path(
        "notifications/preferences/",
        views_notifications.notification_preferences,
        name="notification_preferences",
    ),
    path("notifications/<int:pk>/read/", views_notifications.notification_read, name="notification_read"),
    path("admin/", admin.site.urls),
    path("", include("governance.urls")),
]
