"""Who may submit, change and download papers, built on the predicates in governance.permissions.

Plain functions rather than registered permissions: each needs the paper and
its meeting together. They use the same per-user caches, so a page that asks
about many papers runs no extra queries.
"""

from governance.models import AgendaItem, Meeting, Paper
from governance.permissions import is_member_of_meeting_group


def may_submit_paper(user, meeting: Meeting) -> bool:
    """Any current member of the meeting's group, its chair, and the secretariat."""
    return user.has_perm("governance.manage_meeting", meeting) or is_member_of_meeting_group(user, meeting)


def may_see_item(user, item: AgendaItem, meeting: Meeting) -> bool:
    """Confidential items (and their sub-items) only for those with access to them."""
    node, confidential = item, False
    while node is not None and not confidential:
        confidential = node.confidential
        node = node.parent if node.parent_id else None
    return not confidential or user.has_perm("governance.view_confidential_items", meeting)


def _is_submitter(user, paper: Paper) -> bool:
    return user.is_authenticated and paper.submitted_by_id == user.pk


def may_change_paper(user, paper: Paper, meeting: Meeting) -> bool:
    """Replace or withdraw: whoever runs the meeting, or the member who submitted it."""
    if user.has_perm("governance.manage_meeting", meeting):
        return True
    return _is_submitter(user, paper) and may_submit_paper(user, meeting)


def may_download_paper(user, paper: Paper, meeting: Meeting) -> bool:
    """A paper held back as late is for those deciding on it and its submitter, not the readership."""
    if not user.has_perm("governance.view_meeting", meeting):
        return False
    if paper.in_pack:
        return True
    return user.has_perm("governance.manage_meeting", meeting) or _is_submitter(user, paper)


def may_download_pack(user, meeting: Meeting) -> bool:
    """The pack goes out with the published agenda; before that, only to those running the meeting."""
    if not user.has_perm("governance.view_meeting", meeting):
        return False
    return meeting.agenda_published_at is not None or user.has_perm("governance.manage_meeting", meeting)
