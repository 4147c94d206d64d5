import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.models import ClosureDay
from core.workdays import is_working_day
from governance.models import (
    AgendaItem,
    Attendance,
    Decision,
    GroupKind,
    Meeting,
    MeetingFrequency,
    MeetingStatus,
    Paper,
    StandingItem,
)
from governance.selectors.meetings import item_quoracy, meeting_quoracy
from governance.services import agenda as agenda_services
from governance.services import attendance as attendance_services
from governance.services import meetings as meeting_services
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    council,
    icb,
    police,
)
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory
from notifications.models import Notification

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def board():
    board = GroupFactory(name="Safeguarding Partners Board", short_name="Board", kind=GroupKind.BOARD)
    board.meeting_frequency = MeetingFrequency.SIX_WEEKLY
    board.save()
    return board


@pytest.fixture
def partners():
    return {"council": council(), "icb": icb(), "police": police()}


@pytest.fixture
def board_members(board, partners):
    people = {}
    for key, agency in partners.items():
        people[key] = PersonFactory(name=f"{agency.name} Lead", agency=agency)
        MembershipFactory(person=people[key], group=board, role="chair" if key == "council" else "member")
    people["minute_taker"] = PersonFactory(name="Minnie Taker", agency=partners["council"])
    MembershipFactory(person=people["minute_taker"], group=board, role="minute_taker")
    return people


def schedule(group, starts_at=None, **kwargs):
    starts_at = starts_at or at(2030, 3, 12)
    kwargs.setdefault("location", "Plough Lane")
    return meeting_services.meeting_schedule(
        group=group, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2), **kwargs
    )


def numbers(meeting):
    return [
        (item.number, item.title) for item in AgendaItem.objects.filter(meeting=meeting).order_by("sort_key")
    ]


# Scheduling -----------------------------------------------------------------


def test_scheduling_stores_the_paper_deadline_and_defaults_chair_and_minute_taker(board, board_members):
    meeting = schedule(board, at(2030, 3, 12, 14, 0))
    assert meeting.paper_deadline == at(2030, 3, 5, 14, 0)
    assert meeting.chair == board_members["council"]
    assert meeting.minute_taker == board_members["minute_taker"]


def test_scheduling_uses_the_groups_own_paper_deadline(board):
    board.paper_deadline_days = 10
    board.save()
    assert schedule(board, at(2030, 3, 12)).paper_deadline == at(2030, 3, 2)


def test_scheduling_a_meeting_that_ends_before_it_starts_is_refused(board):
    with pytest.raises(ValidationError, match="must end after it starts"):
        meeting_services.meeting_schedule(
            group=board, starts_at=at(2030, 3, 12, 14), ends_at=at(2030, 3, 12, 13), location="Hall"
        )
    assert not Meeting.objects.exists()


def test_a_meeting_needs_a_place_or_a_link(board):
    with pytest.raises(ValidationError, match="place or an online link"):
        schedule(board, location="")
    assert schedule(board, location="", online_link="https://meet.example.org/board").pk


def test_inactive_group_cannot_schedule(board):
    board.active = False
    board.save()
    with pytest.raises(ValidationError, match="no longer active"):
        schedule(board)


def test_series_of_eight_six_weekly_board_meetings_never_lands_on_a_weekend_or_bank_holiday(board):
    ClosureDay.objects.create(date=datetime.date(2026, 12, 29), reason="Christmas closure")
    meetings = meeting_services.meeting_schedule_series(
        group=board,
        first_date=datetime.date(2026, 11, 16),
        count=8,
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        location="Plough Lane",
    )
    days = [meeting.local_date for meeting in meetings]
    assert len(days) == 8
    assert all(is_working_day(day) for day in days)
    assert datetime.date(2026, 12, 30) in days  # 28 Dec (Boxing Day substitute), 29 Dec (closure)
    assert datetime.date(2027, 5, 4) in days  # the early May bank holiday moved to the Tuesday
    assert days[-1] == datetime.date(2027, 9, 6)  # the pattern did not drift
    assert all(timezone.localtime(m.starts_at).time() == datetime.time(10) for m in meetings)
    assert all(meeting.agenda_items.exists() for meeting in meetings)


