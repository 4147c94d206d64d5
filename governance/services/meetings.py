"""Meetings: scheduling, the agenda and attendance.

Every change to a meeting, its agenda or its attendance goes through these
functions; views, the admin, the demo loader and tasks call them. Each runs in
a transaction and validates before it writes.

Agenda numbering: items are numbered 1, 2, 3 and sub-items 2.1, 2.2 (one level
deep). `number` and `sort_key` ("0002.0001") are rewritten for the whole agenda
whenever an item is added, moved or deleted, so the printed numbers always
follow the order. Actions quote the number in their own stored reference
("23.10.19 ref 4.1"), so once a meeting is held its agenda is frozen against
moves and deletions: the minutes and the action log already quote its numbers.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from core.workdays import closure_days
from governance import notifications as messages
from governance.models import (
    Agency,
    AgendaItem,
    AgendaPurpose,
    Attendance,
    AttendanceStatus,
    Decision,
    Group,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Paper,
    Person,
    StandingItem,
)
from governance.scheduling import is_paper_late, local_datetime, paper_deadline, series_dates
from governance.services.papers import paper_escalate_late
from notifications.services import notify

# Sentinel for "not given": None is a real value for the chair and minute-taker.
KEEP = object()

# Membership roles that are not members for attendance purposes: they come when
# asked (an adviser, someone in attendance) or in someone's place (a deputy), so an
# empty chair is not "absent without apologies".
NON_MEMBER_ROLES = frozenset(
    {MembershipRole.MINUTE_TAKER, MembershipRole.IN_ATTENDANCE, MembershipRole.DEPUTY, MembershipRole.ADVISER}
)
CHAIR_PREFERENCE = (MembershipRole.CHAIR, MembershipRole.CO_CHAIR, MembershipRole.VICE_CHAIR)

# The per-group agenda template, in printed order. The opening items come
# before the meeting's own business; the closing ones after it.
OPENING_ITEMS = (
    StandingItem.WELCOME_APOLOGIES,
    StandingItem.PREVIOUS_MINUTES,
    StandingItem.RATIFICATION,
    StandingItem.MATTERS_ARISING,
)
CLOSING_ITEMS = (StandingItem.MESSAGES, StandingItem.AOB, StandingItem.NEXT_MEETING)
STANDING_ORDER = OPENING_ITEMS + CLOSING_ITEMS
STANDING_PURPOSES = {
    StandingItem.PREVIOUS_MINUTES: AgendaPurpose.APPROVAL,
    StandingItem.RATIFICATION: AgendaPurpose.DECISION,
}
# The one standing item that cannot be deleted: minutes are approved and the
# action log reviewed there (the minutes services look for it).
UNDELETABLE_STANDING_ITEMS = frozenset({StandingItem.PREVIOUS_MINUTES})
TEMPORARY_POSITION_OFFSET = 10000


def _local_date(meeting: Meeting) -> datetime.date:
    return meeting.local_date


def _save_validated(instance):
    instance.full_clean()
    instance.save()
    return instance


def _lock(meeting: Meeting) -> Meeting:
    """Lock the meeting's row for this transaction and refresh the caller's instance in place,
    so a caller holding an older copy sees (and keeps) the current state."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk").first()
    meeting.refresh_from_db()
    return meeting


def _check_not_cancelled(meeting: Meeting, doing: str) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(f"This meeting was cancelled, so {doing} is no longer possible.")


def _current_members(group: Group, today: datetime.date):
    return Membership.objects.current(today).filter(group=group, person__active=True)


def group_default_chair(*, group: Group, on: datetime.date) -> Person | None:
    """The group's chair on that day (else a co-chair, else a vice-chair)."""
    chairs = {
        membership.role: membership.person
        for membership in _current_members(group, on)
        .filter(role__in=CHAIR_PREFERENCE)
        .select_related("person")
        .order_by("-start_date")
    }
    return next((chairs[role] for role in CHAIR_PREFERENCE if role in chairs), None)


