"""The retention schedule, the monthly listing and an admin's confirmation (issue 11)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from accounts.models import AuthEvent
from governance.models import Attendance
from governance.tests.factories import PersonFactory
from governance.tests.factories_meetings import AttendanceFactory, MeetingFactory
from notifications.models import Notification
from privacy.models import RetentionReview
from privacy.retention import schedule
from privacy.services import retention_review_apply, retention_reviews_list
from privacy.tasks import list_records_due_for_retention

LONDON = zoneinfo.ZoneInfo("Europe/London")
NOW = datetime.datetime(2032, 3, 1, 6, 0, tzinfo=LONDON)
DEFAULTS = {"attendance_years": 6, "notification_days": 365, "auth_event_days": 365, "session_days": 365}


def _period(record_type):
    return next(period for period in schedule(**DEFAULTS) if period.record_type == record_type)


@pytest.mark.parametrize("record_type", ["meetings", "minutes"])
def test_meetings_and_minutes_are_kept_permanently(record_type):
    assert _period(record_type).cutoff(NOW.date()) is None


@pytest.mark.parametrize(
    ("record_type", "cutoff"),
    [
        ("attendance", datetime.date(2026, 2, 25)),  # six years of 366 days: never a day early
        ("notifications", datetime.date(2031, 3, 2)),
        ("auth_events", datetime.date(2031, 3, 2)),
        ("sessions", datetime.date(2031, 3, 2)),
    ],
)
def test_each_record_type_falls_due_after_its_period(record_type, cutoff):
    assert _period(record_type).cutoff(NOW.date()) == cutoff


@pytest.fixture
def old_and_new(db):
    person = PersonFactory()
    old_notification = Notification.objects.create(
        recipient=person, kind="digest", key="old", subject="s", body="b"
    )
    Notification.objects.filter(pk=old_notification.pk).update(created_at=NOW - datetime.timedelta(days=400))
    new_notification = Notification.objects.create(
        recipient=person, kind="digest", key="new", subject="s", body="b"
    )
    Notification.objects.filter(pk=new_notification.pk).update(created_at=NOW - datetime.timedelta(days=10))
    kind = AuthEvent._meta.get_field("kind").choices[0][0]
    AuthEvent.objects.create(kind=kind, at=NOW - datetime.timedelta(days=500), username="someone")
    AuthEvent.objects.create(kind=kind, at=NOW - datetime.timedelta(days=5), username="someone")
    old_meeting = MeetingFactory(starts_at=NOW - datetime.timedelta(days=7 * 366))
    old_line = AttendanceFactory(
        meeting=old_meeting, person=person, status="apologies", apology_reason="Surgery"
    )
    new_line = AttendanceFactory(
        meeting=MeetingFactory(starts_at=NOW - datetime.timedelta(days=30)),
        person=PersonFactory(),
        status="apologies",
        apology_reason="Annual leave",
    )
    return {
        "old_notification": old_notification,
        "new_notification": new_notification,
        "old_line": old_line,
        "new_line": new_line,
    }


def test_the_monthly_listing_finds_what_is_past_its_period_and_deletes_nothing(old_and_new):
    reviews = {review.record_type: review.due_count for review in retention_reviews_list(now=NOW)}
    assert reviews == {"notifications": 1, "auth_events": 1, "attendance": 1}
    assert Notification.objects.count() == 2 and AuthEvent.objects.count() == 2


def test_a_second_listing_replaces_an_unconfirmed_one(old_and_new):
    retention_reviews_list(now=NOW)
    retention_reviews_list(now=NOW + datetime.timedelta(days=31))
    assert RetentionReview.objects.filter(record_type="notifications").count() == 1


def test_confirming_a_listing_deletes_only_what_it_listed(old_and_new, admin_user):
    review = next(r for r in retention_reviews_list(now=NOW) if r.record_type == "notifications")
    assert retention_review_apply(review=review, now=NOW, by=admin_user) == 1
    assert list(Notification.objects.values_list("pk", flat=True)) == [old_and_new["new_notification"].pk]
    review.refresh_from_db()
    assert review.applied_by == admin_user and review.applied_count == 1


def test_attendance_past_its_period_keeps_its_line_and_loses_its_apology_reason_history_included(
    old_and_new, admin_user
):
    review = next(r for r in retention_reviews_list(now=NOW) if r.record_type == "attendance")
    retention_review_apply(review=review, now=NOW, by=admin_user)
    old, new = old_and_new["old_line"], old_and_new["new_line"]
    old.refresh_from_db()
    assert (old.status, old.apology_reason) == ("apologies", "")
    assert Attendance.objects.get(pk=new.pk).apology_reason == "Annual leave"
    assert "Surgery" not in str(
        list(Attendance.history.filter(id=old.pk).values_list("apology_reason", flat=True))
    )


def test_a_listing_is_applied_once(old_and_new, admin_user):
    from django.core.exceptions import ValidationError

    review = retention_reviews_list(now=NOW)[0]
    retention_review_apply(review=review, now=NOW, by=admin_user)
    with pytest.raises(ValidationError):
        retention_review_apply(review=review, now=NOW, by=admin_user)


def test_the_listing_runs_on_the_first_of_each_month():
    entry = settings.CELERY_BEAT_SCHEDULE[
        "list the records past their retention period on the first of each month"
    ]
    assert entry["task"] == "privacy.tasks.list_records_due_for_retention"
    assert entry["schedule"].day_of_month == {1}


def test_the_task_lists_through_the_service(old_and_new):
    with time_machine.travel(NOW, tick=False):
        assert list_records_due_for_retention() == 3


def test_an_admin_confirms_a_listing_on_the_retention_page(client, admin_user, old_and_new):
    retention_reviews_list(now=NOW)
    client.force_login(admin_user)
    page = client.get(reverse("privacy:retention")).content.decode()
    assert "Permanently" in page and "product's defaults" in page
    review = RetentionReview.objects.get(record_type="auth_events")
    response = client.post(reverse("privacy:retention_review_apply", args=[review.pk]))
    assert response.status_code == 302
    assert AuthEvent.objects.count() == 1
    assert "confirmed by admin-user" in client.get(reverse("privacy:retention")).content.decode()


@pytest.mark.parametrize("who", ["secretariat", "chair", "partner", "outsider"])
def test_only_an_admin_opens_the_retention_page_or_confirms(client, request, who, old_and_new):
    review = retention_reviews_list(now=NOW)[0]
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:retention")).status_code == 403
    assert client.post(reverse("privacy:retention_review_apply", args=[review.pk])).status_code == 403
    review.refresh_from_db()
    assert review.applied_at is None
