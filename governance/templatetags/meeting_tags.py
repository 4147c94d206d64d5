"""Template tags for meetings: the group page's "next meetings" panel."""

from django import template

from governance.models import Meeting
from governance.selectors.meetings import group_next_meetings

register = template.Library()


@register.simple_tag(takes_context=True)
def group_meetings_panel(context, group):
    """The group's next meetings, if the user may see them, and whether they may schedule one."""
    user = context["request"].user
    can_view = user.has_perm("governance.view_meeting", Meeting(group=group))
    return {
        "can_view": can_view,
        "can_schedule": user.has_perm("governance.schedule_meeting", group),
        "meetings": group_next_meetings(group=group) if can_view else [],
    }
