"""Lockout (django-axes) per account and per address."""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest

from accounts.lockouts import cool_off_threshold


def client_ip(request: HttpRequest) -> str | None:
    """The address a request came from (REMOTE_ADDR; a TLS proxy in front must set it, e.g. gunicorn's
    --forwarded-allow-ips with the proxy's X-Forwarded-For)."""
    return request.META.get("REMOTE_ADDR") or None


def address_failures(ip_address: str | None) -> int:
    if not ip_address:
        return 0
    total = AccessAttempt.objects.filter(
        ip_address=ip_address, attempt_time__gte=cool_off_threshold()
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return total or 0


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a locked-out account (axes, per username) or a locked-out address (here: the failures
    of every username tried from it), before any password is checked.

    Without a request there is no address and no form: a script or a test calling authenticate()
    directly is not a login attempt to count, so this backend steps aside (axes' own raises).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        super().authenticate(request, username, password, **kwargs)
        if (
            settings.AXES_ENABLED
            and address_failures(client_ip(request)) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
        ):
            request.axes_locked_out = True
            request.axes_credentials = {"username": username}
            raise AxesBackendPermissionDenied("This address is locked out.")
        return None
