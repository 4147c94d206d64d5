"""The notification centre and preferences; mounted at /notifications/ by the project's urls."""

from django.urls import path

from notifications import views

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("read-all/", views.notification_read_all, name="notification_read_all"),
    path("preferences/", views.notification_preferences, name="notification_preferences"),
    path("<int:pk>/read/", views.notification_read, name="notification_read"),
]
