"""Reads for the accounts pages, each in a fixed number of queries."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.lockouts import cool_off_threshold
from accounts.models import AuthEvent, UserSession
from accounts.session_rules import session_end_reason


def live_sessions(*, user, now: datetime.datetime) -> list[UserSession]:
    """The user's sessions that have not expired (idle or absolute), most recent first."""
    idle = datetime.timedelta(minutes=settings.SESSION_IDLE_TIMEOUT_MINUTES)
    lifetime = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    rows = UserSession.objects.filter(
        user=user, started_at__gt=now - lifetime, last_seen_at__gt=now - idle - datetime.timedelta(minutes=1)
    )
    return [
        row
        for row in rows
        if session_end_reason(
            now=now,
            started_at=row.started_at,
            last_seen_at=min(row.last_seen_at, now),
            idle_timeout=idle + datetime.timedelta(minutes=1),
            lifetime=lifetime,
        )
        is None
    ]


def auth_events(*, username: str = "", kind: str = "") -> QuerySet[AuthEvent]:
    events = AuthEvent.objects.select_related("user", "by")
    if username:
        events = events.filter(username__iexact=username)
    if kind:
        events = events.filter(kind=kind)
    return events


def lockouts(*, now: datetime.datetime) -> tuple[list[dict], list[dict]]:
    """(locked accounts, locked addresses) at `now`: failures within the cool-off at or over the limits."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=cool_off_threshold(now))
    accounts = list(
        recent.values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("username")
    )
    addresses = list(
        recent.exclude(ip_address=None)
        .values("ip_address")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.LOGIN_ADDRESS_FAILURE_LIMIT)
        .order_by("ip_address")
    )
    return accounts, addresses


def totp_device_of(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
