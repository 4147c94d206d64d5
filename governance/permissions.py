"""Who may do what: every permission rule of the product, as `rules` predicates.

Roles:
- admin: a superuser;
- secretariat: the partnership team (the Django group "Secretariat");
- partner reader: dashboards and reports, read only (the group "Partner reader");
- chair: a current chair, vice-chair or co-chair membership, for that group;
- member: a current membership of any kind, for their groups.

Views check these through `require_perm` / `has_perm`; list pages also scope
their querysets. Predicates cache what they learn about a user on the user
object, so a page checking many objects does not query once per object.
"""

import rules
from django.db.models import Q
from django.utils import timezone

from governance.agenda_rules import is_confidential
from governance.models import (
    CHAIRING_ROLES,
    AgendaItem,
    Group,
    GroupKind,
    LogReaders,
    Meeting,
    Membership,
    Paper,
)

SECRETARIAT_GROUP = "Secretariat"
PARTNER_READER_GROUP = "Partner reader"


def _auth_group_names(user) -> frozenset[str]:
    if not hasattr(user, "_hscp_auth_groups"):
        user._hscp_auth_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._hscp_auth_groups


def _current_memberships(user) -> list[tuple[int, str, str]]:
    """(group id, role, group short name) for each current membership of the user's person: one
    query per request, which every page's navigation reads."""
    if not hasattr(user, "_hscp_memberships"):
        user._hscp_memberships = list(
            Membership.objects.current(timezone.localdate())
            .filter(person__user=user, person__active=True)
            .values_list("group_id", "role", "group__short_name")
        )
    return user._hscp_memberships


def member_group_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return {group_id for group_id, _, _ in _current_memberships(user)}


def chaired_group_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return {group_id for group_id, role, _ in _current_memberships(user) if role in CHAIRING_ROLES}


def current_roles_in_group_named(user, short_name: str) -> list[str]:
    """The user's roles now in the group with this short name (any case), from the same cached query."""
    if not user.is_authenticated:
        return []
    wanted = short_name.casefold()
    return [role for _, role, short in _current_memberships(user) if short.casefold() == wanted]


def in_auth_group(user, name: str) -> bool:
    """Whether the user is in the named Django auth group (the same cached query as is_secretariat)."""
    return user.is_authenticated and name in _auth_group_names(user)


@rules.predicate
def is_admin(user):
    return user.is_authenticated and user.is_superuser


@rules.predicate
def is_secretariat(user):
    return user.is_authenticated and SECRETARIAT_GROUP in _auth_group_names(user)


@rules.predicate
def is_partner_reader(user):
    return user.is_authenticated and PARTNER_READER_GROUP in _auth_group_names(user)


@rules.predicate
def is_member_of_any_group(user):
    return bool(member_group_ids(user))


@rules.predicate
def is_member_of_group(user, group):
    return group is not None and group.pk in member_group_ids(user)


@rules.predicate
def is_chair_of_group(user, group):
    return group is not None and group.pk in chaired_group_ids(user)


is_staff_of_partnership = is_admin | is_secretariat

# Seeing the partnership's structure and directory: anyone with a role in it.
# A logged-in account with no role (no person, no membership) sees nothing.
can_view_partnership = is_staff_of_partnership | is_partner_reader | is_member_of_any_group


@rules.predicate
def is_member_of_meeting_group(user, meeting):
    return meeting is not None and meeting.group_id in member_group_ids(user)


@rules.predicate
def is_chair_of_meeting_group(user, meeting):
    return meeting is not None and meeting.group_id in chaired_group_ids(user)


@rules.predicate
def is_chair_of_action_group(user, action):
    return action is not None and action.group_id in chaired_group_ids(user)


@rules.predicate
def is_action_owner(user, action):
    """Owners are people; the user's person must be among them (prefetched owners are used)."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    return action is not None and person is not None and person in action.owners.all()


rules.add_perm("governance.view_partnership", can_view_partnership)
rules.add_perm("governance.manage_structure", is_staff_of_partnership)
rules.add_perm("governance.manage_memberships", is_staff_of_partnership)
rules.add_perm("governance.edit_group_remit", is_staff_of_partnership | is_chair_of_group)

# Meetings: the secretariat runs every group's meetings; a chair runs their own
# group's. Members see their groups' meetings in full; partner readers see
# meetings but never confidential items.
rules.add_perm(
    "governance.view_meeting",
    is_staff_of_partnership | is_partner_reader | is_member_of_meeting_group,
)
rules.add_perm("governance.manage_meeting", is_staff_of_partnership | is_chair_of_meeting_group)
rules.add_perm("governance.view_confidential_items", is_staff_of_partnership | is_member_of_meeting_group)
rules.add_perm("governance.schedule_meeting", is_staff_of_partnership | is_chair_of_group)
# The partnership's settings page and closure days: admins only (issue 10 point 15).
rules.add_perm("governance.manage_partnership_settings", is_admin)


# The action log: who may read a group's log is a rule of the group (the product's own rule,
# shown on the group's page): the secretariat reads every log; its members read it; the members
# of a board it reports to read it unless the group is need-to-know (the Joint Case Review
# group: case names and case actions); partner readers read the logs marked open to partners.
# The secretariat and a group's chair record actions; owners, the chair and the secretariat
# post updates.
@rules.predicate
def may_read_group_log(user, group):
    if group is None or not user.is_authenticated:
        return False
    if is_staff_of_partnership(user) or group.pk in member_group_ids(user):
        return True
    if group.log_readers == LogReaders.MEMBERS_ONLY:
        return False
    if group.log_open_to_partners and is_partner_reader(user):
        return True
    boards = member_group_ids(user)
    return bool(boards) and group.reports_to.filter(pk__in=boards, kind=GroupKind.BOARD).exists()


def readable_log_groups(user) -> Q | None:
    """A Q over Group of the logs `user` may read (None: every log). No query of its own: the
    user's memberships and roles are cached on the user, the rest is a subquery."""
    if is_staff_of_partnership(user):
        return None
    if not user.is_authenticated:
        return Q(pk__in=[])
    members = member_group_ids(user)
    readable = Q(pk__in=members)
    if members:
        readable |= Q(
            log_readers=LogReaders.MEMBERS_AND_BOARD,
            reports_to__in=Group.objects.filter(pk__in=members, kind=GroupKind.BOARD).values("pk"),
        )
    if is_partner_reader(user):
        readable |= Q(log_readers=LogReaders.MEMBERS_AND_BOARD, log_open_to_partners=True)
    return readable


