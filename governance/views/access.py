"""Fetch-and-check helpers shared by every governance view: one place that says who
may reach an object, so no view fetches without checking."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy

STRUCTURE_CRUMB = ("Structure", reverse_lazy("governance:structure"))
AGENCIES_CRUMB = ("Agencies", reverse_lazy("governance:agency_list"))
PEOPLE_CRUMB = ("People", reverse_lazy("governance:person_list"))


def check_perm(user, perm: str, obj=None) -> None:
    """403 unless the user holds the permission (on the object, when given)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied
