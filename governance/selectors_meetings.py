"""Read queries for meetings, agendas and attendance, each a fixed number of SQL queries.

Also the adapter from Attendance rows to the pure quoracy rule
(governance.quoracy): the meeting page, the minutes and the decisions all
judge quoracy through `meeting_quoracy` and `item_quoracy`.
"""

from collections.abc import Iterable, Sequence

from governance.models import AgendaItem, Attendance, Meeting
from governance.quoracy import Presence, Quoracy, judge_quoracy


def agenda_items_in_order(*, meeting: Meeting) -> list[AgendaItem]:
    """Every item of the agenda, sub-items included, in printed order (one query)."""
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("sort_key"))


def attendance_for_quoracy(*, meeting: Meeting) -> list[Attendance]:
    return list(Attendance.objects.filter(meeting=meeting).select_related("agency"))


def presences(*, attendance: Iterable[Attendance], items: Sequence[AgendaItem]) -> list[Presence]:
    """Reduce attendance lines to what the quoracy rule needs.

    An item's position is its index in agenda order (sort_key), so "left before
    item 5" excludes them from item 5 and every later item, sub-items included.
    """
    position_of = {item.pk: index for index, item in enumerate(items)}
    return [
        Presence(
            status=line.status,
            statutory_role=line.agency.statutory_role or None,
            arrived_for=position_of.get(line.arrived_for_item_id),
            left_before=position_of.get(line.left_before_item_id),
        )
        for line in attendance
    ]


def meeting_quoracy(*, meeting: Meeting, attendance: Iterable[Attendance] | None = None) -> Quoracy:
    """Was the meeting quorate, judged from everyone who attended at any point?

    Pass `attendance` (with `agency` selected) when the page already holds it;
    otherwise one query reads it.
    """
    if attendance is None:
        attendance = attendance_for_quoracy(meeting=meeting)
    lines = [
        Presence(status=line.status, statutory_role=line.agency.statutory_role or None) for line in attendance
    ]
    return judge_quoracy(rule=meeting.group.quorum_rule, presences=lines)


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
    position = next((index for index, other in enumerate(items) if other.pk == item.pk), None)
    if position is None:
        raise ValueError(f"Agenda item {item.pk} is not on the agenda of meeting {meeting.pk}.")
    return judge_quoracy(
        rule=meeting.group.quorum_rule,
        presences=presences(attendance=attendance, items=items),
        at_position=position,
    )
