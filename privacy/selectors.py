"""Everything held about a person, as tables: the subject access export's contents (UK GDPR
Art. 15). One query per table, whatever the person's record holds."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet

from accounts.models import AuthEvent, UserSession
from governance.models import Action, Attendance, Membership, Person
from notifications.models import Notification, NotificationPreference
from privacy.models import RetentionReview
from privacy.retention import RetentionPeriod, schedule


@dataclass(frozen=True)
class Table:
    name: str  # the CSV's file name, without .csv
    title: str
    headers: list[str]
    rows: list[list]


def person_for_export(pk: int) -> Person:
    return Person.objects.select_related("agency", "line_manager", "user").get(pk=pk)


def subject_access_tables(person: Person) -> list[Table]:
    user = person.user
    tables = [
        Table(
            "directory_entry",
            "Directory entry",
            ["name", "job title", "agency", "e-mail", "phone", "initials", "line manager", "login", "active"],
            [
                [
                    person.name,
                    person.job_title,
                    person.agency.name,
                    person.email,
                    person.phone,
                    person.initials,
                    person.line_manager.name if person.line_manager else "",
                    user.get_username() if user else "",
                    "yes" if person.active else "no",
                ]
            ],
        ),
        Table(
            "memberships",
            "Memberships",
            ["group", "role", "from", "to"],
            [
                [m.group.name, m.get_role_display(), m.start_date, m.end_date]
                for m in Membership.objects.filter(person=person)
                .select_related("group")
                .order_by("start_date")
            ],
        ),
        Table(
            "attendance",
            "Attendance",
            ["meeting", "date", "status", "agency represented", "apology reason"],
            [
                [
                    a.meeting.group.name,
                    a.meeting.local_date,
                    a.get_status_display(),
                    a.agency.name,
                    a.apology_reason,
                ]
                for a in Attendance.objects.filter(person=person)
                .select_related("meeting__group", "agency")
                .order_by("meeting__starts_at")
            ],
        ),
        Table(
            "actions_owned",
            "Actions owned",
            ["group", "number", "description", "status", "due"],
            [
                [a.group.name, a.number, a.description, a.get_status_display(), a.due_date]
                for a in Action.objects.filter(owners=person)
                .select_related("group")
                .order_by("group__name", "number")
            ],
        ),
        Table(
            "notifications",
            "Notifications",
            ["sent", "kind", "subject", "read"],
            [
                [n.created_at, n.kind, n.subject, n.read_at]
                for n in Notification.objects.filter(recipient=person).order_by("created_at")
            ],
        ),
        Table(
            "notification_preferences",
            "Notification preferences",
            ["kind", "delivery"],
            [
                [p.kind, p.delivery]
                for p in NotificationPreference.objects.filter(person=person).order_by("kind")
            ],
        ),
    ]
    events = AuthEvent.objects.filter(user=user).order_by("at") if user else AuthEvent.objects.none()
    sessions = (
        UserSession.objects.filter(user=user).order_by("started_at") if user else UserSession.objects.none()
    )
    tables += [
        Table(
            "authentication_events",
            "Authentication events",
            ["when", "event", "username", "address", "device", "detail"],
            [[e.at, e.get_kind_display(), e.username, e.ip_address, e.user_agent, e.detail] for e in events],
        ),
        Table(
            "sessions",
            "Sessions",
            ["started", "last seen", "address", "device"],
            [[s.started_at, s.last_seen_at, s.ip_address, s.user_agent] for s in sessions],
        ),
    ]
    return tables


def retention_schedule() -> list[RetentionPeriod]:
    return schedule(
        attendance_years=settings.RETENTION_ATTENDANCE_YEARS,
        notification_days=settings.RETENTION_NOTIFICATION_DAYS,
        auth_event_days=settings.RETENTION_AUTH_EVENT_DAYS,
        session_days=settings.RETENTION_SESSION_DAYS,
    )


def retention_due(record_type: str, cutoff: datetime.date) -> QuerySet:
    """The rows of a record type past its retention period (dated before `cutoff`)."""
    if record_type == "attendance":
        return Attendance.objects.filter(meeting__starts_at__date__lt=cutoff).exclude(apology_reason="")
    if record_type == "notifications":
        return Notification.objects.filter(created_at__date__lt=cutoff)
    if record_type == "auth_events":
        return AuthEvent.objects.filter(at__date__lt=cutoff)
    if record_type == "sessions":
        return UserSession.objects.filter(last_seen_at__date__lt=cutoff)
    raise ValueError(f"No retention rule deletes {record_type}")


def retention_reviews_pending() -> list[RetentionReview]:
    """The listings still waiting for an admin, newest first (one query)."""
    return list(RetentionReview.objects.filter(applied_at__isnull=True).order_by("-listed_at", "record_type"))


def retention_reviews_done(limit: int = 20) -> list[RetentionReview]:
    return list(
        RetentionReview.objects.filter(applied_at__isnull=False)
        .select_related("applied_by")
        .order_by("-applied_at")[:limit]
    )
