"""Papers: submitting, replacing and withdrawing them, and accepting late ones.

Papers are due `paper_deadline_days` before the meeting (Meeting.paper_deadline,
stored). A late paper stays off the agenda pack unless the chair accepts it
with a recorded reason; a late paper from a statutory partner's staff is
escalated to that partner's board member before the meeting (seed 003, item 2a).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from governance import notifications as messages
from governance.choices import PAPERLESS_STANDING_ITEMS
from governance.models import (
    CHAIRING_ROLES,
    Agency,
    AgendaItem,
    GroupKind,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Paper,
    Person,
)
from governance.paper_files import PaperFileError, check_paper_file
from governance.permissions import is_chair_of_meeting_group, is_staff_of_partnership
from governance.reminders import responsible_partner
from governance.scheduling import is_paper_late, is_received_late
from notifications.services import notify

DEFAULT_PAPER_MAX_BYTES = 20 * 1024 * 1024
# Who sits on the board for a statutory partner: its delegated safeguarding
# partner, whatever the board calls the seat. Deputies and advisers are not told.
BOARD_SEAT_ROLES = (*CHAIRING_ROLES, MembershipRole.MEMBER)


def paper_max_bytes() -> int:
    return getattr(settings, "PAPER_MAX_BYTES", DEFAULT_PAPER_MAX_BYTES)


def _check_file(uploaded_file: UploadedFile):
    try:
        return check_paper_file(
            name=uploaded_file.name or "",
            stream=uploaded_file,
            size=uploaded_file.size or 0,
            max_bytes=paper_max_bytes(),
        )
    except PaperFileError as error:
        raise ValidationError({"file": str(error)}) from error


def _check_meeting_takes_papers(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting has been cancelled, so it takes no papers.")


def _store_file(paper: Paper, uploaded_file: UploadedFile, kind) -> None:
    original_name = uploaded_file.name or ""
    uploaded_file.seek(0)
    paper.original_name = original_name[:255]
    paper.content_type = kind.content_type
    paper.size = uploaded_file.size or 0
    # The stored name is ours; the uploader's name is kept only for the download.
    paper.file.save(f"paper.{kind.extension}", uploaded_file, save=False)


def _delete_file_after_commit(file_field) -> None:
    storage, name = file_field.storage, file_field.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def paper_submit(
    *,
    agenda_item: AgendaItem,
    uploaded_file: UploadedFile,
    title: str,
    author: Person | None,
    submitted_by,
    received_on: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Paper:
    """Attach a paper to an agenda item, marking it late if it arrived after the deadline.

    `received_on`, the day the paper actually arrived when it is entered later (the secretariat
    back-entering a past meeting), decides lateness instead of the upload's moment; such a paper
    is not escalated, its meeting's deadline having long passed (issue 10 point 11).

    Routine standing items (welcome and apologies, the previous minutes, AOB, date of next
    meeting…) take no paper."""
    now = now or timezone.now()
    meeting = agenda_item.meeting
    _check_meeting_takes_papers(meeting)
    if agenda_item.standing_item in PAPERLESS_STANDING_ITEMS:
        raise ValidationError(
            f"No paper belongs under “{agenda_item.title}”: attach it to the item it is about, "
            "or add an item for it."
        )
    if received_on is not None and received_on > timezone.localdate(now):
        raise ValidationError({"received_on": "A paper cannot have been received after today."})
    kind = _check_file(uploaded_file)
    paper = Paper(
        agenda_item=agenda_item,
        title=title.strip(),
        author=author,
        submitted_by=submitted_by,
        submitted_at=now,
        received_on=received_on,
        is_late=(
            is_paper_late(now, meeting.paper_deadline)
            if received_on is None
            else is_received_late(received_on, timezone.localdate(meeting.paper_deadline))
        ),
    )
    _store_file(paper, uploaded_file, kind)
    paper.full_clean()
    paper.save()
    if paper.is_late and received_on is None:
        paper_escalate_late(paper=paper)
    return paper


@transaction.atomic
def paper_replace(
    *,
    paper: Paper,
    uploaded_file: UploadedFile,
    submitted_by,
    now: datetime.datetime | None = None,
) -> Paper:
    """Swap in a new version of a paper. It counts as submitted now, so it may become late."""
    now = now or timezone.now()
    meeting = paper.agenda_item.meeting
    _check_meeting_takes_papers(meeting)
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting has been held: its papers stay as they were presented.")
    kind = _check_file(uploaded_file)
    old_file = paper.file
    _delete_file_after_commit(old_file)
    paper.submitted_by = submitted_by
    paper.submitted_at = now
    paper.is_late = is_paper_late(now, meeting.paper_deadline)
    # An acceptance was for the version the chair saw, not for this one.
    paper.late_accepted_at = None
    paper.late_accepted_by = None
    paper.late_accepted_reason = ""
    _store_file(paper, uploaded_file, kind)
    paper.full_clean()
    paper.save()
    if paper.is_late:
        paper_escalate_late(paper=paper, occasion=now.isoformat())
    return paper


@transaction.atomic
def paper_withdraw(*, paper: Paper) -> None:
    """Take a paper off the agenda before the meeting; its file goes too."""
    meeting = paper.agenda_item.meeting
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting has been held: its papers stay with its record.")
    _delete_file_after_commit(paper.file)
    paper.delete()


def may_accept_late_papers(user, meeting: Meeting) -> bool:
    """The chair of the meeting's group, or the secretariat on the chair's behalf."""
    return is_staff_of_partnership(user) or is_chair_of_meeting_group(user, meeting)


@transaction.atomic
def paper_accept_late(
    *, paper: Paper, reason: str, accepted_by, now: datetime.datetime | None = None
) -> Paper:
    """Put a late paper on the agenda pack, recording who agreed and why."""
    meeting = paper.agenda_item.meeting
    _check_meeting_takes_papers(meeting)
    if not paper.is_late:
        raise ValidationError("This paper arrived on time; there is nothing to accept.")
    if paper.late_accepted_at is not None:
        raise ValidationError("This late paper has already been accepted.")
    if not may_accept_late_papers(accepted_by, meeting):
        raise ValidationError(
            f"Only the chair of {meeting.group} or the secretariat can accept a late paper."
        )
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason the chair accepted this late paper."})
    paper.late_accepted_at = now or timezone.now()
    paper.late_accepted_by = accepted_by
    paper.late_accepted_reason = reason
    paper.full_clean()
    paper.save()
    return paper


def partner_agency_for(agency: Agency) -> Agency | None:
    """The statutory partner answering for an agency's staff (reminders.responsible_partner): itself
    for a partner, the ICB for every health agency, the council, the police; else None."""
    role = responsible_partner(statutory_role=agency.statutory_role, sector=agency.sector)
    if role is None:
        return None
    if agency.statutory_role == role:
        return agency
    return Agency.objects.filter(statutory_role=role).first()


def board_members_for_agency(*, agency_id: int, today: datetime.date) -> list[Person]:
    """The partner's seats on the active board(s): its delegated safeguarding partner."""
    memberships = (
        Membership.objects.current(today)
        .filter(
            group__kind=GroupKind.BOARD,
            group__active=True,
            agency_id=agency_id,
            role__in=BOARD_SEAT_ROLES,
        )
        .select_related("person")
    )
    return [membership.person for membership in memberships]


def paper_escalate_late(*, paper: Paper, occasion: str = "") -> None:
    """Tell the partner's board member about a late paper from a statutory partner's staff (health
    agencies' to the ICB's, seed 003 item 2a).

    Recorded once per paper and occasion (a replacement is a new occasion), so
    calling it again, e.g. after a meeting moves earlier, never repeats a notice.
    """
    meeting = paper.agenda_item.meeting
    author = paper.author
    partner = partner_agency_for(author.agency) if author is not None else None
    if partner is None:
        return
    recipients = board_members_for_agency(agency_id=partner.pk, today=timezone.localdate(paper.submitted_at))
    notify(
        messages.late_paper(
            paper=paper,
            recipients=recipients,
            url=reverse("governance:meeting_papers", args=[meeting.pk]),
            occasion=occasion,
        )
    )