def group_default_minute_taker(*, group: Group, on: datetime.date) -> Person | None:
    membership = (
        _current_members(group, on)
        .filter(role=MembershipRole.MINUTE_TAKER)
        .select_related("person")
        .order_by("-start_date")
        .first()
    )
    return membership.person if membership else None


# Scheduling ----------------------------------------------------------------


def _check_group_meets(group: Group) -> None:
    if not group.active:
        raise ValidationError(f"{group} is no longer active, so it cannot have new meetings.")


@transaction.atomic
def meeting_schedule(
    *,
    group: Group,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    location: str = "",
    online_link: str = "",
    chair=KEEP,
    minute_taker=KEEP,
    add_standing_items: bool = True,
) -> Meeting:
    """Schedule one meeting of a group.

    The chair and minute-taker default to the group's own on the meeting's day
    (pass None for "nobody yet"). The paper deadline is stored; the standing
    items of the agenda are added.
    """
    _check_group_meets(group)
    meeting = Meeting(
        group=group,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        online_link=online_link,
        paper_deadline=paper_deadline(starts_at=starts_at, days=group.paper_deadline_days),
    )
    on = _local_date(meeting)
    meeting.chair = group_default_chair(group=group, on=on) if chair is KEEP else chair
    meeting.minute_taker = (
        group_default_minute_taker(group=group, on=on) if minute_taker is KEEP else minute_taker
    )
    if not location and not online_link:
        raise ValidationError({"location": "Give a place or an online link for the meeting."})
    _save_validated(meeting)
    if add_standing_items:
        agenda_standing_items_add(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_schedule_series(
    *,
    group: Group,
    first_date: datetime.date,
    count: int,
    start_time: datetime.time,
    end_time: datetime.time,
    location: str = "",
    online_link: str = "",
    closures: Iterable[datetime.date] | None = None,
) -> list[Meeting]:
    """Schedule `count` meetings from the group's frequency, all or none.

    Dates that fall on a weekend, an England bank holiday or a closure day move
    to the next working day (governance.scheduling explains why).
    """
    _check_group_meets(group)
    if end_time <= start_time:
        raise ValidationError({"end_time": "A meeting must end after it starts."})
    closures = frozenset(closures) if closures is not None else closure_days()
    days = series_dates(frequency=group.meeting_frequency, first=first_date, count=count, closures=closures)
    return [
        meeting_schedule(
            group=group,
            starts_at=local_datetime(day, start_time),
            ends_at=local_datetime(day, end_time),
            location=location,
            online_link=online_link,
        )
        for day in days
    ]


def _papers_recheck_lateness(meeting: Meeting) -> list[Paper]:
    """Re-judge each paper against the (moved) deadline with the pure rule; returns the changed."""
    changed = []
    for paper in Paper.objects.filter(agenda_item__meeting=meeting):
        late = is_paper_late(paper.submitted_at, meeting.paper_deadline)
        if late != paper.is_late:
            paper.is_late = late
            changed.append(paper)
    if changed:
        bulk_update_with_history(changed, Paper, ["is_late"], default_change_reason="Meeting rescheduled")
    return changed


@transaction.atomic
def meeting_reschedule(
    *,
    meeting: Meeting,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    location: str | None = None,
    online_link: str | None = None,
    chair=KEEP,
    minute_taker=KEEP,
    notify_members: bool = True,
) -> Meeting:
    """Move a meeting (or change its place, chair or minute-taker).

    The paper deadline is recomputed and every paper re-judged: a meeting moved
    later can make a late paper on time, one moved earlier can make it late.
    Members are told when a published meeting moves.
    """
    meeting = _lock(meeting)
    _check_not_cancelled(meeting, "moving it")
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting has been held; its date can no longer change.")
    moved = (starts_at, ends_at) != (meeting.starts_at, meeting.ends_at)
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    if location is not None:
        meeting.location = location
    if online_link is not None:
        meeting.online_link = online_link
    if chair is not KEEP:
        meeting.chair = chair
    if minute_taker is not KEEP:
        meeting.minute_taker = minute_taker
    if not meeting.location and not meeting.online_link:
        raise ValidationError({"location": "Give a place or an online link for the meeting."})
    meeting.paper_deadline = paper_deadline(starts_at=starts_at, days=meeting.group.paper_deadline_days)
    _save_validated(meeting)
    for paper in _papers_recheck_lateness(meeting):
        if paper.is_late:  # moved earlier: now late, so the partner's board member is told
            paper_escalate_late(paper=paper, occasion=meeting.paper_deadline.isoformat())
    if moved and notify_members and meeting.agenda_published_at:
        notify(
            messages.meeting_rescheduled(
                meeting=meeting, starts_at=starts_at, recipients=_member_people(meeting)
            )
        )
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str) -> Meeting:
    """Cancel with a reason; members are told. Cancelled meetings drop out of attendance figures."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason the meeting is cancelled."})
    meeting = _lock(meeting)
    _check_not_cancelled(meeting, "cancelling it again")
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting has been held, so it cannot be cancelled.")
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancellation_reason = reason
    _save_validated(meeting)
    notify(messages.meeting_cancelled(meeting=meeting, reason=reason, recipients=_member_people(meeting)))
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, today: datetime.date | None = None) -> Meeting:
    today = today or timezone.localdate()
    meeting = _lock(meeting)
    _check_not_cancelled(meeting, "marking it as held")
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting is already marked as held.")
    if _local_date(meeting) > today:
        raise ValidationError("A meeting can be marked as held only on or after its day.")
    meeting.status = MeetingStatus.HELD
    return _save_validated(meeting)


def _member_people(meeting: Meeting) -> list[Person]:
    return [
        membership.person
        for membership in _current_members(meeting.group, timezone.localdate()).select_related("person")
    ]


# The agenda ----------------------------------------------------------------


@dataclass
class AgendaTree:
    """The agenda as ordered lists: top-level items, and each item's sub-items."""

    top: list[AgendaItem]
    children: dict[int, list[AgendaItem]]

    def siblings_of(self, item: AgendaItem) -> list[AgendaItem]:
        return self.children[item.parent_id] if item.parent_id else self.top

    def all_items(self) -> list[AgendaItem]:
        ordered = []
        for item in self.top:
            ordered.append(item)
            if item.pk:
                ordered.extend(self.children.get(item.pk, []))
        return ordered


