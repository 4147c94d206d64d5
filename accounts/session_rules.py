"""When a session ends by itself: pure rules, no database, no clock (pass `now`).

OWASP ASVS 5.0 V7.3: a session has an inactivity timeout and an absolute maximum lifetime,
after which the user must authenticate again. The numbers are the product's own
(SESSION_IDLE_TIMEOUT_MINUTES, default 30; SESSION_COOKIE_AGE, default 8 hours: a working day).
"""

import datetime

IDLE = "idle"
LIFETIME = "lifetime"

# last_seen is written at most this often, so a page costs no extra query on most requests.
TOUCH_EVERY = datetime.timedelta(seconds=60)


def session_end_reason(
    *,
    now: datetime.datetime,
    started_at: datetime.datetime,
    last_seen_at: datetime.datetime,
    idle_timeout: datetime.timedelta,
    lifetime: datetime.timedelta,
) -> str | None:
    """IDLE when nothing was asked for idle_timeout, LIFETIME once the login is older than
    lifetime, else None. The lifetime wins when both hold (it is the stricter rule)."""
    if now - started_at >= lifetime:
        return LIFETIME
    if now - last_seen_at >= idle_timeout:
        return IDLE
    return None


def needs_touch(*, now: datetime.datetime, last_seen_at: datetime.datetime) -> bool:
    """Whether to record this request as the session's last activity (throttled to TOUCH_EVERY)."""
    return now - last_seen_at >= TOUCH_EVERY


def end_message(reason: str, *, idle_minutes: int) -> str:
    if reason == IDLE:
        return f"You were logged out after {idle_minutes} minutes without activity. Please log in again."
    if reason == LIFETIME:
        return "Your login has reached its maximum length. Please log in again."
    return "Please log in again."