def test_series_for_an_ad_hoc_group_is_refused_and_nothing_is_saved(board):
    board.meeting_frequency = MeetingFrequency.AD_HOC
    board.save()
    with pytest.raises(ValidationError, match="ad hoc"):
        meeting_services.meeting_schedule_series(
            group=board,
            first_date=datetime.date(2030, 1, 8),
            count=4,
            start_time=datetime.time(10),
            end_time=datetime.time(12),
            location="Hall",
        )
    assert not Meeting.objects.exists()


def test_series_is_all_or_nothing(board, monkeypatch):
    calls = []
    original = meeting_services.meeting_schedule

    def fail_on_third(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise ValidationError("boom")
        return original(**kwargs)

    monkeypatch.setattr(meeting_services, "meeting_schedule", fail_on_third)
    with pytest.raises(ValidationError):
        meeting_services.meeting_schedule_series(
            group=board,
            first_date=datetime.date(2030, 1, 8),
            count=4,
            start_time=datetime.time(10),
            end_time=datetime.time(12),
            location="Hall",
        )
    assert not Meeting.objects.exists()


def _paper(meeting, submitted_at, **kwargs):
    item = meeting.agenda_items.order_by("sort_key").first()
    return Paper.objects.create(
        agenda_item=item,
        title="Scorecard",
        file="papers/x.pdf",
        original_name="x.pdf",
        content_type="application/pdf",
        size=10,
        submitted_at=submitted_at,
        is_late=submitted_at > meeting.paper_deadline,
        **kwargs,
    )


def test_moving_a_meeting_later_makes_a_late_paper_on_time(board):
    meeting = schedule(board, at(2030, 3, 12))
    paper = _paper(meeting, at(2030, 3, 10))  # two days late
    assert paper.is_late
    meeting_services.meeting_reschedule(
        meeting=meeting, starts_at=at(2030, 3, 19), ends_at=at(2030, 3, 19, 12)
    )
    paper.refresh_from_db()
    meeting.refresh_from_db()
    assert meeting.paper_deadline == at(2030, 3, 12)
    assert not paper.is_late


def test_moving_a_meeting_earlier_makes_an_on_time_paper_late(board):
    meeting = schedule(board, at(2030, 3, 12))
    paper = _paper(meeting, at(2030, 3, 4))
    assert not paper.is_late
    meeting_services.meeting_reschedule(
        meeting=meeting,
        starts_at=at(2030, 3, 10),
        ends_at=at(2030, 3, 10, 12),
        non_working_day_confirmed=True,  # a Sunday, confirmed
    )
    paper.refresh_from_db()
    assert paper.is_late


def test_moving_a_meeting_across_the_clock_change_keeps_the_deadline_local_time(board):
    meeting = schedule(board, at(2026, 3, 19))
    meeting_services.meeting_reschedule(meeting=meeting, starts_at=at(2026, 4, 2), ends_at=at(2026, 4, 2, 12))
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.paper_deadline) == at(2026, 3, 26)
    paper = _paper(meeting, at(2026, 3, 26))
    assert not paper.is_late


def test_moving_a_published_meeting_tells_the_members(board, board_members):
    meeting = schedule(board, at(2030, 3, 12))
    agenda_services.agenda_publish(meeting=meeting)
    meeting_services.meeting_reschedule(
        meeting=meeting, starts_at=at(2030, 3, 19), ends_at=at(2030, 3, 19, 12)
    )
    assert Notification.objects.filter(kind="meeting_rescheduled").count() == 4


def test_a_held_meeting_cannot_be_moved(board):
    meeting = schedule(board, at(2030, 3, 12))
    meeting_services.meeting_mark_held(meeting=meeting, today=datetime.date(2030, 3, 12))
    with pytest.raises(ValidationError, match="has been held"):
        meeting_services.meeting_reschedule(
            meeting=meeting, starts_at=at(2030, 3, 19), ends_at=at(2030, 3, 19, 12)
        )


