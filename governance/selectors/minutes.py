"""Read queries for decisions and minutes, each a fixed number of SQL queries.

Who sees which minutes:
- those who manage the meeting (the secretariat, the group's chair) see them at
  every stage, confidential items included;
- members of the group see them once circulated, confidential items included;
- everyone with a role in the partnership sees PUBLISHED minutes, with
  confidential items left out unless they may see them.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from governance.action_rules import log_place, owner_initials
from governance.agenda_rules import confidential_item_ids
from governance.models import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesAmendment,
    MinutesStatus,
    Person,
    StandingItem,
)
from governance.permissions import (
    chaired_group_ids,
    is_member_of_meeting_group,
    is_staff_of_partnership,
    member_group_ids,
)
from governance.quoracy import Quoracy
from governance.selectors.actions import actions_reviewed_at, with_log_place
from governance.selectors.meetings import (
    item_quoracy,
    meeting_quoracy,
    next_meeting_start,
    with_quoracy_facts,
)

FULL = "full"
PUBLISHED = "published"


# Decisions ------------------------------------------------------------------


def decisions_awaiting_ratification(group, *, before: datetime.datetime | None = None) -> QuerySet[Decision]:
    """Key decisions the group took while inquorate and has not yet ratified.

    `before`: only decisions from meetings that started before then (the
    meeting that will ratify them). One query when evaluated.
    """
    decisions = Decision.objects.filter(
        agenda_item__meeting__group=group, needs_ratification=True, ratified_on__isnull=True
    ).exclude(agenda_item__meeting__status=MeetingStatus.CANCELLED)
    if before is not None:
        decisions = decisions.filter(agenda_item__meeting__starts_at__lt=before)
    return decisions.select_related("agenda_item__meeting__group").order_by(
        "agenda_item__meeting__starts_at", "agenda_item__sort_key", "created_at"
    )


# Access ---------------------------------------------------------------------


def minutes_access(user, *, meeting: Meeting, minutes: Minutes | None) -> str | None:
    """FULL, PUBLISHED or None: what this user may read of the meeting's minutes."""
    if user.has_perm("governance.manage_meeting", meeting):
        return FULL
    if minutes is None:
        return None
    if minutes.status != MinutesStatus.DRAFT and is_member_of_meeting_group(user, meeting):
        return FULL
    if minutes.published_at is not None and user.has_perm("governance.view_partnership"):
        return PUBLISHED
    return None


def minutes_visible_to(user) -> QuerySet[Minutes]:
    """The minutes this user may open, newest meeting first, for the minutes list."""
    minutes = Minutes.objects.select_related("meeting__group").order_by("-meeting__starts_at")
    if is_staff_of_partnership(user):
        return minutes
    visible = Q(meeting__group_id__in=chaired_group_ids(user)) | Q(
        meeting__group_id__in=member_group_ids(user),
        status__in=[MinutesStatus.CIRCULATED, MinutesStatus.APPROVED],
    )
    if user.has_perm("governance.view_partnership"):
        visible |= Q(published_at__isnull=False)
    return minutes.filter(visible)


# The minutes document -------------------------------------------------------


@dataclass
class ItemMinutes:
    item: AgendaItem
    hidden: bool
    quoracy: Quoracy
    decisions: list[Decision]
    actions: list[Action]
    amendments: list[MinutesAmendment]


@dataclass
class AttendanceLine:
    attendance: Attendance
    deputy: Attendance | None = None  # for apologies: who came in their place
    is_minute_taker: bool = False


@dataclass
class MinutesDocument:
    meeting: Meeting
    minutes: Minutes | None
    include_confidential: bool
    items: list[ItemMinutes]
    quoracy: Quoracy
    present: list[AttendanceLine] = field(default_factory=list)
    in_attendance: list[AttendanceLine] = field(default_factory=list)
    apologies: list[AttendanceLine] = field(default_factory=list)
    absent: list[AttendanceLine] = field(default_factory=list)
    amendments: list[MinutesAmendment] = field(default_factory=list)
    actions_reviewed: list = field(default_factory=list)
    # When the group's next meeting after this one starts, for the "Date of next meeting" item.
    next_meeting_at: datetime.datetime | None = None

    @property
    def visible_items(self) -> list[ItemMinutes]:
        return [entry for entry in self.items if not entry.hidden]

    @property
    def confidential_left_out(self) -> int:
        return sum(1 for entry in self.items if entry.hidden)

    @property
    def decisions(self) -> list[Decision]:
        return [decision for entry in self.visible_items for decision in entry.decisions]


def _agenda_with_minutes(meeting: Meeting) -> list[AgendaItem]:
    """The whole agenda in order, with each item's decisions and agreed actions (four queries)."""
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("ratified_at_item__meeting__group").order_by(
                    "created_at"
                ),
            ),
            Prefetch(
                "actions_agreed",
                # Hand-overs read in the same query: an action handed on since is minuted under
                # the number it had here (issue 10 point 9).
                queryset=with_log_place(
                    Action.objects.select_related("owner_group"), group_id=meeting.group_id
                )
                .order_by("number")
                .prefetch_related(Prefetch("owners", queryset=Person.objects.order_by("name"))),
            ),
        )
        .order_by("sort_key")
    )


