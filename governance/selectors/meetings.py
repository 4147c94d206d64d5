"""Read queries for meetings, agendas and attendance, each a fixed number of SQL queries.

Also the adapter from Attendance rows to the pure quoracy rule
(governance.quoracy): the meeting page, the minutes and the decisions all
judge quoracy through `meeting_quoracy` and `item_quoracy`.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from core.models import PartnershipSettings
from core.partnership import first_defaults, partnership_settings
from governance.agenda_rules import without_confidential
from governance.choices import NON_MEMBER_ROLES
from governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Group,
    Meeting,
    Membership,
    MembershipRole,
    Minutes,
    MinutesStatus,
    Paper,
    Person,
    StandingItem,
)
from governance.permissions import (
    is_partner_reader,
    is_staff_of_partnership,
    may_see_draft_agenda,
    member_group_ids,
)
from governance.quoracy import Presence, Quoracy, judge_quoracy


def agenda_items_in_order(*, meeting: Meeting) -> list[AgendaItem]:
    """Every item of the agenda, sub-items included, in printed order (one query)."""
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("sort_key"))


def with_quoracy_facts(attendance: QuerySet[Attendance], *, meeting: Meeting) -> QuerySet[Attendance]:
    """Annotate what the quoracy rule needs beyond the line itself (no extra query).

    `deputy_registered`: the deputy holds a deputy membership of the group, current on the
    meeting's day, naming the member they attend for; `deputised_member`: that member is
    a current member of the group for the agency the deputy represents. Whether a line is
    a member's is stored on it (Attendance.is_member, judged from the membership when
    recorded).
    """
    current = Membership.objects.current(meeting.local_date).filter(group_id=meeting.group_id)
    return attendance.annotate(
        # The partnership's default counting rule, read in the same query (None: never saved).
        partnership_counting=Subquery(
            PartnershipSettings.objects.filter(pk=PartnershipSettings.SINGLETON_PK).values("quorum_counting")
        ),
        deputy_registered=Exists(
            current.filter(
                person=OuterRef("person"), role=MembershipRole.DEPUTY, deputy_for=OuterRef("deputy_for")
            )
        ),
        deputised_member=Exists(
            current.filter(person=OuterRef("deputy_for"), agency=OuterRef("agency")).exclude(
                role__in=NON_MEMBER_ROLES
            )
        ),
    )


def with_quoracy_facts_across_meetings(attendance: QuerySet[Attendance]) -> QuerySet[Attendance]:
    """`with_quoracy_facts` for lines of many meetings at once (dashboards: the quoracy record of
    a year), each judged against memberships current on its own meeting's day; no extra query.
    The facts are read for deputies' lines only, the only lines the rule asks them of (on SQLite
    each look-up converts the meeting's time to a local date in Python, row by row)."""
    attendance = attendance.annotate(meeting_day=TruncDate("meeting__starts_at"))
    current = Membership.objects.filter(
        group_id=OuterRef("meeting__group_id"), start_date__lte=OuterRef("meeting_day")
    ).filter(Q(end_date__isnull=True) | Q(end_date__gt=OuterRef("meeting_day")))

    def for_deputies(fact: Exists) -> Case:
        return Case(
            When(status=AttendanceStatus.DEPUTY, then=fact), default=Value(False), output_field=BooleanField()
        )

    return attendance.annotate(
        partnership_counting=Subquery(
            PartnershipSettings.objects.filter(pk=PartnershipSettings.SINGLETON_PK).values("quorum_counting")
        ),
        deputy_registered=for_deputies(
            Exists(
                current.filter(
                    person=OuterRef("person"), role=MembershipRole.DEPUTY, deputy_for=OuterRef("deputy_for")
                )
            )
        ),
        deputised_member=for_deputies(
            Exists(
                current.filter(person=OuterRef("deputy_for"), agency=OuterRef("agency")).exclude(
                    role__in=NON_MEMBER_ROLES
                )
            )
        ),
    )


def quorum_counting_of(group: Group, attendance: Iterable[Attendance] = ()) -> str:
    """Who counts towards quoracy at the group's meetings: its own rule, else the partnership's
    default (settings page), read from the lines `with_quoracy_facts` annotated (no query), else
    read once (at most one query per request)."""
    if group.quorum_counting:
        return group.quorum_counting
    for line in attendance:
        if hasattr(line, "partnership_counting"):
            return line.partnership_counting or first_defaults().quorum_counting
        break
    return partnership_settings().quorum_counting


