from django.urls import path

from core.page_cache import cached_page
from training import views

app_name = "training"

urlpatterns = [
    path("", cached_page(views.session_list), name="session_list"),
    path("sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", cached_page(views.session_detail), name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path("sessions/<int:pk>/book/", views.booking_create, name="booking_create"),
    path("sessions/<int:pk>/book-me/", views.booking_self, name="booking_self"),
    path("sessions/<int:pk>/offer/", views.offers_make, name="offers_make"),
    path("sessions/<int:pk>/register/", views.register, name="register"),
    path("sessions/<int:pk>/evaluations/", views.session_evaluations, name="session_evaluations"),
    path("sessions/<int:pk>/history/", views.session_history, name="session_history"),
    path("bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("bookings/<int:pk>/promote/", views.booking_promote, name="booking_promote"),
    path("courses/", views.course_list, name="course_list"),
    path("courses/new/", views.course_create, name="course_create"),
    path("courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", views.course_edit, name="course_edit"),
    path("courses/<int:pk>/history/", views.course_history, name="course_history"),
    path("pool/", views.pool, name="pool"),
    path("pool/new/", views.trainer_create, name="trainer_create"),
    path("trainers/<int:pk>/edit/", views.trainer_edit, name="trainer_edit"),
    path("trainers/<int:pk>/history/", views.trainer_history, name="trainer_history"),
    path("take-up/", cached_page(views.take_up), name="take_up"),
    path("take-up/export/", views.take_up_export, name="take_up_export"),
    path("needs/", views.need_list, name="need_list"),
    path("needs/new/", views.need_create, name="need_create"),
    path("needs/<int:pk>/edit/", views.need_edit, name="need_edit"),
    path("needs/<int:pk>/history/", views.need_history, name="need_history"),
    path("settings/", views.training_settings, name="settings"),
    # Signed links e-mailed to practitioners: no login, one booking, expiring.
    path("link/<str:signed>/accept/", views.link_accept, name="link_accept"),
    path("link/<str:signed>/cancel/", views.link_cancel, name="link_cancel"),
    path("link/<str:signed>/evaluate/", views.link_evaluate, name="link_evaluate"),
    path("link/<str:signed>/impact/", views.link_impact, name="link_impact"),
    path("link/<str:signed>/certificate/", views.link_certificate, name="link_certificate"),
]