def _with_initials(actions, *, group_id: int) -> list[Action]:
    """Each action with its owners' initials, as the minutes show them at the side ("EF/KW/PG"),
    and its place in the meeting's group's log (its number there, and where it was handed)."""
    rows = list(actions)
    for action in rows:
        action.initials = owner_initials(action.owners.all(), group=action.owner_group)
        action.place = log_place(
            number=action.number,
            in_this_group=action.group_id == group_id,
            given_number=getattr(action, "given_number", None),
            handed_to_label=getattr(action, "handed_to_short", "") or getattr(action, "handed_to_name", ""),
            handed_to_number=getattr(action, "handed_to_number", None),
        )
    rows.sort(key=lambda action: action.place.number)
    return rows


def _attendance_lines(meeting: Meeting, attendance: list[Attendance]) -> dict[str, list[AttendanceLine]]:
    deputies = {line.deputy_for_id: line for line in attendance if line.status == AttendanceStatus.DEPUTY}
    groups: dict[str, list[AttendanceLine]] = {
        "present": [],
        "in_attendance": [],
        "apologies": [],
        "absent": [],
    }
    for line in attendance:
        entry = AttendanceLine(attendance=line, is_minute_taker=line.person_id == meeting.minute_taker_id)
        if line.status in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY):
            groups["present"].append(entry)
        elif line.status == AttendanceStatus.IN_ATTENDANCE:
            groups["in_attendance"].append(entry)
        elif line.status == AttendanceStatus.APOLOGIES:
            entry.deputy = deputies.get(line.person_id)
            groups["apologies"].append(entry)
        elif line.status == AttendanceStatus.NOT_RECORDED:
            continue  # neither there nor absent: the meeting page asks for it, the minutes say nothing
        else:
            groups["absent"].append(entry)
    # The minute-taker is listed last among those in attendance, as in seed 003.
    groups["in_attendance"].sort(key=lambda entry: not entry.is_minute_taker)
    return groups


def actions_reviewed(meeting: Meeting) -> list[Action]:
    """The action log reviewed at the meeting, from the action log's own selector."""
    return actions_reviewed_at(meeting)


def minutes_document(
    *, meeting: Meeting, include_confidential: bool, with_actions_reviewed: bool = True
) -> MinutesDocument:
    """Everything the minutes show, for the editor, the minutes page and the PDF.

    A fixed number of queries whatever the number of items, attendees,
    decisions, actions and amendments.
    """
    meeting = (
        Meeting.objects.select_related("group", "chair__agency", "minute_taker__agency")
        .annotate(next_meeting_at=next_meeting_start())
        .get(pk=meeting.pk)
    )
    minutes = (
        Minutes.objects.filter(meeting=meeting)
        .select_related("approved_at_item__meeting__group", "approval_decision__ratified_at_item__meeting")
        .first()
    )
    agenda = _agenda_with_minutes(meeting)
    attendance = list(
        with_quoracy_facts(Attendance.objects.filter(meeting=meeting), meeting=meeting).select_related(
            "person", "agency", "deputy_for", "arrived_for_item", "left_before_item"
        )
    )
    amendments = []
    if minutes is not None:
        amendments = list(
            minutes.amendments.select_related(
                "agenda_item",
                "person",
                "requested_by",
                "recorded_by__person",
                "made_at_item__meeting__group",
            ).order_by("created_at")
        )
    hidden = set() if include_confidential else confidential_item_ids(agenda)
    amendments_by_item: dict[int, list[MinutesAmendment]] = {}
    for amendment in amendments:
        if amendment.agenda_item_id is not None:  # an attendance correction belongs to no item
            amendments_by_item.setdefault(amendment.agenda_item_id, []).append(amendment)
    items = [
        ItemMinutes(
            item=item,
            hidden=item.pk in hidden,
            quoracy=item_quoracy(meeting=meeting, item=item, attendance=attendance, items=agenda),
            decisions=list(item.decisions.all()),
            actions=_with_initials(item.actions_agreed.all(), group_id=meeting.group_id),
            amendments=amendments_by_item.get(item.pk, []),
        )
        for item in agenda
    ]
    document = MinutesDocument(
        meeting=meeting,
        minutes=minutes,
        include_confidential=include_confidential,
        items=items,
        quoracy=meeting_quoracy(meeting=meeting, attendance=attendance),
        amendments=[amendment for amendment in amendments if amendment.agenda_item_id not in hidden],
        actions_reviewed=actions_reviewed(meeting) if with_actions_reviewed else [],
        next_meeting_at=meeting.next_meeting_at,
        **_attendance_lines(meeting, attendance),
    )
    return document


# Approving and ratifying at a later meeting ---------------------------------


def minutes_awaiting_approval(*, at_item: AgendaItem) -> list[Minutes]:
    """Circulated minutes of the group's earlier meetings, most recent first (one query)."""
    meeting = at_item.meeting
    return list(
        Minutes.objects.filter(
            meeting__group_id=meeting.group_id,
            meeting__starts_at__lt=meeting.starts_at,
            status=MinutesStatus.CIRCULATED,
        )
        .select_related("meeting__group")
        .order_by("-meeting__starts_at")
    )


def approval_items_for(*, minutes: Minutes) -> list[AgendaItem]:
    """The "minutes of the previous meeting" items of the group's later meetings (one query)."""
    meeting = minutes.meeting
    return list(
        AgendaItem.objects.filter(
            meeting__group_id=meeting.group_id,
            meeting__starts_at__gt=meeting.starts_at,
            standing_item=StandingItem.PREVIOUS_MINUTES,
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .select_related("meeting__group")
        .order_by("meeting__starts_at")[:3]
    )
