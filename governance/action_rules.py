"""Pure rules of the action log: the RAG marker, the reference, owners' initials.

No database and no clock here: callers pass `today` (a Europe/London date from
`timezone.localdate()`), so the rules are tested at their edges without freezing time.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from governance.choices import FINISHED_STATUSES, OUTSTANDING_STATUSES

# An outstanding action due within this many days is amber (issue 4): the first default of
# the partnership's "due-soon window" setting (core.partnership), which callers pass in.
DUE_SOON_DAYS = 14

OUTSTANDING = frozenset(OUTSTANDING_STATUSES)
FINISHED = frozenset(FINISHED_STATUSES)


class Rag(Enum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    GREY = "grey"


@dataclass(frozen=True)
class RagMarker:
    """What the page shows: a colour and words, never the colour alone (WCAG 1.4.1)."""

    rag: Rag
    label: str
    css_class: str


RAG_MARKERS = {
    Rag.RED: RagMarker(Rag.RED, "Overdue", "text-bg-danger"),
    Rag.AMBER: RagMarker(Rag.AMBER, "Due soon", "text-bg-warning"),
    Rag.GREEN: RagMarker(Rag.GREEN, "On track", "text-bg-success"),
    Rag.GREY: RagMarker(Rag.GREY, "Finished", "text-bg-secondary"),
}


def is_overdue(status: str, due_date: datetime.date | None, today: datetime.date) -> bool:
    """Overdue once the due date has passed: an action due today is not yet overdue."""
    return status in OUTSTANDING and due_date is not None and due_date < today


def is_due_soon(
    status: str, due_date: datetime.date | None, today: datetime.date, window: int = DUE_SOON_DAYS
) -> bool:
    """Due today or within the next `window` days (inclusive)."""
    return (
        status in OUTSTANDING
        and due_date is not None
        and today <= due_date <= today + datetime.timedelta(days=window)
    )


def action_rag(
    status: str, due_date: datetime.date | None, today: datetime.date, window: int = DUE_SOON_DAYS
) -> Rag:
    """Red when overdue, amber when due within the window (14 days unless the partnership
    changed it), green otherwise; finished actions grey."""
    if status in FINISHED:
        return Rag.GREY
    if is_overdue(status, due_date, today):
        return Rag.RED
    if is_due_soon(status, due_date, today, window):
        return Rag.AMBER
    return Rag.GREEN


def rag_marker(
    status: str, due_date: datetime.date | None, today: datetime.date, window: int = DUE_SOON_DAYS
) -> RagMarker:
    return RAG_MARKERS[action_rag(status, due_date, today, window)]


def format_reference(meeting_local_date: datetime.date, item_number: str | None) -> str:
    """Where an action was agreed, as the action log writes it: '23.10.19 ref 4.1' (seed 003)."""
    date_part = meeting_local_date.strftime("%d.%m.%y")
    item_number = (item_number or "").strip().rstrip(".")
    return f"{date_part} ref {item_number}" if item_number else date_part


def owner_initials(people: Iterable, *, group=None) -> str:
    """Owners as the log shows them, 'EF/KW/PG', in the order given, then the owning group by
    its short name ('LM/D&P Group', seed 003 action 19)."""
    return "/".join([*(person.initials for person in people), *([group.label] if group else [])])


def owner_names(people: Iterable, *, group=None) -> str:
    """Owners in full: 'Lindsay MacHardy, key members of the Development & Practice Group'."""
    names = [person.name for person in people]
    if group is not None:
        names.append(f"key members of the {group.name}")
    return ", ".join(names)


def quarter_start(today: datetime.date) -> datetime.date:
    """The first day of today's quarter (January, April, July, October: the financial
    year's quarters start on the same days)."""
    return datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def next_meeting_date(
    meeting_dates: Iterable[datetime.date], *, after: datetime.date
) -> datetime.date | None:
    """The first meeting date strictly after `after`, or None when none is scheduled."""
    later = [date for date in meeting_dates if date > after]
    return min(later) if later else None


# What the giving group's log shows against an action it handed on.
HANDED_ON_MARKER = RagMarker(Rag.GREY, "Handed over", "text-bg-secondary")


@dataclass(frozen=True)
class LogPlace:
    """Where an action stands in one group's log: the number it has there and, when it was
    handed on, where it went ('handed to MASH (MASH action 1)'), or where it came from."""

    number: int
    handed_to: str = ""
    came_from: str = ""


def log_place(
    *,
    number: int,
    in_this_group: bool,
    given_number: int | None = None,
    handed_to_label: str = "",
    handed_to_number: int | None = None,
    came_from_label: str = "",
    came_from_number: int | None = None,
) -> LogPlace:
    """An action handed on stays in the giving log under the number it had there (issue 10
    point 9: one "Action 1" per log, as seed 003's "CB to pass to Chair of Strategic Group"
    leaves the board's action where it was), saying where it went; in the receiving log it
    has its new number and says where it came from."""
    came_from = (
        f"from {came_from_label} ({came_from_label} action {came_from_number})"
        if came_from_label and came_from_number is not None
        else ""
    )
    if in_this_group or given_number is None:
        return LogPlace(number=number, came_from=came_from)
    handed_to = (
        f"handed to {handed_to_label} ({handed_to_label} action {handed_to_number})"
        if handed_to_label and handed_to_number is not None
        else ""
    )
    return LogPlace(number=given_number, handed_to=handed_to)
