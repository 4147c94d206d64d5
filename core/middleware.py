"""Response headers every page gets: no caching of what a logged-in user saw, and the
browser features the product never uses switched off.

OWASP ASVS 5.0 V14.3 (unintended data leakage): a response to an authenticated request
(private pages, papers, exports, PDFs, calendars) is `Cache-Control: no-store`, so a shared
computer's browser cache or a proxy keeps no copy of it.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def permissions_policy_value(features: dict[str, list[str]]) -> str:
    """`camera=(), geolocation=(self)`: each feature with its allowed origins (empty: none)."""
    return ", ".join(f"{name}=({' '.join(origins)})" for name, origins in features.items())


class PrivateResponseHeadersMiddleware:
    """`Cache-Control: no-store, private` on every response to a logged-in user, and
    `Permissions-Policy` on every response. Placed after AuthenticationMiddleware. (The
    calendar feed, opened by its token without a login, is `never_cache` in its view.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.permissions_policy = permissions_policy_value(settings.PERMISSIONS_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True, max_age=0)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response