def readable_log_group_ids(user):
    """The ids of the groups whose logs `user` may read, as a subquery (None: every log)."""
    readable = readable_log_groups(user)
    return None if readable is None else Group.objects.filter(readable).values("pk")


rules.add_perm("governance.view_actions", may_read_group_log)
rules.add_perm("governance.record_action", is_staff_of_partnership | is_chair_of_group)
rules.add_perm(
    "governance.update_action", is_staff_of_partnership | is_chair_of_action_group | is_action_owner
)
rules.add_perm("governance.hand_over_action", is_staff_of_partnership | is_chair_of_action_group)


def role_labels(user) -> list[str]:
    """The user's roles in words, for the navigation bar."""
    labels = []
    if is_admin(user):
        labels.append("Admin")
    if is_secretariat(user):
        labels.append("Secretariat")
    if is_partner_reader(user):
        labels.append("Partner reader")
    if chaired_group_ids(user):
        labels.append("Chair")
    elif member_group_ids(user):
        labels.append("Member")
    return labels


# Papers: plain functions rather than registered permissions, since each needs the paper
# and its meeting together. They use the same per-user caches, so a page that asks about
# many papers runs no extra queries.
def may_submit_paper(user, meeting: Meeting) -> bool:
    """Any current member of the meeting's group, its chair, and the secretariat."""
    return user.has_perm("governance.manage_meeting", meeting) or is_member_of_meeting_group(user, meeting)


def may_see_item(user, item: AgendaItem, meeting: Meeting) -> bool:
    """Confidential items (and their sub-items) only for those with access to them."""
    return not is_confidential(item) or user.has_perm("governance.view_confidential_items", meeting)


def _is_submitter(user, paper: Paper) -> bool:
    return user.is_authenticated and paper.submitted_by_id == user.pk


def is_presenter_at(user, meeting: Meeting, items=None) -> bool:
    """Whether the user's person presents an item of the meeting: from `items` (the agenda already
    read, presenters selected) or one query, kept on the user for the request."""
    if not user.is_authenticated:
        return False
    if items is not None:
        return any(item.presenter is not None and item.presenter.user_id == user.pk for item in items)
    presenting = user.__dict__.setdefault("_hscp_presenting", {})
    if meeting.pk not in presenting:
        items = AgendaItem.objects.filter(meeting_id=meeting.pk, presenter__user=user)
        presenting[meeting.pk] = items.exists()
    return presenting[meeting.pk]


def may_see_draft_agenda(user, meeting: Meeting, items=None) -> bool:
    """Before the agenda is published, the draft and its papers are for those running the meeting
    (the secretariat, the chair) and its presenters only (issue 9); then for its readership."""
    if meeting.agenda_published_at is not None or user.has_perm("governance.manage_meeting", meeting):
        return True
    return is_presenter_at(user, meeting, items)


def may_change_paper(user, paper: Paper, meeting: Meeting) -> bool:
    """Replace or withdraw: whoever runs the meeting, or the member who submitted it."""
    if user.has_perm("governance.manage_meeting", meeting):
        return True
    return _is_submitter(user, paper) and may_submit_paper(user, meeting)


def may_download_paper(user, paper: Paper, meeting: Meeting) -> bool:
    """A paper held back as late is for those deciding on it and its submitter, not the readership."""
    if not user.has_perm("governance.view_meeting", meeting):
        return False
    if _is_submitter(user, paper):
        return True
    if not may_see_draft_agenda(user, meeting):
        return False
    return paper.in_pack or user.has_perm("governance.manage_meeting", meeting)


def may_download_pack(user, meeting: Meeting) -> bool:
    """The pack goes out with the published agenda; before that, only to those running the meeting."""
    if not user.has_perm("governance.view_meeting", meeting):
        return False
    return meeting.agenda_published_at is not None or user.has_perm("governance.manage_meeting", meeting)
