"""Which governance pages stay out of core's page cache (core/page_cache.py).

A need-to-know group (the Joint Case Review group: its log is read by its members only) holds
case material in its agendas, minutes and actions. Those pages are always rendered afresh and
never copied into the cache, and neither are the home and My actions pages of that group's
members, which list their actions from it. Each rule is one indexed query.
"""

from django.utils import timezone

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
    return Meeting.objects.filter(pk=pk or meeting_pk, group__log_readers=LogReaders.MEMBERS_ONLY).exists()
