"""Template helpers of the case review pages: the navigation's entries and the due status badge."""

from django import template

from reviews.choices import DueStatus
from reviews.permissions import sees_case_reviews_in_nav

register = template.Library()

BADGES = {
    DueStatus.OVERDUE: "text-bg-danger",
    DueStatus.DUE_SOON: "text-bg-warning",
    DueStatus.ON_TRACK: "text-bg-success",
}


@register.simple_tag
def may_open_case_reviews(user) -> bool:
    return sees_case_reviews_in_nav(user)


@register.inclusion_tag("reviews/partials/_due_status.html")
def due_status_badge(status):
    if not status:
        return {"status": None}
    return {"status": DueStatus(status), "css": BADGES[DueStatus(status)]}
