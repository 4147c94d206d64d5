"""Django's authentication signals, axes' lockout signal and governance's membership hook,
each handed to a service. Connected in AccountsConfig.ready()."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.utils import timezone

from accounts import services
from accounts.choices import AuthEventKind
from accounts.middleware import session_started
from governance.signals import membership_ended


def on_logged_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = timezone.now()
    session_started(request, now)
    services.user_session_start(request=request, user=user, now=now)
    services.auth_event_record(kind=AuthEventKind.LOGIN, now=now, user=user, request=request)


def on_logged_out(sender, request, user, **kwargs):
    if request is None or user is None or getattr(request, "accounts_session_expired", False):
        return
    services.user_session_forget(session_key=request.session.session_key)
    services.auth_event_record(kind=AuthEventKind.LOGOUT, now=timezone.now(), user=user, request=request)


def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))
    user = get_user_model().objects.filter(username=username).first() if username else None
    services.auth_event_record(
        kind=AuthEventKind.LOGIN_FAILED, now=timezone.now(), user=user, username=username, request=request
    )


def on_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    user = get_user_model().objects.filter(username=username).first() if username else None
    services.auth_event_record(
        kind=AuthEventKind.LOCKED_OUT,
        now=timezone.now(),
        user=user,
        username=username or "",
        request=request,
        detail=f"after {kwargs.get('failures', 'repeated')} failed logins" if kwargs.get("failures") else "",
    )


def on_user_saved(sender, instance, created, **kwargs):
    """Deactivating an account ends its sessions (and they could not start again)."""
    if not created and not instance.is_active:
        services.user_sessions_end(user=instance, now=timezone.now(), reason="account deactivated")


def on_membership_ended(sender, membership, **kwargs):
    """Ending a membership ends that person's sessions: their next login sees their new roles."""
    user = membership.person.user
    if user is not None:
        services.user_sessions_end(
            user=user, now=timezone.now(), reason=f"membership of {membership.group} ended"
        )


def connect() -> None:
    user_logged_in.connect(on_logged_in, dispatch_uid="accounts.logged_in")
    user_logged_out.connect(on_logged_out, dispatch_uid="accounts.logged_out")
    user_login_failed.connect(on_login_failed, dispatch_uid="accounts.login_failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="accounts.locked_out")
    post_save.connect(on_user_saved, sender=get_user_model(), dispatch_uid="accounts.user_saved")
    membership_ended.connect(on_membership_ended, dispatch_uid="accounts.membership_ended")
