"""Logging in (two steps), two-factor set-up, passwords, sessions and the admins' security page."""

import base64
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from accounts import access_rules as rules
from accounts import selectors, services
from accounts.choices import AuthEventKind
from accounts.devices import device_label
from accounts.forms import (
    AuthEventFilterForm,
    LoginForm,
    SecondFactorForm,
    TwoFactorResetForm,
    TwoFactorSetupForm,
    UnlockForm,
)
from accounts.middleware import PENDING_ROUTES, SECOND_FACTOR_PENDING
from accounts.models import UserSession
from accounts.permissions import must_use_two_factor
from core.access import access
from core.views import paginate

NEW_KEY = "accounts_new_totp_key"
NEW_CODES = "accounts_new_recovery_codes"


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


def _limits() -> dict:
    return {
        "idle_minutes": settings.SESSION_IDLE_TIMEOUT_MINUTES,
        "lifetime_hours": round(settings.SESSION_COOKIE_AGE / 3600, 1),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "address_limit": settings.LOGIN_ADDRESS_FAILURE_LIMIT,
        "cool_off_minutes": round(settings.AXES_COOLOFF_TIME * 60),
    }


def _require_admin(request: HttpRequest) -> None:
    if not request.user.has_perm("accounts.administer"):
        raise PermissionDenied


@access(rules.NO_LOGIN)
class LoginView(auth_views.LoginView):
    """Django's login, then the second step: a code for those with an app, the app's set-up for
    those who must have one. Until then the session can reach only those pages (the middleware)."""

    form_class = LoginForm

    def form_valid(self, form):
        user = form.get_user()
        next_url = self.get_redirect_url() or reverse(settings.LOGIN_REDIRECT_URL)
        auth_login(self.request, user)
        if selectors.totp_device_of(user) is not None:
            step = "verify"
        elif must_use_two_factor(user):
            step = "set_up"
        else:
            return redirect(next_url)
        self.request.session[SECOND_FACTOR_PENDING] = step
        return redirect(_with_next(reverse(PENDING_ROUTES[step]), next_url))

    def form_invalid(self, form):
        if getattr(self.request, "axes_locked_out", False):
            return render(self.request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        return super().form_invalid(form)


@access(rules.OWN_ACCOUNT_MOVES_ON)
@sensitive_post_parameters()
@never_cache
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of a login: a code from the authenticator app or a recovery code."""
    next_url = _next_url(request)
    if request.session.get(SECOND_FACTOR_PENDING) != "verify":
        return redirect(next_url)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _device_accepting(request.user, form.cleaned_data["code"])
        now = timezone.now()
        if device is not None:
            otp_login(request, device)
            del request.session[SECOND_FACTOR_PENDING]
            kind = (
                AuthEventKind.RECOVERY_CODE_USED
                if isinstance(device, StaticDevice)
                else AuthEventKind.SECOND_FACTOR_PASSED
            )
            services.auth_event_record(kind=kind, now=now, user=request.user, request=request)
            if kind == AuthEventKind.RECOVERY_CODE_USED:
                messages.warning(
                    request,
                    "You used a recovery code; it cannot be used again. "
                    "Renew your codes from your account page when you run low.",
                )
            return redirect(next_url)
        services.auth_event_record(
            kind=AuthEventKind.SECOND_FACTOR_FAILED, now=now, user=request.user, request=request
        )
        form.add_error(
            "code",
            "That code was not accepted. Type the newest code from your app (check your phone's clock), "
            "or a recovery code you have not used. After several wrong codes you must wait a little "
            "before the next try.",
        )
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": next_url, "second_factor_pending": True},
    )


def _device_accepting(user, code: str):
    # The devices are read locked (for_verify), so two requests with the same code cannot
    # both pass: the lock needs a transaction, which PostgreSQL enforces.
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            allowed, _ = device.verify_is_allowed()
            if allowed and device.verify_token(code):
                return device
    return None


def _qr_data_uri(user, key_hex: str) -> tuple[str, str]:
    secret = base64.b32encode(bytes.fromhex(key_hex)).decode()
    issuer = settings.OTP_TOTP_ISSUER
    uri = (
        f"otpauth://totp/{issuer.replace(' ', '%20')}:{user.get_username()}"
        f"?{urlencode({'secret': secret, 'issuer': issuer, 'digits': 6, 'period': 30})}"
    )
    return segno.make(uri, error="m").svg_data_uri(scale=5), secret


@access(rules.OWN_ACCOUNT)
@sensitive_post_parameters()
@never_cache
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: scan the QR code (or type the key), then prove it with a code."""
    next_url = _next_url(request)
    key_hex = request.session.get(NEW_KEY) or services.new_totp_key()
    request.session[NEW_KEY] = key_hex
    form = TwoFactorSetupForm(request.POST or None, key_hex=key_hex)
    if request.method == "POST" and form.is_valid():
        device, codes = services.two_factor_enrol(
            user=request.user, key_hex=key_hex, now=timezone.now(), request=request
        )
        otp_login(request, device)
        request.session.pop(SECOND_FACTOR_PENDING, None)
        del request.session[NEW_KEY]
        request.session[NEW_CODES] = codes
        return redirect(_with_next(reverse("accounts:recovery_codes"), next_url))
    qr, secret = _qr_data_uri(request.user, key_hex)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "next": next_url,
            "qr": qr,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": must_use_two_factor(request.user),
            "pending": request.session.get(SECOND_FACTOR_PENDING) == "set_up",
            # The site's navigation is hidden until the second step is done (it would lead back here).
            "second_factor_pending": bool(request.session.get(SECOND_FACTOR_PENDING)),
            "replacing": selectors.totp_device_of(request.user) is not None,
        },
    )