@pytest.mark.parametrize("reason", ["", "   "])
def test_cancelling_needs_a_reason(board, reason):
    meeting = schedule(board)
    with pytest.raises(ValidationError, match="reason"):
        meeting_services.meeting_cancel(meeting=meeting, reason=reason)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_cancelling_records_the_reason_and_tells_members(board, board_members):
    meeting = schedule(board)
    meeting_services.meeting_cancel(meeting=meeting, reason="Not enough business")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.cancellation_reason == "Not enough business"
    assert Notification.objects.filter(kind="meeting_cancelled").count() == 4
    with pytest.raises(ValidationError, match="cancelled"):
        agenda_services.agenda_item_add(meeting=meeting, title="Late business")


def test_a_meeting_is_marked_held_only_on_or_after_its_day(board):
    meeting = schedule(board, at(2030, 3, 12))
    with pytest.raises(ValidationError, match="on or after its day"):
        meeting_services.meeting_mark_held(meeting=meeting, today=datetime.date(2030, 3, 11))
    meeting_services.meeting_mark_held(meeting=meeting, today=datetime.date(2030, 3, 12))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_a_cancelled_meeting_cannot_be_marked_held(board):
    meeting = schedule(board, at(2030, 3, 12))
    meeting_services.meeting_cancel(meeting=meeting, reason="Snow")
    with pytest.raises(ValidationError, match="cancelled"):
        meeting_services.meeting_mark_held(meeting=meeting, today=datetime.date(2030, 3, 12))


# Standing items -------------------------------------------------------------


def test_standing_items_are_added_in_order_with_a_line_per_reporting_group(board):
    for name in ("Quality and Effectiveness Group", "Education Group"):
        GroupFactory(name=name).reports_to.set([board])
    GroupFactory(name="Old Group", active=False).reports_to.set([board])
    meeting = schedule(board)
    assert numbers(meeting) == [
        ("1", "Welcome, introductions and apologies"),
        ("2", "Minutes of the previous meeting and action log"),
        ("3", "Matters arising"),
        ("4", "Messages to and from partnership groups"),
        ("4.1", "Education Group"),
        ("4.2", "Quality and Effectiveness Group"),
        ("5", "Any other business"),
        ("6", "Date of next meeting"),
    ]
    lines = AgendaItem.objects.filter(meeting=meeting, parent__isnull=False)
    assert {line.reporting_group.name for line in lines} == {
        "Education Group",
        "Quality and Effectiveness Group",
    }
    assert AgendaItem.objects.get(meeting=meeting, number="4.1").sort_key == "0004.0001"


def test_standing_items_are_not_added_twice(board):
    GroupFactory(name="Education Group").reports_to.set([board])
    meeting = schedule(board)
    before = numbers(meeting)
    assert agenda_services.agenda_standing_items_add(meeting=meeting) == []
    assert numbers(meeting) == before


def test_a_new_reporting_group_gets_its_line_when_standing_items_are_added_again(board):
    meeting = schedule(board)
    GroupFactory(name="Neglect Task and Finish Group").reports_to.set([board])
    agenda_services.agenda_standing_items_add(meeting=meeting)
    assert ("4.1", "Neglect Task and Finish Group") in numbers(meeting)


def _inquorate_decision(board, when):
    earlier = MeetingFactory(group=board, starts_at=when, status=MeetingStatus.HELD)
    item = AgendaItemFactory(meeting=earlier, position=1)
    return Decision.objects.create(
        agenda_item=item, text="Adopt the plan", taken_quorate=False, needs_ratification=True
    )


def test_no_ratification_item_without_decisions_waiting(board):
    meeting = schedule(board)
    assert not meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists()


