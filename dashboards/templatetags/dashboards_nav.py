"""The navigation's dashboard link, without a query of its own on every page."""

from django import template

from governance.permissions import is_partner_reader, is_staff_of_partnership

register = template.Library()


@register.filter
def sees_partner_dashboard_in_nav(user) -> bool:
    """Staff and partner readers (their roles are already read for the navigation bar). Board
    members, who may open it too, reach it from the home page: telling them apart costs a query,
    which every page would pay."""
    return bool(is_staff_of_partnership(user) or is_partner_reader(user))
