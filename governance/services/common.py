"""What the meeting, agenda and attendance services share: validate-and-save, the meeting's
row lock, the cancelled check, and who the group's current members are on a day."""

import datetime

from django.core.exceptions import ValidationError

from governance.models import Group, Meeting, MeetingStatus, Membership, Person


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


def current_members(group: Group, today: datetime.date):
    return Membership.objects.current(today).filter(group=group, person__active=True)


def member_people(meeting: Meeting, *, today: datetime.date) -> list[Person]:
    """The people who are members of the meeting's group on that day (whom its notices go to)."""
    return [
        membership.person for membership in current_members(meeting.group, today).select_related("person")
    ]
