"""Attendance: who was present, in attendance, sent apologies (with a deputy) or was absent,
and when each arrived or left, from which quoracy is judged item by item."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from governance.choices import NON_MEMBER_ROLES as NON_MEMBER_ROLES  # roles that are not members
from governance.models import (
    Agency,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    Person,
)
from governance.services.common import (
    check_not_cancelled,
    check_record_open,
    current_members,
    save_validated,
)
from governance.services.decisions import decisions_rejudge

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

    Nothing is written until the page is saved. Members not yet marked are "not
    yet recorded", neither present nor absent: an unmarked list must not make a
    meeting look quorate, nor a forgotten tick become a report to a line manager.
    The meeting's minute-taker defaults to "in attendance"; deputies and people
    invited "in attendance" default to "not at this meeting" (an empty status),
    because they come only when asked.
    Two queries.
    """
    on = today or meeting.local_date
    recorded = {
        row.person_id: row
        for row in Attendance.objects.filter(meeting=meeting).select_related("person", "agency", "deputy_for")
    }
    lines = []
    memberships = sorted(
        current_members(meeting.group, on).select_related("person", "agency", "deputy_for"),
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
            status = AttendanceStatus.NOT_RECORDED if is_member else ""
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
        current_members(meeting.group, meeting.local_date)
        .filter(person=person)
        .exclude(role__in=NON_MEMBER_ROLES)
        .select_related("agency")
        .first()
    )
    return membership.agency if membership else person.agency


def _is_group_member(meeting: Meeting, person: Person) -> bool:
    return (
        current_members(meeting.group, meeting.local_date)
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
    amending_approved_minutes: bool = False,
) -> Attendance:
    """Record (or correct) one person's attendance at a meeting.

    Once the minutes are approved the attendance is locked; only
    minutes_amend_attendance passes `amending_approved_minutes`, recording the
    change as an amendment. Until then the meeting's decisions are judged again
    from the attendance as it now stands.

    - present / deputy / in attendance: may name the item they arrived for and
      the item they left before (quoracy is judged per item from these);
    - apologies: with the reason and whether it is a valid one;
    - deputy: names the member they stand in for, who must represent the same
      agency; the deputy then counts for that agency;
    - absent: without apologies;
    - not recorded: nobody has said yet (counts for nothing, reported to nobody).
    """
    check_not_cancelled(meeting, "recording attendance")
    if not amending_approved_minutes:
        check_record_open(meeting, "changing its attendance")
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
    save_validated(row)
    if not amending_approved_minutes:
        decisions_rejudge(meeting=meeting)
    return row


@transaction.atomic
def attendance_remove(*, meeting: Meeting, person: Person, amending_approved_minutes: bool = False) -> None:
    """Take someone off the attendance list (recorded in error, or not at this meeting).

    Locked once the minutes are approved, as attendance_record."""
    check_not_cancelled(meeting, "changing attendance")
    if not amending_approved_minutes:
        check_record_open(meeting, "changing its attendance")
    for row in Attendance.objects.filter(meeting=meeting, person=person):
        row.delete()
    if not amending_approved_minutes:
        decisions_rejudge(meeting=meeting)


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
    check_record_open(meeting, "changing its attendance")
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