def test_ratification_item_when_an_inquorate_decision_waits(board):
    _inquorate_decision(board, at(2030, 1, 14))
    meeting = schedule(board, at(2030, 3, 12))
    assert numbers(meeting)[:4] == [
        ("1", "Welcome, introductions and apologies"),
        ("2", "Minutes of the previous meeting and action log"),
        ("3", "Decisions for ratification"),
        ("4", "Matters arising"),
    ]


def test_a_ratified_decision_no_longer_brings_the_item(board):
    decision = _inquorate_decision(board, at(2030, 1, 14))
    decision.ratified_on = datetime.date(2030, 2, 1)
    decision.save()
    meeting = schedule(board, at(2030, 3, 12))
    assert not meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists()


def test_another_groups_inquorate_decision_does_not_bring_the_item(board):
    _inquorate_decision(GroupFactory(), at(2030, 1, 14))
    meeting = schedule(board, at(2030, 3, 12))
    assert not meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists()


def test_in_a_series_only_the_next_meeting_carries_the_ratification_item(board):
    _inquorate_decision(board, at(2030, 1, 14))
    meetings = meeting_services.meeting_schedule_series(
        group=board,
        first_date=datetime.date(2030, 3, 12),
        count=3,
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        location="Hall",
    )
    carrying = [m.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists() for m in meetings]
    assert carrying == [True, False, False]


def test_ratification_item_can_be_ensured_on_an_already_scheduled_meeting(board):
    meeting = schedule(board, at(2030, 3, 12))
    assert agenda_services.agenda_ratification_item_ensure(meeting=meeting) is None
    _inquorate_decision(board, at(2030, 1, 14))
    item = agenda_services.agenda_ratification_item_ensure(meeting=meeting)
    assert item.number == "3"
    assert agenda_services.agenda_ratification_item_ensure(meeting=meeting) == item
    assert numbers(meeting)[3] == ("4", "Matters arising")


# Agenda items ----------------------------------------------------------------


def test_new_business_goes_before_the_closing_standing_items(board):
    meeting = schedule(board)
    agenda_services.agenda_item_add(meeting=meeting, title="Scorecard Q2")
    agenda_services.agenda_item_add(meeting=meeting, title="Budget")
    assert [title for _, title in numbers(meeting)] == [
        "Welcome, introductions and apologies",
        "Minutes of the previous meeting and action log",
        "Matters arising",
        "Scorecard Q2",
        "Budget",
        "Messages to and from partnership groups",
        "Any other business",
        "Date of next meeting",
    ]


def test_numbering_is_1_2_and_2_1_for_sub_items():
    meeting = MeetingFactory()
    first = agenda_services.agenda_item_add(meeting=meeting, title="Welcome")
    second = agenda_services.agenda_item_add(meeting=meeting, title="Performance")
    sub = agenda_services.agenda_item_add(meeting=meeting, title="Scorecard", parent=second)
    sub2 = agenda_services.agenda_item_add(meeting=meeting, title="Audit", parent=second)
    assert (first.number, second.number, sub.number, sub2.number) == ("1", "2", "2.1", "2.2")
    assert (second.sort_key, sub.sort_key, sub2.sort_key) == ("0002", "0002.0001", "0002.0002")


def test_sub_items_go_only_one_level_deep():
    meeting = MeetingFactory()
    top = agenda_services.agenda_item_add(meeting=meeting, title="Performance")
    sub = agenda_services.agenda_item_add(meeting=meeting, title="Scorecard", parent=top)
    with pytest.raises(ValidationError, match="one level deep"):
        agenda_services.agenda_item_add(meeting=meeting, title="Too deep", parent=sub)


def test_an_item_needs_a_title():
    with pytest.raises(ValidationError, match="title"):
        agenda_services.agenda_item_add(meeting=MeetingFactory(), title="  ")


