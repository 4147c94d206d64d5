"""Data protection's state changes and documents: the subject access export (UK GDPR Art. 15)
and anonymising a person who has left (Art. 17, within Art. 17(3)(b)/(d): the partnership's
governance record — attendance, actions, decisions — is kept, without the person's identity)."""

import csv
import datetime
import io
import zipfile

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import AuthEvent
from accounts.services import user_sessions_end
from core.exports import csv_cell
from core.pdf import render_pdf
from governance.models import Attendance, CalendarFeedToken, Person
from notifications.models import Notification, NotificationPreference
from privacy.models import RetentionReview
from privacy.selectors import retention_due, retention_schedule, subject_access_tables

ANONYMISED_REASON = "Anonymised: the person left the partnership"


def former_member_name(person: Person) -> str:
    """What an anonymised person is called (issue 11): "Former member (<agency>)"."""
    return f"Former member ({person.agency.name})"


def subject_access_export(*, person: Person, now: datetime.datetime, requested_by) -> bytes:
    """A ZIP of one CSV per table held about the person, and a PDF summary of them all."""
    tables = subject_access_tables(person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(table.headers)
            writer.writerows([[csv_cell(value) for value in row] for row in table.rows])
            archive.writestr(f"{table.name}.csv", text.getvalue())
        summary = render_pdf(
            "privacy/subject_access_summary.html",
            {"person": person, "tables": tables, "now": now, "requested_by": requested_by},
        )
        archive.writestr("summary.pdf", summary)
    return buffer.getvalue()


@transaction.atomic
def person_anonymise(*, person: Person, now: datetime.datetime, by) -> Person:
    """The person's name becomes "Former member (<agency>)" and their contact details go, in
    the directory entry and in every earlier version of it the History tab could show; their
    login is closed (sessions ended, username replaced) and their own messages, preferences
    and calendar addresses deleted. Memberships, attendance, actions and decisions stay, now
    naming the former member."""
    person = Person.objects.select_for_update(of=("self",)).select_related("agency", "user").get(pk=person.pk)
    if person.memberships.current(now.date()).exists():
        raise ValidationError("End this person's current memberships before anonymising them.")
    blank = {"email": "", "phone": "", "job_title": "", "initials_override": ""}
    name = former_member_name(person)
    for field, value in {"name": name, **blank}.items():
        setattr(person, field, value)
    person.line_manager = None
    person.active = False
    person._change_reason = ANONYMISED_REASON
    person.full_clean()
    person.save()
    # Earlier versions keep the old name and contact details: the History tab shows versions,
    # so they are overwritten too (history rows are the app's own bookkeeping, not the record).
    person.history.update(name=name, line_manager=None, **blank)
    Notification.objects.filter(recipient=person).delete()
    NotificationPreference.objects.filter(person=person).delete()
    CalendarFeedToken.objects.filter(person=person).delete()
    user = person.user
    if user is not None:
        user_sessions_end(user=user, now=now, by=by, reason="anonymised")
        username = f"former-member-{person.pk}"
        AuthEvent.objects.filter(user=user).update(username=username)
        user.username = username
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
    return person


@transaction.atomic
def retention_reviews_list(*, now: datetime.datetime) -> list[RetentionReview]:
    """The monthly listing: for each record type with rows past its period, a review for an
    admin to confirm (an unconfirmed older listing of the same type is replaced)."""
    reviews = []
    for period in retention_schedule():
        cutoff = period.cutoff(now.date())
        if cutoff is None:
            continue
        count = retention_due(period.record_type, cutoff).count()
        RetentionReview.objects.filter(record_type=period.record_type, applied_at__isnull=True).delete()
        if count:
            reviews.append(
                RetentionReview.objects.create(
                    record_type=period.record_type, cutoff=cutoff, due_count=count, listed_at=now
                )
            )
    return reviews


@transaction.atomic
def retention_review_apply(*, review: RetentionReview, now: datetime.datetime, by) -> int:
    """Apply a confirmed review up to its cutoff: attendance keeps its lines (the minutes' record)
    and loses its apology reasons; notifications, authentication events and sessions are deleted."""
    review = RetentionReview.objects.select_for_update().get(pk=review.pk)
    if review.applied_at is not None:
        raise ValidationError("This review has already been applied.")
    due = retention_due(review.record_type, review.cutoff)
    if review.record_type == "attendance":
        erased = []
        for attendance in due.select_for_update(of=("self",)):
            attendance.apology_reason = ""
            attendance._change_reason = "Retention: apology reason erased after the retention period"
            attendance.save(update_fields=["apology_reason", "updated_at"])
            erased.append(attendance.pk)
        # Earlier versions on the History tab held the reason too.
        Attendance.history.filter(id__in=erased).update(apology_reason="")
        count = len(erased)
    else:
        count = due.count()
        due.delete()
    review.applied_at, review.applied_by, review.applied_count = now, by, count
    review.save(update_fields=["applied_at", "applied_by", "applied_count"])
    return count
