"""Writes of the accounts app: authentication events, sessions, second factors, unlocking.

Keyword-only, in transactions, given `now`; none checks permissions (the views ask first).
"""

import base64
import binascii
import datetime
import secrets
from importlib import import_module

from axes.utils import reset as axes_reset
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.backends import client_ip
from accounts.choices import AuthEventKind
from accounts.models import AuthEvent, UserSession

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def _agent(request: HttpRequest | None) -> str:
    return (request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:300]


def auth_event_record(
    *,
    kind: AuthEventKind,
    now: datetime.datetime,
    user=None,
    username: str = "",
    request: HttpRequest | None = None,
    detail: str = "",
    by=None,
) -> AuthEvent:
    return AuthEvent.objects.create(
        kind=kind,
        at=now,
        user=user if user is not None and user.pk else None,
        username=(username or (user.get_username() if user is not None else ""))[:150],
        ip_address=client_ip(request) if request is not None else None,
        user_agent=_agent(request),
        detail=detail[:300],
        by=by,
    )


def user_session_start(*, request: HttpRequest, user, now: datetime.datetime) -> UserSession:
    """Record a new login's session (its key was cycled by django.contrib.auth.login)."""
    if request.session.session_key is None:
        request.session.save()
    session, _ = UserSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user,
            "user_agent": _agent(request),
            "ip_address": client_ip(request),
            "started_at": now,
            "last_seen_at": now,
        },
    )
    return session


def user_session_touch(*, session_key: str, now: datetime.datetime) -> None:
    UserSession.objects.filter(session_key=session_key).update(last_seen_at=now)


def user_session_rekey(*, old_key: str | None, new_key: str | None) -> None:
    """The session kept its login but changed its key (a password change cycles it)."""
    if old_key and new_key and old_key != new_key:
        UserSession.objects.filter(session_key=old_key).update(session_key=new_key)


def user_session_forget(*, session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


@transaction.atomic
def user_sessions_end(
    *,
    user,
    now: datetime.datetime,
    keep_session_key: str | None = None,
    only=None,
    request: HttpRequest | None = None,
    by=None,
    reason: str = "",
) -> int:
    """End the user's sessions (all, all but `keep_session_key`, or the `only` ones): each is
    deleted from the session store, so its next request finds itself logged out."""
    sessions = UserSession.objects.filter(user=user)
    if keep_session_key:
        sessions = sessions.exclude(session_key=keep_session_key)
    if only is not None:
        sessions = sessions.filter(pk__in=[session.pk for session in only])
    keys = list(sessions.values_list("session_key", flat=True))
    store = _session_store()
    for key in keys:
        store(session_key=key).delete()
    sessions.delete()
    if keys:
        count = len(keys)
        auth_event_record(
            kind=AuthEventKind.SESSIONS_ENDED,
            now=now,
            user=user,
            request=request,
            detail=f"{count} session{'s' if count != 1 else ''} ended" + (f": {reason}" if reason else ""),
            by=by,
        )
    return len(keys)


def new_totp_key() -> str:
    """A random TOTP secret, hex-encoded as django-otp stores it (160 bits, RFC 4226's advice)."""
    return secrets.token_hex(20)


def base32_to_hex(secret: str) -> str:
    cleaned = secret.replace(" ", "").upper()
    return binascii.hexlify(base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))).decode()


def _new_recovery_codes(device: StaticDevice) -> list[str]:
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def two_factor_enrol(
    *, user, key_hex: str, now: datetime.datetime, request: HttpRequest | None = None, by=None
) -> tuple[TOTPDevice, list[str]]:
    """Give the user one authenticator app (replacing any earlier one) and fresh recovery codes."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, key=key_hex, confirmed=True)
    recovery, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    codes = _new_recovery_codes(recovery)
    auth_event_record(kind=AuthEventKind.TWO_FACTOR_SET_UP, now=now, user=user, request=request, by=by)
    return device, codes


@transaction.atomic
def recovery_codes_renew(*, user, now: datetime.datetime, request: HttpRequest | None = None) -> list[str]:
    recovery, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    codes = _new_recovery_codes(recovery)
    auth_event_record(kind=AuthEventKind.RECOVERY_CODES_RENEWED, now=now, user=user, request=request)
    return codes


@transaction.atomic
def two_factor_reset(
    *, user, now: datetime.datetime, request: HttpRequest | None = None, by=None, end_sessions: bool = True
) -> None:
    """Remove the user's authenticator app and recovery codes. An admin's reset also ends the
    user's sessions, so the next login sets up a new app (when one is required)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    auth_event_record(kind=AuthEventKind.TWO_FACTOR_RESET, now=now, user=user, request=request, by=by)
    if end_sessions:
        user_sessions_end(user=user, now=now, request=request, by=by, reason="two-factor reset")


@transaction.atomic
def account_unlock(
    *,
    now: datetime.datetime,
    by,
    username: str = "",
    ip_address: str = "",
    request: HttpRequest | None = None,
) -> int:
    """Clear the failed logins of a username or of an address (django-axes' records)."""
    if not username and not ip_address:
        raise ValueError("Give a username or an address to unlock.")
    cleared = axes_reset(username=username or None, ip=ip_address or None)
    auth_event_record(
        kind=AuthEventKind.UNLOCKED,
        now=now,
        username=username,
        request=request,
        detail=f"address {ip_address}" if ip_address else "",
        by=by,
    )
    return cleared