@access(rules.OWN_ACCOUNT_MOVES_ON)
@never_cache
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The new recovery codes, shown once."""
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        messages.info(request, "Recovery codes are shown only once. Renew them to see a new set.")
        return redirect("accounts:security")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})


@access(rules.POST_ONLY, rules.OWN_ACCOUNT_DONE)
@require_POST
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    if selectors.totp_device_of(request.user) is None:
        messages.error(request, "Set up two-factor authentication first.")
        return redirect("accounts:security")
    request.session[NEW_CODES] = services.recovery_codes_renew(
        user=request.user, now=timezone.now(), request=request
    )
    return redirect(_with_next(reverse("accounts:recovery_codes"), reverse("accounts:security")))


@access(rules.POST_ONLY, rules.OWN_ACCOUNT_DONE)
@require_POST
def two_factor_turn_off(request: HttpRequest) -> HttpResponse:
    if must_use_two_factor(request.user):
        messages.error(
            request, "Your role requires two-factor authentication: you can replace your app, not remove it."
        )
        return redirect("accounts:security")
    services.two_factor_reset(user=request.user, now=timezone.now(), request=request, end_sessions=False)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    messages.success(request, "Two-factor authentication is off.")
    return redirect("accounts:security")


@access(rules.OWN_ACCOUNT)
def security(request: HttpRequest) -> HttpResponse:
    """Your account: two-factor authentication, password, sessions."""
    device = selectors.totp_device_of(request.user)
    recovery_left = StaticToken.objects.filter(device__user=request.user).count()
    return render(
        request,
        "accounts/security.html",
        {
            "device": device,
            "recovery_left": recovery_left,
            "required": must_use_two_factor(request.user),
            "title": "Your account",
            **_limits(),
        },
    )


@access(rules.OWN_ACCOUNT)
class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view; afterwards every other session of the account ends (ASVS 5.0 V7.4.3)."""

    success_url = reverse_lazy("accounts:security")

    def form_valid(self, form):
        old_key = self.request.session.session_key
        response = super().form_valid(form)
        now = timezone.now()
        services.user_session_rekey(old_key=old_key, new_key=self.request.session.session_key)
        services.auth_event_record(
            kind=AuthEventKind.PASSWORD_CHANGED, now=now, user=self.request.user, request=self.request
        )
        ended = services.user_sessions_end(
            user=self.request.user,
            now=now,
            keep_session_key=self.request.session.session_key,
            request=self.request,
            reason="password changed",
        )
        messages.success(
            self.request,
            "Your password has been changed."
            + (f" {ended} other session{'s' if ended != 1 else ''} ended." if ended else ""),
        )
        return response


@access(rules.NO_LOGIN)
class PasswordResetView(auth_views.PasswordResetView):
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        services.auth_event_record(
            kind=AuthEventKind.PASSWORD_RESET_REQUESTED,
            now=timezone.now(),
            username=form.cleaned_data["email"],
            request=self.request,
            detail="reset link asked for this e-mail address",
        )
        return super().form_valid(form)


@access(rules.NO_LOGIN)
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        now = timezone.now()
        services.auth_event_record(
            kind=AuthEventKind.PASSWORD_RESET, now=now, user=form.user, request=self.request
        )
        services.user_sessions_end(user=form.user, now=now, request=self.request, reason="password reset")
        return response


