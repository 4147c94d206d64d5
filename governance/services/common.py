"""What the meeting, agenda and attendance services share: validate-and-save, the meeting's
row lock, the cancelled check, and who the group's current members are on a day."""

import datetime

from django.core.exceptions import ValidationError

from governance.models import Group, Meeting, MeetingStatus, Membership, Minutes, MinutesStatus, Person


def save_validated(instance):
    instance.full_clean()
    instance.save()
    return instance


def lock_meeting(meeting: Meeting) -> Meeting:
    """Lock the meeting's row for this transaction and refresh the caller's instance in place,
    so a caller holding an older copy sees (and keeps) the current state."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk").first()
    meeting.refresh_from_db()
    return meeting


def check_not_cancelled(meeting: Meeting, doing: str) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(f"This meeting was cancelled, so {doing} is no longer possible.")


def check_record_open(meeting: Meeting, doing: str) -> None:
    """Once a meeting's minutes are approved, its record (attendance, decisions, reviewed action
    updates, item texts) is locked like the minutes: a correction is a recorded amendment."""
    approved = (
        Minutes.objects.select_for_update()
        .filter(meeting_id=meeting.pk, status=MinutesStatus.APPROVED)
        .values_list("approved_on", flat=False)
        .first()
    )
    if approved is not None:
        on = f" on {approved[0]:%-d %b %Y}" if approved[0] else ""
        raise ValidationError(
            f"The minutes of {meeting} were approved{on}, so {doing} is no longer possible: "
            "record an amendment to the minutes, saying who asked for it and why."
        )


def current_members(group: Group, today: datetime.date):
    return Membership.objects.current(today).filter(group=group, person__active=True)


def member_people(meeting: Meeting, *, today: datetime.date) -> list[Person]:
    """The people who are members of the meeting's group on that day (whom its notices go to)."""
    return [
        membership.person for membership in current_members(meeting.group, today).select_related("person")
    ]
