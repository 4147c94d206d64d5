"""Template tags for papers on the meeting page: who may upload, download, accept."""

from django import template

from governance.choices import PAPERLESS_STANDING_ITEMS
from governance.permissions import may_download_paper, may_submit_paper

register = template.Library()


def _meeting_of(context, item):
    # The meeting page has its meeting in the context; use it rather than a query per item.
    meeting = context.get("meeting")
    if meeting is not None and getattr(meeting, "pk", None) == item.meeting_id:
        return meeting
    return item.meeting


@register.simple_tag(takes_context=True)
def paper_access(context, item):
    """What the current user may do with the papers of an agenda item."""
    user = context["request"].user
    meeting = _meeting_of(context, item)
    return {
        "can_submit": may_submit_paper(user, meeting)
        and not meeting.is_cancelled
        and item.standing_item not in PAPERLESS_STANDING_ITEMS,
        "can_manage": user.has_perm("governance.manage_meeting", meeting),
        "meeting": meeting,
    }


@register.simple_tag(takes_context=True)
def can_download_paper(context, paper, item):
    return may_download_paper(context["request"].user, paper, _meeting_of(context, item))