def _presence(line: Attendance, position_of: dict[int | None, int] | None = None) -> Presence:
    return Presence(
        status=line.status,
        statutory_role=line.agency.statutory_role or None,
        arrived_for=position_of.get(line.arrived_for_item_id) if position_of else None,
        left_before=position_of.get(line.left_before_item_id) if position_of else None,
        member=line.is_member,
        registered_deputy=bool(
            getattr(line, "deputy_registered", False) and getattr(line, "deputised_member", False)
        ),
    )


def attendance_for_quoracy(*, meeting: Meeting) -> list[Attendance]:
    lines = with_quoracy_facts(Attendance.objects.filter(meeting=meeting), meeting=meeting)
    return list(lines.select_related("agency"))


def presences(*, attendance: Iterable[Attendance], items: Sequence[AgendaItem]) -> list[Presence]:
    """Reduce attendance lines to what the quoracy rule needs.

    An item's position is its index in agenda order (sort_key), so "left before
    item 5" excludes them from item 5 and every later item, sub-items included.
    """
    position_of: dict[int | None, int] = {item.pk: index for index, item in enumerate(items)}
    return [_presence(line, position_of) for line in attendance]


def meeting_quoracy(*, meeting: Meeting, attendance: Iterable[Attendance] | None = None) -> Quoracy:
    """Was the meeting quorate, judged from everyone who attended at any point?

    Pass `attendance` (with `agency` selected) when the page already holds it;
    otherwise one query reads it.
    """
    if attendance is None:
        attendance = attendance_for_quoracy(meeting=meeting)
    attendance = list(attendance)
    lines = [_presence(line) for line in attendance]
    return judge_quoracy(
        rule=meeting.group.quorum_rule,
        presences=lines,
        counting=quorum_counting_of(meeting.group, attendance),
    )


def item_quoracy(
    *,
    meeting: Meeting,
    item: AgendaItem,
    attendance: Iterable[Attendance] | None = None,
    items: Sequence[AgendaItem] | None = None,
) -> Quoracy:
    """Was the meeting quorate for this agenda item, given arrivals and departures?

    Pass `attendance` and `items` (the whole agenda in order) when judging many
    items on one page, so the page stays at a fixed number of queries.
    """
    if attendance is None:
        attendance = attendance_for_quoracy(meeting=meeting)
    if items is None:
        items = agenda_items_in_order(meeting=meeting)
    attendance = list(attendance)
    position = next((index for index, other in enumerate(items) if other.pk == item.pk), None)
    if position is None:
        raise ValueError(f"Agenda item {item.pk} is not on the agenda of meeting {meeting.pk}.")
    return judge_quoracy(
        rule=meeting.group.quorum_rule,
        presences=presences(attendance=attendance, items=items),
        at_position=position,
        counting=quorum_counting_of(meeting.group, attendance),
    )


# Lists ---------------------------------------------------------------------


def sees_every_meeting(user) -> bool:
    return is_staff_of_partnership(user) or is_partner_reader(user)


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """Staff and partner readers see every meeting; members their groups'; others none."""
    meetings = Meeting.objects.all()
    if sees_every_meeting(user):
        return meetings
    return meetings.filter(group_id__in=member_group_ids(user))


def groups_with_meetings_visible_to(user) -> QuerySet[Group]:
    groups = Group.objects.all()
    if not sees_every_meeting(user):
        groups = groups.filter(pk__in=member_group_ids(user))
    return groups.order_by("name")


def meetings_for_list(*, user, now: datetime.datetime | None = None, past: bool = False) -> QuerySet[Meeting]:
    """Upcoming meetings soonest first (cancelled ones included, marked), or past ones latest first."""
    now = now or timezone.now()
    meetings = (
        meetings_visible_to(user).select_related("group", "chair").annotate(item_count=Count("agenda_items"))
    )
    if past:
        return meetings.filter(starts_at__lt=now).order_by("-starts_at")
    return meetings.filter(starts_at__gte=now).order_by("starts_at")


