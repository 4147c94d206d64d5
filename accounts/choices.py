from django.db import models


class AuthEventKind(models.TextChoices):
    LOGIN = "login", "Logged in (password)"
    LOGIN_FAILED = "login_failed", "Login failed"
    LOCKED_OUT = "locked_out", "Locked out"
    UNLOCKED = "unlocked", "Unlocked by an admin"
    LOGOUT = "logout", "Logged out"
    SECOND_FACTOR_PASSED = "otp_passed", "Second factor passed"
    SECOND_FACTOR_FAILED = "otp_failed", "Second factor failed"
    RECOVERY_CODE_USED = "recovery_code_used", "Recovery code used"
    TWO_FACTOR_SET_UP = "2fa_set_up", "Two-factor authentication set up"
    TWO_FACTOR_RESET = "2fa_reset", "Two-factor authentication reset"
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", "Recovery codes renewed"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    PASSWORD_RESET_REQUESTED = "password_reset_requested", "Password reset requested"
    PASSWORD_RESET = "password_reset", "Password reset by e-mail"
    SESSIONS_ENDED = "sessions_ended", "Sessions ended"
    SESSION_EXPIRED = "session_expired", "Session expired"