def test_moving_an_item_up_renumbers_it_and_its_sub_items():
    meeting = MeetingFactory()
    agenda_services.agenda_item_add(meeting=meeting, title="A")
    b = agenda_services.agenda_item_add(meeting=meeting, title="B")
    agenda_services.agenda_item_add(meeting=meeting, title="B one", parent=b)
    agenda_services.agenda_item_move(item=b, direction="up")
    assert numbers(meeting) == [("1", "B"), ("1.1", "B one"), ("2", "A")]


def test_moving_a_sub_item_down_among_its_siblings():
    meeting = MeetingFactory()
    top = agenda_services.agenda_item_add(meeting=meeting, title="Top")
    one = agenda_services.agenda_item_add(meeting=meeting, title="One", parent=top)
    agenda_services.agenda_item_add(meeting=meeting, title="Two", parent=top)
    agenda_services.agenda_item_move(item=one, direction="down")
    assert numbers(meeting) == [("1", "Top"), ("1.1", "Two"), ("1.2", "One")]


def test_the_first_item_cannot_move_up():
    meeting = MeetingFactory()
    first = agenda_services.agenda_item_add(meeting=meeting, title="A")
    with pytest.raises(ValidationError, match="already the first"):
        agenda_services.agenda_item_move(item=first, direction="up")


def test_deleting_an_item_renumbers_the_rest():
    meeting = MeetingFactory()
    a = agenda_services.agenda_item_add(meeting=meeting, title="A")
    agenda_services.agenda_item_add(meeting=meeting, title="B")
    agenda_services.agenda_item_add(meeting=meeting, title="C")
    agenda_services.agenda_item_delete(item=a)
    assert numbers(meeting) == [("1", "B"), ("2", "C")]


def test_the_previous_minutes_item_cannot_be_deleted_but_matters_arising_can(board):
    meeting = schedule(board)
    with pytest.raises(ValidationError, match="stays on every agenda"):
        agenda_services.agenda_item_delete(
            item=meeting.agenda_items.get(standing_item=StandingItem.PREVIOUS_MINUTES)
        )
    agenda_services.agenda_item_delete(
        item=meeting.agenda_items.get(standing_item=StandingItem.MATTERS_ARISING)
    )
    assert [n for n, _ in numbers(meeting)] == ["1", "2", "3", "4", "5"]
    agenda_services.agenda_standing_items_add(meeting=meeting)
    assert numbers(meeting)[2] == ("3", "Matters arising")


def test_an_item_with_papers_cannot_be_deleted(board):
    meeting = schedule(board)
    paper = _paper(meeting, at(2030, 3, 1))
    with pytest.raises(ValidationError, match="papers"):
        agenda_services.agenda_item_delete(item=paper.agenda_item)


def test_a_held_meeting_agenda_cannot_be_reordered_but_can_gain_an_item_at_the_end(board):
    meeting = schedule(board, at(2030, 3, 12))
    meeting_services.meeting_mark_held(meeting=meeting, today=datetime.date(2030, 3, 12))
    item = meeting.agenda_items.get(standing_item=StandingItem.AOB)
    with pytest.raises(ValidationError, match="quote its item numbers"):
        agenda_services.agenda_item_move(item=item, direction="up")
    with pytest.raises(ValidationError, match="quote its item numbers"):
        agenda_services.agenda_item_delete(item=item)
    late = agenda_services.agenda_item_add(meeting=meeting, title="Raised on the day")
    assert late.number == "7"


def test_updating_an_item_keeps_its_number():
    meeting = MeetingFactory()
    item = agenda_services.agenda_item_add(meeting=meeting, title="A")
    agenda_services.agenda_item_update(
        item=item, title="Renamed", purpose="decision", confidential=True, minutes_allowed=15
    )
    item.refresh_from_db()
    assert (item.number, item.title, item.purpose, item.confidential, item.minutes_allowed) == (
        "1",
        "Renamed",
        "decision",
        True,
        15,
    )


