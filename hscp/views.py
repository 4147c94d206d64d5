from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.access import access
from governance.access_rules import PUBLIC
from hscp import health


@access(PUBLIC)
@login_not_required
@never_cache
@require_GET
def healthz(request):
    """Readiness for load balancers: statuses only, never data."""
    database_ok, database_detail = health.database_status()
    broker_ok, broker_detail = health.broker_status()
    if database_ok:
        scan_ok, scan_detail, scan_age = health.scan_status()
    else:
        scan_ok, scan_detail, scan_age = False, "unknown", None
    healthy = database_ok and broker_ok and scan_ok
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": database_detail,
            "broker": broker_detail,
            "scan": scan_detail,
            "scan_age_seconds": scan_age,
        },
        status=200 if healthy else 503,
    )