def _load_tree(meeting: Meeting) -> AgendaTree:
    """The agenda, locked for this transaction so two editors cannot interleave."""
    items = list(AgendaItem.objects.select_for_update().filter(meeting=meeting).order_by("sort_key", "pk"))
    tree = AgendaTree(top=[], children=defaultdict(list))
    for item in items:
        (tree.children[item.parent_id] if item.parent_id else tree.top).append(item)
    return tree


def _save_tree(tree: AgendaTree) -> None:
    """Write positions, numbers and sort keys from the lists' order, saving new items.

    Existing items that change place are first parked at temporary positions,
    so the unique (meeting, parent, position) constraint holds row by row.
    """
    changed: list[AgendaItem] = []
    new: list[AgendaItem] = []
    for index, item in enumerate(tree.top, start=1):
        _place(item, index, None, changed, new)
    for item in tree.top:
        if not item.pk:
            continue
        for index, sub in enumerate(tree.children.get(item.pk, []), start=1):
            _place(sub, index, item, changed, new)
    if changed:
        final = {item.pk: item.position for item in changed}
        for item in changed:
            item.position = TEMPORARY_POSITION_OFFSET + final[item.pk]
        AgendaItem.objects.bulk_update(changed, ["position"])
        for item in changed:
            item.position = final[item.pk]
    for item in new:
        _save_validated(item)
    if changed:
        bulk_update_with_history(
            changed, AgendaItem, ["position", "number", "sort_key"], default_change_reason="Agenda renumbered"
        )


