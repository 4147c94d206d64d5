"""Which governance pages stay out of core's page cache (core/page_cache.py): case material is
never copied into the cache.

- A need-to-know group (the Joint Case Review group: its log is read by its members only) holds
  case material in its agendas, minutes and actions: its meetings, minutes and log are always
  rendered afresh, and so are the home and My actions pages of its members.
- A meeting with a confidential agenda item (a case discussed in private) is rendered afresh.
- A list of actions holding one whose source keeps its actions need-to-know (a case review's
  recommendation, through governance.action_sources) is rendered afresh, whoever reads it.

The rules asked before the view are one indexed query each; the last is read from the rows the
page shows, with no query.
"""

from django.db.models import Q
from django.utils import timezone

from governance.action_sources import ruled_content_type_ids
from governance.choices import LogReaders
from governance.models import Group, Meeting, Membership


def holds_need_to_know(request, *args, **kwargs) -> bool:
    return (
        Membership.objects.current(timezone.localdate())
        .filter(person__user=request.user, group__log_readers=LogReaders.MEMBERS_ONLY)
        .exists()
    )


def group_is_need_to_know(request, group_pk, *args, **kwargs) -> bool:
    return Group.objects.filter(pk=group_pk, log_readers=LogReaders.MEMBERS_ONLY).exists()


def meeting_is_need_to_know(request, pk=None, meeting_pk=None, *args, **kwargs) -> bool:
    """The meeting of a need-to-know group, or one with a confidential item."""
    private = Q(group__log_readers=LogReaders.MEMBERS_ONLY) | Q(agenda_items__confidential=True)
    return Meeting.objects.filter(private, pk=pk or meeting_pk).exists()


def leave_out_case_material(request, actions) -> None:
    """Keep this page out of the cache if any of the actions it shows has a need-to-know source."""
    ruled = ruled_content_type_ids()
    if ruled and any(action.source_content_type_id in ruled for action in actions):
        request.page_cache_exempt = True
