"""Session limits and the second step of a login, on every request.

Reads and writes only the session (already loaded for the logged-in user) except once a
minute, when it records the session's last activity: a page costs no extra query.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.choices import AuthEventKind
from accounts.session_rules import end_message, needs_touch, session_end_reason

STARTED_AT = "accounts_started_at"
LAST_SEEN_AT = "accounts_last_seen_at"
# "verify" or "set_up" while the password step is done and the second factor is not.
SECOND_FACTOR_PENDING = "accounts_second_factor"
PENDING_ROUTES = {"verify": "accounts:two_factor_verify", "set_up": "accounts:two_factor_setup"}
# Where a session waiting for its second factor may go.
OPEN_WHILE_PENDING = {
    "accounts:two_factor_verify",
    "accounts:two_factor_setup",
    "logout",
    "login",
}


def session_started(request, now: datetime.datetime) -> None:
    request.session[STARTED_AT] = now.timestamp()
    request.session[LAST_SEEN_AT] = now.timestamp()


def _moment(value) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(float(value), tz=datetime.UTC)


def login_url_for(path: str) -> str:
    return f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': path})}"


class SessionPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ended = self._end_if_expired(request, user)
            if ended is not None:
                return ended
        return self.get_response(request)

    def _end_if_expired(self, request, user):
        session = request.session
        now = timezone.now()
        if STARTED_AT not in session:
            # A login from before these limits existed: it starts again, through the second step.
            reason = "unknown"
        else:
            reason = session_end_reason(
                now=now,
                started_at=_moment(session[STARTED_AT]),
                last_seen_at=_moment(session.get(LAST_SEEN_AT, session[STARTED_AT])),
                idle_timeout=datetime.timedelta(minutes=settings.SESSION_IDLE_TIMEOUT_MINUTES),
                lifetime=datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE),
            )
        if reason is None:
            if needs_touch(now=now, last_seen_at=_moment(session.get(LAST_SEEN_AT, 0))):
                session[LAST_SEEN_AT] = now.timestamp()
                services.user_session_touch(session_key=session.session_key, now=now)
            return None
        services.auth_event_record(
            kind=AuthEventKind.SESSION_EXPIRED, now=now, user=user, request=request, detail=reason
        )
        services.user_session_forget(session_key=session.session_key)
        request.accounts_session_expired = True  # the receiver records no "logged out" as well
        logout(request)
        messages.info(request, end_message(reason, idle_minutes=settings.SESSION_IDLE_TIMEOUT_MINUTES))
        return redirect(login_url_for(request.get_full_path()))

    def process_view(self, request, view_func, view_args, view_kwargs):
        pending = request.session.get(SECOND_FACTOR_PENDING) if hasattr(request, "session") else None
        if not pending or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_WHILE_PENDING:
            return None
        route = reverse(PENDING_ROUTES.get(pending, PENDING_ROUTES["verify"]))
        return redirect(f"{route}?{urlencode({'next': request.get_full_path()})}")