def test_publishing_the_agenda_tells_current_members_once(board, board_members):
    meeting = schedule(board)
    agenda_services.agenda_publish(meeting=meeting)
    notes = Notification.objects.filter(kind="agenda_published")
    assert notes.count() == 4
    assert {n.key.split(":")[1] + ":" + n.key.split(":")[2] for n in notes} == {f"meeting:{meeting.pk}"}
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is not None
    with pytest.raises(ValidationError, match="already published"):
        agenda_services.agenda_publish(meeting=meeting)


# Attendance ------------------------------------------------------------------


def test_attendance_is_prefilled_from_current_membership(board, board_members):
    meeting = schedule(board)
    lines = {line.person.name: line for line in attendance_services.attendance_prefill(meeting=meeting)}
    assert lines["Shire Police Lead"].status == "not_recorded"  # neither present nor absent yet
    assert lines["Shire Police Lead"].is_member
    assert lines["Minnie Taker"].status == "in_attendance"
    assert not lines["Minnie Taker"].is_member
    assert not Attendance.objects.exists()


def test_attendance_prefill_shows_recorded_lines_and_visitors(board, board_members):
    meeting = schedule(board)
    attendance_services.attendance_record(meeting=meeting, person=board_members["police"], status="present")
    visitor = PersonFactory(name="Vera Visitor")
    attendance_services.attendance_record(meeting=meeting, person=visitor, status="in_attendance")
    lines = {line.person.name: line for line in attendance_services.attendance_prefill(meeting=meeting)}
    assert lines["Shire Police Lead"].status == "present"
    assert lines["Shire Police Lead"].recorded
    assert lines["Vera Visitor"].status == "in_attendance"
    assert not lines["Vera Visitor"].is_member


def test_police_absent_makes_the_meeting_not_quorate(board, board_members):
    meeting = schedule(board)
    for key in ("council", "icb"):
        attendance_services.attendance_record(meeting=meeting, person=board_members[key], status="present")
    attendance_services.attendance_record(
        meeting=meeting,
        person=board_members["police"],
        status="apologies",
        apology_reason="Court",
        apology_valid=True,
    )
    assert str(meeting_quoracy(meeting=meeting)) == "Not quorate — police not represented"


def test_a_police_deputy_registered_for_the_police_member_keeps_the_meeting_quorate(
    board, board_members, partners
):
    meeting = schedule(board)
    for key in ("council", "icb"):
        attendance_services.attendance_record(meeting=meeting, person=board_members[key], status="present")
    attendance_services.attendance_record(meeting=meeting, person=board_members["police"], status="apologies")
    deputy = PersonFactory(agency=partners["police"])
    MembershipFactory(person=deputy, group=board, role="deputy", deputy_for=board_members["police"])
    row = attendance_services.attendance_record(
        meeting=meeting, person=deputy, status="deputy", deputy_for=board_members["police"]
    )
    assert row.agency == partners["police"]
    assert not row.is_member
    assert meeting_quoracy(meeting=meeting).quorate


def test_a_deputy_from_another_agency_is_refused(board, board_members, partners):
    meeting = schedule(board)
    deputy = PersonFactory(name="Ivy Council", agency=partners["council"])
    with pytest.raises(ValidationError) as raised:
        attendance_services.attendance_record(
            meeting=meeting, person=deputy, status="deputy", deputy_for=board_members["police"]
        )
    assert raised.value.message_dict["deputy_for"] == [
        "A deputy must be from the same agency as the member they stand in for: "
        "Shire Police Lead represents Shire Police, Ivy Council is from Shire Council."
    ]


def test_a_deputy_must_name_the_member():
    meeting = MeetingFactory()
    with pytest.raises(ValidationError, match="Name the member"):
        attendance_services.attendance_record(meeting=meeting, person=PersonFactory(), status="deputy")


def test_apology_reason_is_kept_only_for_apologies(board, board_members):
    meeting = schedule(board)
    row = attendance_services.attendance_record(
        meeting=meeting,
        person=board_members["icb"],
        status="apologies",
        apology_reason="Leave",
        apology_valid=True,
    )
    assert (row.apology_reason, row.apology_valid) == ("Leave", True)
    row = attendance_services.attendance_record(
        meeting=meeting,
        person=board_members["icb"],
        status="present",
        apology_reason="Leave",
        apology_valid=True,
    )
    assert (row.apology_reason, row.apology_valid) == ("", None)
    assert Attendance.objects.count() == 1