def _place(item, index, parent, changed, new):
    number = f"{parent.number}.{index}" if parent else str(index)
    sort_key = f"{parent.sort_key}.{index:04d}" if parent else f"{index:04d}"
    if not item.pk:
        item.position, item.number, item.sort_key = index, number, sort_key
        new.append(item)
    elif (item.position, item.number, item.sort_key) != (index, number, sort_key):
        item.position, item.number, item.sort_key = index, number, sort_key
        changed.append(item)


def _check_agenda_editable(meeting: Meeting, doing: str, *, structural: bool = True) -> None:
    _check_not_cancelled(meeting, doing)
    if structural and meeting.status == MeetingStatus.HELD:
        raise ValidationError(
            f"This meeting has been held, so {doing} is no longer possible: "
            "the minutes and the action log quote its item numbers."
        )


def _default_insert_index(tree: AgendaTree) -> int:
    """New business goes before the closing standing items (messages, AOB, next meeting)."""
    for index, item in enumerate(tree.top):
        if item.standing_item in CLOSING_ITEMS:
            return index
    return len(tree.top)


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    parent: AgendaItem | None = None,
    presenter: Person | None = None,
    purpose: str = AgendaPurpose.INFORMATION,
    minutes_allowed: int | None = None,
    confidential: bool = False,
) -> AgendaItem:
    """Add an item (or, with `parent`, a sub-item at the end of that item's sub-items).

    A new top-level item goes before the closing standing items; once the
    meeting is held, only at the very end, so no number already quoted changes.
    """
    meeting = _lock(meeting)
    _check_agenda_editable(meeting, "adding to its agenda", structural=False)
    if parent is not None:
        if parent.meeting_id != meeting.pk:
            raise ValidationError({"parent": "That item belongs to another meeting's agenda."})
        if parent.parent_id:
            raise ValidationError({"parent": "Sub-items go one level deep (such as 2.1), not deeper."})
    tree = _load_tree(meeting)
    item = AgendaItem(
        meeting=meeting,
        parent=parent,
        title=(title or "").strip(),
        presenter=presenter,
        purpose=purpose,
        minutes_allowed=minutes_allowed,
        confidential=confidential,
    )
    if parent is not None:
        tree.children[parent.pk].append(item)
    elif meeting.status == MeetingStatus.HELD:
        tree.top.append(item)
    else:
        tree.top.insert(_default_insert_index(tree), item)
    _validate_new_item(item)
    _save_tree(tree)
    return item


