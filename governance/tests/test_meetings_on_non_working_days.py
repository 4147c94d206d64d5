"""Issue 10 point 8: a one-off meeting on a weekend, a bank holiday or a closure day is
scheduled only after a warning the user confirms (series already move off those days)."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import ClosureDay
from core.workdays import non_working_reason
from governance.models import Meeting
from governance.services import meetings as meeting_services

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
SATURDAY = datetime.date(2030, 3, 16)
CHRISTMAS = datetime.date(2029, 12, 25)  # a Tuesday
TUESDAY = datetime.date(2030, 3, 12)


def schedule(group, day, **kwargs):
    starts = datetime.datetime.combine(day, datetime.time(10), tzinfo=LONDON)
    return meeting_services.meeting_schedule(
        group=group,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        location="Plough Lane",
        **kwargs,
    )


def form_data(day, **extra):
    return {
        "date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "location": "Plough Lane",
        **extra,
    }


@pytest.mark.parametrize(
    ("day", "closures", "reason"),
    [
        (SATURDAY, {}, "a Saturday"),
        (datetime.date(2030, 3, 17), {}, "a Sunday"),
        (CHRISTMAS, {}, "a bank holiday (Christmas Day)"),
        (TUESDAY, {TUESDAY: "Office move"}, "a closure day (Office move)"),
        (TUESDAY, {}, None),
    ],
)
def test_why_a_day_is_not_a_working_day(day, closures, reason):
    assert non_working_reason(day, closures) == reason


def test_scheduling_a_meeting_on_a_saturday_is_refused_until_confirmed(group):
    with pytest.raises(ValidationError) as raised:
        schedule(group, SATURDAY)
    assert raised.value.message_dict["confirm_non_working_day"] == [
        "Saturday 16 March 2030 is a Saturday, when most members do not work. Tick "
        "“Schedule it on this day anyway” to confirm, or choose another day."
    ]
    assert not Meeting.objects.exists()
    meeting = schedule(group, SATURDAY, non_working_day_confirmed=True)
    assert meeting.local_date == SATURDAY


def test_a_bank_holiday_and_a_closure_day_need_confirming_too(group):
    ClosureDay.objects.create(date=TUESDAY, reason="Office move")
    for day in (CHRISTMAS, TUESDAY):
        with pytest.raises(ValidationError):
            schedule(group, day)
    assert not Meeting.objects.exists()


def test_the_form_warns_shows_a_confirm_box_and_keeps_what_was_typed(client, secretariat, group):
    client.force_login(secretariat)
    url = reverse("governance:meeting_schedule", args=[group.pk])
    assert 'type="checkbox" name="confirm_non_working_day"' not in client.get(url).content.decode()
    response = client.post(url, form_data(CHRISTMAS, location="Council chamber"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tuesday 25 December 2029 is a bank holiday (Christmas Day)" in page
    assert 'type="checkbox" name="confirm_non_working_day"' in page
    assert response.context["form"]["location"].value() == "Council chamber"
    assert not Meeting.objects.exists()
    response = client.post(url, form_data(CHRISTMAS, confirm_non_working_day="on"))
    assert response.status_code == 302
    assert Meeting.objects.get().local_date == CHRISTMAS


def test_a_working_day_is_scheduled_without_a_question(client, secretariat, group):
    client.force_login(secretariat)
    response = client.post(reverse("governance:meeting_schedule", args=[group.pk]), form_data(TUESDAY))
    assert response.status_code == 302


def test_moving_a_meeting_to_a_sunday_needs_confirming_but_changing_its_place_does_not(
    client, secretariat, group
):
    meeting = schedule(group, SATURDAY, non_working_day_confirmed=True)
    client.force_login(secretariat)
    url = reverse("governance:meeting_reschedule", args=[meeting.pk])
    assert client.post(url, form_data(SATURDAY, location="Town hall")).status_code == 302
    sunday = datetime.date(2030, 3, 17)
    response = client.post(url, form_data(sunday))
    assert "Sunday 17 March 2030 is a Sunday" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.local_date == SATURDAY
    with pytest.raises(ValidationError):
        meeting_services.meeting_reschedule(
            meeting=meeting,
            starts_at=datetime.datetime.combine(sunday, datetime.time(10), tzinfo=LONDON),
            ends_at=datetime.datetime.combine(sunday, datetime.time(12), tzinfo=LONDON),
        )