def upcoming_meetings_for_person(
    *, person: Person, now: datetime.datetime | None = None, limit: int = 10
) -> list[Meeting]:
    """The meetings of the groups a person sits on now, soonest first (one query)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    groups = Membership.objects.current(today).filter(person=person).values("group_id")
    return list(
        Meeting.objects.upcoming(now)
        .filter(group_id__in=groups)
        .select_related("group")
        .order_by("starts_at")[:limit]
    )


def group_next_meetings(
    *, group: Group, now: datetime.datetime | None = None, limit: int = 3
) -> list[Meeting]:
    now = now or timezone.now()
    return list(Meeting.objects.upcoming(now).filter(group=group).order_by("starts_at")[:limit])


# The meeting page ------------------------------------------------------------


ATTENDANCE_SECTIONS = (
    (AttendanceStatus.PRESENT, "Present"),
    (AttendanceStatus.DEPUTY, "Deputies"),
    (AttendanceStatus.IN_ATTENDANCE, "In attendance"),
    (AttendanceStatus.APOLOGIES, "Apologies"),
    (AttendanceStatus.ABSENT, "Absent without apologies"),
    (AttendanceStatus.NOT_RECORDED, "Not yet recorded"),
)


@dataclass
class AttendanceSection:
    status: str
    label: str
    lines: list[Attendance]


@dataclass
class MeetingPage:
    meeting: Meeting
    items: list[AgendaItem]
    hidden_items: int
    attendance: list[Attendance]
    attendance_sections: list[AttendanceSection]
    quoracy: Quoracy | None
    pending_ratification: list[Decision] = field(default_factory=list)
    # For "minutes of the previous meeting": how many meetings of the group came before (none:
    # its first meeting, with no minutes to approve); for "date of next meeting": when it is.
    earlier_meetings: int = 0
    next_meeting_at: datetime.datetime | None = None
    # The minutes are approved: attendance, decisions and item texts are locked (issue 10).
    record_locked: bool = False
    # The first item at which the meeting was not quorate, when it was quorate overall
    # (someone left early or came late): "not quorate from item 5".
    inquorate_from: AgendaItem | None = None
    # A draft agenda the user may not see yet (issue 9): only its runners and presenters do.
    draft_held_back: bool = False


def meeting_with_details(pk: int) -> Meeting:
    return Meeting.objects.select_related("group", "chair", "minute_taker", "minutes").get(pk=pk)


def meeting_with_group(pk: int) -> Meeting:
    return Meeting.objects.select_related("group").get(pk=pk)


def agenda_item_with_meeting(pk: int, **filters) -> AgendaItem:
    """An agenda item with its meeting and group (one query); `filters` narrow where it may be."""
    return AgendaItem.objects.select_related("meeting__group").get(pk=pk, **filters)


def agenda_items_for_page(*, meeting: Meeting) -> list[AgendaItem]:
    """Every item in printed order with what the page shows, prefetched (five queries)."""
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter__agency", "reporting_group")
        .prefetch_related(
            Prefetch(
                "papers", queryset=Paper.objects.select_related("author__agency").order_by("submitted_at")
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("ratified_at_item__meeting__group").order_by(
                    "created_at"
                ),
            ),
            Prefetch("sub_items", queryset=AgendaItem.objects.order_by("sort_key")),
        )
        .order_by("sort_key")
    )


def attendance_for_page(*, meeting: Meeting) -> list[Attendance]:
    return list(
        with_quoracy_facts(Attendance.objects.filter(meeting=meeting), meeting=meeting)
        .select_related("person", "agency", "deputy_for", "arrived_for_item", "left_before_item")
        .order_by("person__name")
    )


# A decision taken at a confidential item, or under one (items nest as 4, 4.1, 4.1.1).
AT_CONFIDENTIAL_ITEM = (
    Q(agenda_item__confidential=True)
    | Q(agenda_item__parent__confidential=True)
    | Q(agenda_item__parent__parent__confidential=True)
)


def pending_ratification_for(*, meeting: Meeting, with_confidential: bool = True) -> list[Decision]:
    """Inquorate decisions of the group from earlier meetings, still to be ratified; without
    `with_confidential`, not those taken at confidential items (issue 9: the list is read by
    everyone who sees the meeting, partner readers included)."""
    decisions = Decision.objects.filter(
        agenda_item__meeting__group_id=meeting.group_id,
        agenda_item__meeting__starts_at__lt=meeting.starts_at,
        needs_ratification=True,
        ratified_on__isnull=True,
    )
    if not with_confidential:
        decisions = decisions.exclude(AT_CONFIDENTIAL_ITEM)
    return list(
        decisions.select_related("agenda_item__meeting").order_by(
            "agenda_item__meeting__starts_at", "created_at"
        )
    )


def meeting_page(*, meeting: Meeting, user) -> MeetingPage:
    """Everything the meeting page shows, in a fixed number of queries.

    Quoracy is judged for the meeting and for each item (from arrivals and
    departures) once attendance is recorded; positions come from the whole
    agenda, confidential items included, although those are hidden from users
    without `view_confidential_items`.
    """
    all_items = agenda_items_for_page(meeting=meeting)
    attendance = attendance_for_page(meeting=meeting)
    quoracy = None
    if attendance:
        quoracy = meeting_quoracy(meeting=meeting, attendance=attendance)
        if quoracy.applies:
            lines = presences(attendance=attendance, items=all_items)
            counting = quorum_counting_of(meeting.group, attendance)
            for position, item in enumerate(all_items):
                item.quoracy = judge_quoracy(
                    rule=meeting.group.quorum_rule, presences=lines, at_position=position, counting=counting
                )
    may_see_confidential = user.has_perm("governance.view_confidential_items", meeting)
    items = all_items if may_see_confidential else without_confidential(all_items)
    draft_held_back = not may_see_draft_agenda(user, meeting, all_items)
    if draft_held_back:
        all_items = items = []
    inquorate_from = None
    if quoracy is not None and quoracy.quorate:
        inquorate_from = next(
            (item for item in all_items if getattr(item, "quoracy", None) and not item.quoracy.quorate), None
        )
    has_ratification_item = any(item.standing_item == StandingItem.RATIFICATION for item in all_items)
    neighbours: dict = {}
    if any(
        item.standing_item in (StandingItem.PREVIOUS_MINUTES, StandingItem.NEXT_MEETING) for item in all_items
    ):
        neighbours = (
            Meeting.objects.not_cancelled()
            .filter(group_id=meeting.group_id)
            .aggregate(
                earlier_meetings=Count("pk", filter=Q(starts_at__lt=meeting.starts_at)),
                next_meeting_at=Min("starts_at", filter=Q(starts_at__gt=meeting.starts_at)),
            )
        )
    minutes = getattr(meeting, "minutes", None)
    return MeetingPage(
        **neighbours,
        record_locked=minutes is not None and minutes.is_locked,
        meeting=meeting,
        items=items,
        hidden_items=len(all_items) - len(items),
        attendance=attendance,
        attendance_sections=[
            AttendanceSection(status, label, [line for line in attendance if line.status == status])
            for status, label in ATTENDANCE_SECTIONS
        ],
        quoracy=quoracy,
        inquorate_from=inquorate_from,
        draft_held_back=draft_held_back,
        pending_ratification=(
            pending_ratification_for(meeting=meeting, with_confidential=may_see_confidential)
            if has_ratification_item
            else []
        ),
    )


def agenda_for_edit(*, meeting: Meeting) -> list[AgendaItem]:
    """The agenda editing page: every item, with presenter, counts of papers and decisions,
    and whether it is the first or last among its siblings (for the up and down buttons)."""
    items: list[AgendaItem] = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter", "reporting_group")
        .annotate(
            paper_count=Count("papers", distinct=True),
            decision_count=Count("decisions", distinct=True),
        )
        .order_by("sort_key")
    )
    siblings: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        siblings.setdefault(item.parent_id, []).append(item)
    for group in siblings.values():
        for item in group:
            item.is_first, item.is_last = item is group[0], item is group[-1]
    return items


def next_meeting_start() -> Subquery:
    """When the group's next meeting (not cancelled) after a meeting starts: what "Date of next
    meeting" says. An annotation on a Meeting query, so no query of its own."""
    return Subquery(
        Meeting.objects.not_cancelled()
        .filter(group_id=OuterRef("group_id"), starts_at__gt=OuterRef("starts_at"))
        .order_by("starts_at")
        .values("starts_at")[:1]
    )


def record_locked(meeting: Meeting) -> bool:
    """The meeting's minutes are approved: its attendance, decisions, reviewed action updates and
    item texts are locked like the minutes (one query)."""
    return Minutes.objects.filter(meeting_id=meeting.pk, status=MinutesStatus.APPROVED).exists()