def _validate_new_item(item: AgendaItem) -> None:
    if not item.title:
        raise ValidationError({"title": "Give the item a title."})
    # Position, number and sort key are worked out by _save_tree.
    item.full_clean(exclude=["position", "number", "sort_key"], validate_constraints=False)


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    title: str,
    presenter: Person | None = None,
    purpose: str = AgendaPurpose.INFORMATION,
    minutes_allowed: int | None = None,
    confidential: bool = False,
) -> AgendaItem:
    """Change what an item says; its place and number stay."""
    _check_agenda_editable(item.meeting, "changing its agenda", structural=False)
    item.title = (title or "").strip()
    if not item.title:
        raise ValidationError({"title": "Give the item a title."})
    item.presenter = presenter
    item.purpose = purpose
    item.minutes_allowed = minutes_allowed
    item.confidential = confidential
    return _save_validated(item)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str) -> AgendaItem:
    """Move an item one place "up" or "down" among its siblings; the agenda is renumbered.

    Sub-items move with their item.
    """
    if direction not in ("up", "down"):
        raise ValidationError("Move an item up or down.")
    meeting = _lock(item.meeting)
    _check_agenda_editable(meeting, "reordering its agenda")
    tree = _load_tree(meeting)
    siblings = tree.siblings_of(item)
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(siblings):
        raise ValidationError(
            f"Item {siblings[index].number} is already the {'first' if target < 0 else 'last'}."
        )
    siblings[index], siblings[target] = siblings[target], siblings[index]
    _save_tree(tree)
    return next(sibling for sibling in siblings if sibling.pk == item.pk)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Delete an item (and its sub-items); the agenda is renumbered.

    Refused for the "minutes of the previous meeting" item (where minutes are
    approved and the action log reviewed), for an item holding papers or
    decisions (withdraw or move them first: deleting would lose them silently),
    and once the meeting is held. Other standing items may go: not every group
    needs "matters arising" every time, and the secretariat can add them back.
    """
    meeting = _lock(item.meeting)
    _check_agenda_editable(meeting, "deleting agenda items")
    if item.standing_item in UNDELETABLE_STANDING_ITEMS:
        raise ValidationError(
            f"“{item.title}” stays on every agenda: "
            "the minutes are approved and the action log reviewed there."
        )
    family = AgendaItem.objects.filter(pk=item.pk) | AgendaItem.objects.filter(parent_id=item.pk)
    if Paper.objects.filter(agenda_item__in=family).exists():
        raise ValidationError("This item has papers: withdraw them, or move them to another item, first.")
    if Decision.objects.filter(agenda_item__in=family).exists():
        raise ValidationError("Decisions are recorded against this item, so it cannot be deleted.")
    item.delete()
    _save_tree(_load_tree(meeting))


def pending_ratification(*, meeting: Meeting):
    """Inquorate decisions of the group, taken at earlier meetings, not yet ratified."""
    return Decision.objects.filter(
        agenda_item__meeting__group_id=meeting.group_id,
        agenda_item__meeting__starts_at__lt=meeting.starts_at,
        needs_ratification=True,
        ratified_on__isnull=True,
    )


def _ratification_already_planned(meeting: Meeting) -> bool:
    """An earlier, still-to-be-held meeting of the group already carries a ratification item.

    Pending decisions go to the group's NEXT meeting, not to every meeting of a
    series scheduled at once.
    """
    pending = pending_ratification(meeting=meeting)
    latest = pending.order_by("-agenda_item__meeting__starts_at").values_list(
        "agenda_item__meeting__starts_at", flat=True
    )[:1]
    return AgendaItem.objects.filter(
        standing_item=StandingItem.RATIFICATION,
        meeting__group_id=meeting.group_id,
        meeting__status=MeetingStatus.SCHEDULED,
        meeting__starts_at__lt=meeting.starts_at,
        meeting__starts_at__gt=Subquery(latest),
    ).exists()


def _needs_ratification_item(meeting: Meeting) -> bool:
    return pending_ratification(meeting=meeting).exists() and not _ratification_already_planned(meeting)


def _standing_insert_index(tree: AgendaTree, key: str) -> int:
    """Where a missing standing item goes: opening items after the opening ones before them,
    closing items before the closing ones after them."""
    present = [item.standing_item for item in tree.top]
    if key in OPENING_ITEMS:
        before = set(STANDING_ORDER[: STANDING_ORDER.index(key)])
        indices = [index for index, standing in enumerate(present) if standing in before]
        return max(indices) + 1 if indices else 0
    after = set(STANDING_ORDER[STANDING_ORDER.index(key) + 1 :])
    indices = [index for index, standing in enumerate(present) if standing in after]
    return min(indices) if indices else len(tree.top)


@transaction.atomic
def agenda_standing_items_add(*, meeting: Meeting) -> list[AgendaItem]:
    """Add the group's standing items that the agenda lacks; returns those added.

    Welcome and apologies; minutes of the previous meeting and the action log;
    decisions for ratification (only while the group has inquorate decisions
    waiting); matters arising; messages to and from partnership groups, with a
    line for each active group reporting to this one; any other business; date
    of next meeting. Safe to run again: nothing is added twice.
    """
    meeting = _lock(meeting)
    _check_agenda_editable(meeting, "adding standing items")
    tree = _load_tree(meeting)
    present = {item.standing_item for item in tree.top if item.standing_item}
    added = []
    for key in STANDING_ORDER:
        if key in present:
            continue
        if key == StandingItem.RATIFICATION and not _needs_ratification_item(meeting):
            continue
        item = AgendaItem(
            meeting=meeting,
            title=StandingItem(key).label,
            standing_item=key,
            purpose=STANDING_PURPOSES.get(key, AgendaPurpose.INFORMATION),
            presenter=meeting.chair if key == StandingItem.WELCOME_APOLOGIES else None,
        )
        tree.top.insert(_standing_insert_index(tree, key), item)
        added.append(item)
    _save_tree(tree)
    added.extend(_add_message_lines(meeting, tree))
    return added


def _add_message_lines(meeting: Meeting, tree: AgendaTree) -> list[AgendaItem]:
    messages = next((item for item in tree.top if item.standing_item == StandingItem.MESSAGES), None)
    if messages is None:
        return []
    lines = tree.children[messages.pk]
    listed = {line.reporting_group_id for line in lines}
    added = []
    for group in meeting.group.reporting_groups.active().order_by("name"):
        if group.pk in listed:
            continue
        line = AgendaItem(
            meeting=meeting,
            parent=messages,
            title=group.name,
            reporting_group=group,
            purpose=AgendaPurpose.ASSURANCE,
        )
        lines.append(line)
        added.append(line)
    if added:
        _save_tree(tree)
    return added


@transaction.atomic
def agenda_ratification_item_ensure(*, meeting: Meeting) -> AgendaItem | None:
    """Put "decisions for ratification" on this meeting's agenda if decisions wait for it.

    For the decision services to call on the group's next meeting after an
    inquorate decision is recorded. Returns the item, or None when none is needed.
    """
    existing = meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).first()
    if existing is not None:
        return existing
    if meeting.status != MeetingStatus.SCHEDULED or not pending_ratification(meeting=meeting).exists():
        return None
    meeting = _lock(meeting)
    tree = _load_tree(meeting)
    item = AgendaItem(
        meeting=meeting,
        title=StandingItem.RATIFICATION.label,
        standing_item=StandingItem.RATIFICATION,
        purpose=AgendaPurpose.DECISION,
    )
    tree.top.insert(_standing_insert_index(tree, StandingItem.RATIFICATION), item)
    _save_tree(tree)
    return item


def group_next_meeting(*, group: Group, after: datetime.datetime) -> Meeting | None:
    return Meeting.objects.filter(group=group, status=MeetingStatus.SCHEDULED, starts_at__gt=after).first()


@transaction.atomic
def agenda_publish(*, meeting: Meeting, now: datetime.datetime | None = None) -> Meeting:
    """Publish the agenda: members see it and are told (once)."""
    meeting = _lock(meeting)
    _check_not_cancelled(meeting, "publishing its agenda")
    if meeting.agenda_published_at:
        published = timezone.localtime(meeting.agenda_published_at)
        raise ValidationError(f"The agenda was already published on {published:%-d %b %Y}.")
    if not meeting.agenda_items.exists():
        raise ValidationError("The agenda has no items yet.")
    meeting.agenda_published_at = now or timezone.now()
    _save_validated(meeting)
    notify(messages.agenda_published(meeting=meeting, recipients=_member_people(meeting)))
    return meeting


# Attendance ----------------------------------------------------------------


@dataclass
class AttendanceLine:
    """One line of the attendance page: a saved row, or one pre-filled from membership."""

    person: Person
    agency: Agency
    is_member: bool
    status: str
    role: str = ""
    deputy_for: Person | None = None
    apology_reason: str = ""
    apology_valid: bool | None = None
    arrived_for_item_id: int | None = None
    arrived_at: datetime.time | None = None
    left_before_item_id: int | None = None
    left_at: datetime.time | None = None
    recorded: bool = False


def attendance_prefill(*, meeting: Meeting, today: datetime.date | None = None) -> list[AttendanceLine]:
    """The attendance page's lines: recorded rows, then everyone else on the membership.

    Nothing is written until the page is saved. Members not yet marked default
    to "absent without apologies", never to "present": an unmarked list must not
    make a meeting look quorate. The meeting's minute-taker defaults to "in
    attendance"; deputies and people invited "in attendance" default to "not at
    this meeting" (an empty status), because they come only when asked.
    Two queries.
    """
    on = today or _local_date(meeting)
    recorded = {
        row.person_id: row
        for row in Attendance.objects.filter(meeting=meeting).select_related("person", "agency", "deputy_for")
    }
    lines = []
    memberships = sorted(
        _current_members(meeting.group, on).select_related("person", "agency", "deputy_for"),
        key=lambda m: (m.agency.statutory_role is None, m.agency.name, m.person.name),
    )
    seen = set()
    for membership in memberships:
        person = membership.person
        if person.pk in seen:  # several roles in one group: one line
            continue
        seen.add(person.pk)
        row = recorded.pop(person.pk, None)
        if row is not None:
            lines.append(_line_from_row(row, role=membership.get_role_display()))
            continue
        is_member = membership.role not in NON_MEMBER_ROLES
        status: str
        if meeting.minute_taker_id == person.pk:
            status = AttendanceStatus.IN_ATTENDANCE
        else:
            status = AttendanceStatus.ABSENT if is_member else ""
        lines.append(
            AttendanceLine(
                person=person,
                agency=membership.agency,
                is_member=is_member,
                status=status,
                role=membership.get_role_display(),
                deputy_for=membership.deputy_for,
            )
        )
    if (
        meeting.minute_taker_id is not None
        and meeting.minute_taker_id not in seen
        and meeting.minute_taker_id not in recorded
    ):
        minute_taker = Person.objects.select_related("agency").get(pk=meeting.minute_taker_id)
        lines.append(
            AttendanceLine(
                person=minute_taker,
                agency=minute_taker.agency,
                is_member=False,
                status=AttendanceStatus.IN_ATTENDANCE,
                role="Minute-taker",
            )
        )
    lines.extend(_line_from_row(row) for row in sorted(recorded.values(), key=lambda r: r.person.name))
    return lines


def _line_from_row(row: Attendance, role: str = "") -> AttendanceLine:
    return AttendanceLine(
        person=row.person,
        agency=row.agency,
        is_member=row.is_member,
        status=row.status,
        role=role,
        deputy_for=row.deputy_for,
        apology_reason=row.apology_reason,
        apology_valid=row.apology_valid,
        arrived_for_item_id=row.arrived_for_item_id,
        arrived_at=row.arrived_at,
        left_before_item_id=row.left_before_item_id,
        left_at=row.left_at,
        recorded=True,
    )


def _member_agency(meeting: Meeting, person: Person) -> Agency:
    """The agency a person represents in the meeting's group (their own unless stated)."""
    membership = (
        _current_members(meeting.group, _local_date(meeting))
        .filter(person=person)
        .exclude(role__in=NON_MEMBER_ROLES)
        .select_related("agency")
        .first()
    )
    return membership.agency if membership else person.agency


