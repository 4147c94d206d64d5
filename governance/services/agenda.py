"""The agenda: items and sub-items, standing items, ratification, publishing.

Agenda numbering: items are numbered 1, 2, 3 and sub-items 2.1, 2.2 (one level
deep). `number` and `sort_key` ("0002.0001") are rewritten for the whole agenda
whenever an item is added, moved or deleted, so the printed numbers always
follow the order. Actions quote the number in their own stored reference
("23.10.19 ref 4.1"), so once a meeting is held its agenda is frozen against
moves and deletions: the minutes and the action log already quote its numbers.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from governance import notifications as messages
from governance.agenda_rules import item_number
from governance.choices import AgendaSubNumbering
from governance.models import (
    AgendaItem,
    AgendaPurpose,
    Decision,
    Group,
    Meeting,
    MeetingStatus,
    Paper,
    Person,
    StandingItem,
)
from governance.services.common import (
    check_not_cancelled,
    check_record_open,
    lock_meeting,
    member_people,
    save_validated,
)
from notifications.services import notify

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


# The agenda ----------------------------------------------------------------


@dataclass
class AgendaTree:
    """The agenda as ordered lists: top-level items, and each item's sub-items."""

    top: list[AgendaItem]
    children: dict[int, list[AgendaItem]]
    # The group numbers sub-items 2a, 2b rather than 2.1, 2.2 (issue 10 point 11).
    letters: bool = False

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
    letters = (
        Group.objects.filter(pk=meeting.group_id).values_list("agenda_sub_numbering", flat=True).first()
        == AgendaSubNumbering.LETTERS
    )
    tree = AgendaTree(top=[], children=defaultdict(list), letters=letters)
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
    for parent, siblings in [(None, tree.top)] + [
        (item, tree.children.get(item.pk, [])) for item in tree.top if item.pk
    ]:
        ordinal = 0
        for index, item in enumerate(siblings, start=1):
            # An unnumbered item (Welcome) takes no number: the next numbered one is 1.
            ordinal += 1 if item.numbered else 0
            number = item_number(
                ordinal=ordinal if item.numbered else None,
                parent_number=parent.number if parent else None,
                letters=tree.letters,
            )
            _place(item, index, parent, number, changed, new)
    if changed:
        final = {item.pk: item.position for item in changed}
        for item in changed:
            item.position = TEMPORARY_POSITION_OFFSET + final[item.pk]
        AgendaItem.objects.bulk_update(changed, ["position"])
        for item in changed:
            item.position = final[item.pk]
    for item in new:
        save_validated(item)
    if changed:
        bulk_update_with_history(
            changed, AgendaItem, ["position", "number", "sort_key"], default_change_reason="Agenda renumbered"
        )


def _place(item, index, parent, number, changed, new):
    sort_key = f"{parent.sort_key}.{index:04d}" if parent else f"{index:04d}"
    if not item.pk:
        item.position, item.number, item.sort_key = index, number, sort_key
        new.append(item)
    elif (item.position, item.number, item.sort_key) != (index, number, sort_key):
        item.position, item.number, item.sort_key = index, number, sort_key
        changed.append(item)


def _check_agenda_editable(meeting: Meeting, doing: str, *, structural: bool = True) -> None:
    check_not_cancelled(meeting, doing)
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
    numbered: bool = True,
) -> AgendaItem:
    """Add an item (or, with `parent`, a sub-item at the end of that item's sub-items);
    `numbered=False` for an item that takes no number, such as Welcome (seed 003).

    A new top-level item goes before the closing standing items; once the
    meeting is held, only at the very end, so no number already quoted changes.
    """
    meeting = lock_meeting(meeting)
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
        numbered=numbered,
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
    """Change what an item says; its place and number stay. Locked once the minutes are approved."""
    _check_agenda_editable(item.meeting, "changing its agenda", structural=False)
    check_record_open(item.meeting, "changing what its agenda items say")
    item.title = (title or "").strip()
    if not item.title:
        raise ValidationError({"title": "Give the item a title."})
    item.presenter = presenter
    item.purpose = purpose
    item.minutes_allowed = minutes_allowed
    item.confidential = confidential
    return save_validated(item)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str) -> AgendaItem:
    """Move an item one place "up" or "down" among its siblings; the agenda is renumbered.

    Sub-items move with their item.
    """
    if direction not in ("up", "down"):
        raise ValidationError("Move an item up or down.")
    meeting = lock_meeting(item.meeting)
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
    meeting = lock_meeting(item.meeting)
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
    meeting = lock_meeting(meeting)
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
    meeting = lock_meeting(meeting)
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
    meeting = lock_meeting(meeting)
    check_not_cancelled(meeting, "publishing its agenda")
    if meeting.agenda_published_at:
        published = timezone.localtime(meeting.agenda_published_at)
        raise ValidationError(f"The agenda was already published on {published:%-d %b %Y}.")
    if not meeting.agenda_items.exists():
        raise ValidationError("The agenda has no items yet.")
    meeting.agenda_published_at = now or timezone.now()
    save_validated(meeting)
    notify(
        messages.agenda_published(
            meeting=meeting, recipients=member_people(meeting, today=timezone.localdate(now))
        )
    )
    return meeting