@access(rules.OWN_ACCOUNT)
def sessions(request: HttpRequest) -> HttpResponse:
    rows = selectors.live_sessions(user=request.user, now=timezone.now())
    current = request.session.session_key
    for row in rows:
        row.device = device_label(row.user_agent)  # type: ignore[attr-defined]
        row.is_current = row.session_key == current  # type: ignore[attr-defined]
    return render(
        request,
        "accounts/sessions.html",
        {
            "sessions": rows,
            "others": sum(1 for row in rows if row.session_key != current),
            "title": "Your sessions",
        },
    )


@access(rules.POST_ONLY, rules.OWN_ACCOUNT_DONE)
@require_POST
def sessions_end_others(request: HttpRequest) -> HttpResponse:
    ended = services.user_sessions_end(
        user=request.user,
        now=timezone.now(),
        keep_session_key=request.session.session_key,
        request=request,
        reason="ended by the user",
    )
    messages.success(
        request, f"{ended} other session{'s' if ended != 1 else ''} ended." if ended else "No other sessions."
    )
    return redirect("accounts:sessions")


@access(rules.POST_ONLY, rules.OWN_SESSION_END)
@require_POST
def session_end(request: HttpRequest) -> HttpResponse:
    """End one of your other sessions, named by the form's `session`."""
    own = UserSession.objects.filter(user_id=int(request.user.pk or 0))
    session_id = request.POST.get("session", "")
    row = get_object_or_404(
        own.exclude(session_key=request.session.session_key or ""),
        pk=int(session_id) if session_id.isdigit() else 0,
    )
    services.user_sessions_end(
        user=request.user, now=timezone.now(), only=[row], request=request, reason="ended by the user"
    )
    messages.success(request, f"The session on {device_label(row.user_agent)} has ended.")
    return redirect("accounts:sessions")


@access(rules.ADMINS)
def security_log(request: HttpRequest) -> HttpResponse:
    """For admins: who is locked out (with unlock), resetting someone's second factor, and the log."""
    _require_admin(request)
    filters = AuthEventFilterForm(request.GET or None)
    username = kind = ""
    if filters.is_valid():
        username, kind = filters.cleaned_data["username"], filters.cleaned_data["kind"]
    page, querystring = paginate(request, selectors.auth_events(username=username, kind=kind))
    locked_accounts, locked_addresses = selectors.lockouts(now=timezone.now())
    return render(
        request,
        "accounts/security_log.html",
        {
            "filters": filters,
            "page_obj": page,
            "querystring": querystring,
            "locked_accounts": locked_accounts,
            "locked_addresses": locked_addresses,
            "reset_form": TwoFactorResetForm(),
            "title": "Security",
            **_limits(),
        },
    )


@access(rules.POST_ONLY, rules.ADMINS_UNLOCK)
@require_POST
def account_unlock(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = UnlockForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            " ".join(str(error) for error in form.non_field_errors())
            or "Choose an account or an address to unlock.",
        )
        return redirect("accounts:security_log")
    username, address = form.cleaned_data["username"], form.cleaned_data["ip_address"] or ""
    services.account_unlock(
        now=timezone.now(), by=request.user, username=username, ip_address=address, request=request
    )
    messages.success(request, f"{username or address} is unlocked.")
    return redirect("accounts:security_log")


@access(rules.POST_ONLY, rules.ADMINS_RESET)
@require_POST
def two_factor_reset(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = TwoFactorResetForm(request.POST)
    if not form.is_valid():
        page, querystring = paginate(request, selectors.auth_events())
        locked_accounts, locked_addresses = selectors.lockouts(now=timezone.now())
        return render(
            request,
            "accounts/security_log.html",
            {
                "filters": AuthEventFilterForm(),
                "page_obj": page,
                "querystring": querystring,
                "locked_accounts": locked_accounts,
                "locked_addresses": locked_addresses,
                "reset_form": form,
                "title": "Security",
                **_limits(),
            },
            status=400,
        )
    services.two_factor_reset(user=form.user, now=timezone.now(), request=request, by=request.user)
    messages.success(request, f"Two-factor authentication is reset for {form.user.get_username()}.")
    return redirect("accounts:security_log")


@login_not_required
def admin_login(request: HttpRequest) -> HttpResponse:
    """The Django admin logs in through the same two steps as the site."""
    return redirect(
        _with_next(
            reverse(settings.LOGIN_URL),
            _next_url(request) if request.GET.get("next") else reverse("admin:index"),
        )
    )


@access(rules.NO_LOGIN)
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    pass


@access(rules.NO_LOGIN)
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    pass
