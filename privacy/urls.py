"""Data protection pages; mounted at /privacy/ by the project's urls."""

from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("people/<int:pk>/export/", views.person_export, name="person_export"),
    path("people/<int:pk>/anonymise/", views.person_anonymise, name="person_anonymise"),
    path("retention/", views.retention, name="retention"),
    path("retention/list/", views.retention_list_now, name="retention_list_now"),
    path("retention/reviews/<int:pk>/apply/", views.retention_review_apply, name="retention_review_apply"),
]
