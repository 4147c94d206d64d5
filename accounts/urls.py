from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.security, name="security"),
    path("two-factor/", views.two_factor_verify, name="two_factor_verify"),
    path("two-factor/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("two-factor/recovery-codes/renew/", views.recovery_codes_renew, name="recovery_codes_renew"),
    path("two-factor/turn-off/", views.two_factor_turn_off, name="two_factor_turn_off"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/end-others/", views.sessions_end_others, name="sessions_end_others"),
    path("sessions/end/", views.session_end, name="session_end"),
    path("security/", views.security_log, name="security_log"),
    path("security/unlock/", views.account_unlock, name="account_unlock"),
    path("security/two-factor-reset/", views.two_factor_reset, name="two_factor_reset"),
]

# Django's names, outside the namespace (its reset e-mail and views reverse them so).
auth_urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/token/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