def test_police_who_left_before_item_5_make_item_5_inquorate(board, board_members):
    meeting = schedule(board)
    for title in ("Scorecard", "Budget"):
        agenda_services.agenda_item_add(meeting=meeting, title=title)
    items = list(meeting.agenda_items.order_by("sort_key"))
    item_5 = items[4]
    assert item_5.number == "5"
    for key in ("council", "icb"):
        attendance_services.attendance_record(meeting=meeting, person=board_members[key], status="present")
    attendance_services.attendance_record(
        meeting=meeting,
        person=board_members["police"],
        status="present",
        left_before_item=item_5,
        left_at=datetime.time(11, 15),
    )
    assert item_quoracy(meeting=meeting, item=items[3]).quorate
    assert str(item_quoracy(meeting=meeting, item=item_5)) == "Not quorate — police not represented"


def test_leaving_before_the_item_they_arrived_for_is_refused(board, board_members):
    meeting = schedule(board)
    items = list(meeting.agenda_items.order_by("sort_key"))
    with pytest.raises(ValidationError, match="cannot leave before item 2"):
        attendance_services.attendance_record(
            meeting=meeting,
            person=board_members["icb"],
            status="present",
            arrived_for_item=items[2],
            left_before_item=items[1],
        )


def test_an_item_from_another_meeting_is_refused(board, board_members):
    meeting = schedule(board)
    other_item = AgendaItemFactory()
    with pytest.raises(ValidationError, match="another meeting"):
        attendance_services.attendance_record(
            meeting=meeting, person=board_members["icb"], status="present", arrived_for_item=other_item
        )


def test_recording_a_whole_page_is_all_or_nothing(board, board_members):
    meeting = schedule(board)
    stranger = PersonFactory(agency=AgencyFactory())
    lines = [
        {"person": board_members["council"], "status": "present"},
        {"person": stranger, "status": "deputy", "deputy_for": board_members["police"]},
    ]
    with pytest.raises(attendance_services.AttendanceLinesError) as raised:
        attendance_services.attendance_record_lines(meeting=meeting, lines=lines)
    assert list(raised.value.line_errors) == [1]
    assert not Attendance.objects.exists()


def test_an_empty_status_takes_someone_off_the_list(board, board_members):
    meeting = schedule(board)
    visitor = PersonFactory()
    attendance_services.attendance_record(meeting=meeting, person=visitor, status="in_attendance")
    attendance_services.attendance_record_lines(meeting=meeting, lines=[{"person": visitor, "status": ""}])
    assert not Attendance.objects.exists()


def test_attendance_at_a_cancelled_meeting_is_refused(board, board_members):
    meeting = schedule(board)
    meeting_services.meeting_cancel(meeting=meeting, reason="Snow")
    with pytest.raises(ValidationError, match="cancelled"):
        attendance_services.attendance_record(meeting=meeting, person=board_members["icb"], status="present")


def test_advisers_and_deputies_default_to_not_at_this_meeting_rather_than_absent(
    board, board_members, partners
):
    adviser = PersonFactory(name="Ada Adviser", agency=partners["council"])
    MembershipFactory(person=adviser, group=board, role="adviser")
    deputy = PersonFactory(name="Dee Deputy", agency=partners["police"])
    MembershipFactory(person=deputy, group=board, role="deputy", deputy_for=board_members["police"])
    meeting = schedule(board)
    lines = {line.person.name: line for line in attendance_services.attendance_prefill(meeting=meeting)}
    assert (lines["Ada Adviser"].status, lines["Ada Adviser"].is_member) == ("", False)
    assert (lines["Dee Deputy"].status, lines["Dee Deputy"].deputy_for) == ("", board_members["police"])
