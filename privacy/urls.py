"""Data protection pages; mounted at /privacy/ by the project's urls."""

from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("people/<int:pk>/export/", views.person_export, name="person_export"),
    path("people/<int:pk>/anonymise/", views.person_anonymise, name="person_anonymise"),
]