def _is_group_member(meeting: Meeting, person: Person) -> bool:
    return (
        _current_members(meeting.group, _local_date(meeting))
        .filter(person=person)
        .exclude(role__in=NON_MEMBER_ROLES)
        .exists()
    )


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    person: Person,
    status: str,
    agency: Agency | None = None,
    is_member: bool | None = None,
    deputy_for: Person | None = None,
    apology_reason: str = "",
    apology_valid: bool | None = None,
    arrived_for_item: AgendaItem | None = None,
    arrived_at: datetime.time | None = None,
    left_before_item: AgendaItem | None = None,
    left_at: datetime.time | None = None,
) -> Attendance:
    """Record (or correct) one person's attendance at a meeting.

    - present / deputy / in attendance: may name the item they arrived for and
      the item they left before (quoracy is judged per item from these);
    - apologies: with the reason and whether it is a valid one;
    - deputy: names the member they stand in for, who must represent the same
      agency; the deputy then counts for that agency;
    - absent: without apologies.
    """
    _check_not_cancelled(meeting, "recording attendance")
    if status not in AttendanceStatus.values:
        raise ValidationError({"status": "Choose how this person attended."})
    errors: dict[str, str] = {}
    attending = status in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY, AttendanceStatus.IN_ATTENDANCE)
    if status == AttendanceStatus.DEPUTY:
        if deputy_for is None:
            errors["deputy_for"] = "Name the member this deputy attends for."
        elif deputy_for.pk == person.pk:
            errors["deputy_for"] = "A person cannot deputise for themselves."
        else:
            member_agency = _member_agency(meeting, deputy_for)
            own_agency = agency or person.agency
            if own_agency.pk != member_agency.pk:
                errors["deputy_for"] = (
                    f"A deputy must be from the same agency as the member they stand in for: "
                    f"{deputy_for} represents {member_agency.label}, {person} is from {own_agency.label}."
                )
            agency = member_agency
    else:
        deputy_for = None
    if status != AttendanceStatus.APOLOGIES:
        apology_reason, apology_valid = "", None
    if not attending:
        arrived_for_item = left_before_item = None
        arrived_at = left_at = None
    for field, item in (("arrived_for_item", arrived_for_item), ("left_before_item", left_before_item)):
        if item is not None and item.meeting_id != meeting.pk:
            errors[field] = "That item is on another meeting's agenda."
    if (
        arrived_for_item
        and left_before_item
        and "arrived_for_item" not in errors
        and "left_before_item" not in errors
        and left_before_item.sort_key <= arrived_for_item.sort_key
    ):
        errors["left_before_item"] = (
            f"They cannot leave before item {left_before_item.number} if they arrived for item "
            f"{arrived_for_item.number}."
        )
    if arrived_at and left_at and left_at <= arrived_at:
        errors["left_at"] = "The time they left must be after the time they arrived."
    if errors:
        raise ValidationError(errors)
    row = Attendance.objects.filter(meeting=meeting, person=person).first() or Attendance(
        meeting=meeting, person=person
    )
    row.status = status
    row.agency = agency or _member_agency(meeting, person)
    row.is_member = _is_group_member(meeting, person) if is_member is None else is_member
    row.deputy_for = deputy_for
    row.apology_reason = (apology_reason or "").strip()
    row.apology_valid = apology_valid
    row.arrived_for_item = arrived_for_item
    row.arrived_at = arrived_at
    row.left_before_item = left_before_item
    row.left_at = left_at
    return _save_validated(row)


@transaction.atomic
def attendance_remove(*, meeting: Meeting, person: Person) -> None:
    """Take someone off the attendance list (recorded in error, or not at this meeting)."""
    _check_not_cancelled(meeting, "changing attendance")
    for row in Attendance.objects.filter(meeting=meeting, person=person):
        row.delete()


class AttendanceLinesError(ValidationError):
    """Errors of several attendance lines, by their index in the submitted list."""

    def __init__(self, line_errors: Mapping[int, ValidationError]):
        self.line_errors = dict(line_errors)
        super().__init__("Some attendance lines need correcting.")


@transaction.atomic
def attendance_record_lines(*, meeting: Meeting, lines: list[dict]) -> list[Attendance]:
    """Record a whole attendance page at once: all lines or none.

    Each line holds attendance_record's arguments (without `meeting`); a line
    whose status is empty takes that person off the list.
    """
    saved, errors = [], {}
    for index, line in enumerate(lines):
        try:
            with transaction.atomic():
                if line.get("status"):
                    saved.append(attendance_record(meeting=meeting, **line))
                else:
                    attendance_remove(meeting=meeting, person=line["person"])
        except ValidationError as error:
            errors[index] = error
    if errors:
        raise AttendanceLinesError(errors)
    return saved
