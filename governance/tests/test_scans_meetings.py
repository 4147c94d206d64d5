"""Meeting reminders from the scan: papers, minutes, the quoracy forecast and non-attendance."""

import datetime

import pytest
from django.core import mail

from governance.models import Agency, Minutes, MinutesStatus
from governance.tests.factories import AgencyFactory, GroupFactory, MembershipFactory, PersonFactory, police
from governance.tests.factories_meetings import AgendaItemFactory, AttendanceFactory, MeetingFactory
from governance.tests.factories_papers import PaperFactory
from governance.tests.helpers_reminders import london, partnership, sent_to
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# Papers ---------------------------------------------------------------------------

PAPERS_MEETING = london(2026, 3, 26, 10)  # Thursday; papers due Thursday 19 March at 10:00


def test_presenters_with_no_paper_are_reminded_three_working_days_before_the_deadline(scan_at):
    meeting = MeetingFactory(starts_at=PAPERS_MEETING)
    AgendaItemFactory(
        meeting=meeting, presenter=PersonFactory(name="Paula Presenter"), title="Neglect strategy"
    )
    with_paper = AgendaItemFactory(meeting=meeting, presenter=PersonFactory(name="Hari Haspaper"))
    PaperFactory(agenda_item=with_paper)
    AgendaItemFactory(meeting=meeting, presenter=PersonFactory(name="Abe Aob"), standing_item="aob")
    AgendaItemFactory(meeting=meeting, presenter=None)
    scan_at(london(2026, 3, 13, 9))  # Friday: four working days before
    assert sent_to("paper_reminder") == []
    scan_at(london(2026, 3, 16, 9))
    scan_at(london(2026, 3, 18, 9))
    assert sent_to("paper_reminder") == ["Paula Presenter"]
    reminder = Notification.objects.get(kind="paper_reminder")
    assert "Neglect strategy" in reminder.body
    assert "10:00 on Thursday 19 March 2026" in reminder.body


def test_no_paper_reminders_for_cancelled_meetings_or_inactive_presenters(scan_at):
    cancelled = MeetingFactory(starts_at=PAPERS_MEETING, status="cancelled")
    AgendaItemFactory(meeting=cancelled, presenter=PersonFactory())
    AgendaItemFactory(meeting=MeetingFactory(starts_at=PAPERS_MEETING), presenter=PersonFactory(active=False))
    scan_at(london(2026, 3, 16, 9))
    assert not Notification.objects.exists()


def test_after_the_deadline_the_secretariat_gets_the_missing_and_late_papers(scan_at, secretariat):
    meeting = MeetingFactory(starts_at=PAPERS_MEETING)
    AgendaItemFactory(
        meeting=meeting, title="Neglect strategy", presenter=PersonFactory(name="Paula Presenter")
    )
    late_item = AgendaItemFactory(meeting=meeting, title="Scorecard")
    PaperFactory(
        agenda_item=late_item,
        title="Q3 scorecard",
        is_late=True,
        submitted_at=meeting.paper_deadline + datetime.timedelta(hours=2),
        author=PersonFactory(name="Pete Police", agency=police()),
    )
    AgendaItemFactory(meeting=meeting, title="Any other business", standing_item="aob")
    scan_at(london(2026, 3, 19, 9, 59))
    assert sent_to("papers_after_deadline") == []
    scan_at(london(2026, 3, 19, 12, 5))
    scan_at(london(2026, 3, 20, 9))
    assert sent_to("papers_after_deadline") == ["Sam Secretariat"]
    report = Notification.objects.get(kind="papers_after_deadline")
    assert report.subject.endswith(": 1 missing, 1 late")
    assert "Neglect strategy — presented by Paula Presenter" in report.body
    assert (
        "“Q3 scorecard” by Pete Police (Shire Police), submitted 12:00 on 19 Mar 2026, not in the pack"
        in (report.body)
    )
    assert "Any other business" not in report.body


def test_no_papers_report_when_every_paper_is_in_on_time(scan_at, secretariat):
    meeting = MeetingFactory(starts_at=PAPERS_MEETING)
    PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting))
    scan_at(london(2026, 3, 19, 12))
    assert not Notification.objects.exists()


# Minutes -------------------------------------------------------------------------

HELD = london(2026, 3, 12, 10)  # Thursday


def test_secretariat_and_minute_taker_are_reminded_of_draft_minutes_ten_working_days_on(scan_at, secretariat):
    meeting = MeetingFactory(starts_at=HELD, status="held", minute_taker=PersonFactory(name="Mina Minutes"))
    Minutes.objects.create(meeting=meeting)
    scan_at(london(2026, 3, 25, 17))  # nine working days on
    assert sent_to("minutes_overdue") == []
    scan_at(london(2026, 3, 26, 9))
    scan_at(london(2026, 3, 27, 9))
    assert sent_to("minutes_overdue") == ["Mina Minutes", "Sam Secretariat"]
    assert len(mail.outbox) == 2


def test_minutes_not_started_at_all_are_chased_too(scan_at, secretariat):
    MeetingFactory(starts_at=HELD, status="held")
    scan_at(london(2026, 3, 26, 9))
    assert sent_to("minutes_overdue") == ["Sam Secretariat"]


def test_the_working_days_before_chasing_minutes_are_a_setting(scan_at, secretariat, settings):
    settings.MINUTES_REMINDER_WORKING_DAYS = 2
    MeetingFactory(starts_at=HELD, status="held")
    scan_at(london(2026, 3, 16, 9))  # Thursday + 2 working days
    assert sent_to("minutes_overdue") == ["Sam Secretariat"]


def test_no_minutes_reminder_once_circulated_or_for_meetings_not_held(scan_at, secretariat):
    circulated = MeetingFactory(starts_at=HELD, status="held")
    Minutes.objects.create(meeting=circulated, status=MinutesStatus.CIRCULATED)
    MeetingFactory(starts_at=HELD, status="cancelled")
    MeetingFactory(starts_at=HELD, status="scheduled")
    scan_at(london(2026, 3, 26, 9))
    assert not Notification.objects.exists()


# Quoracy forecast ----------------------------------------------------------------

QUORACY_MEETING = london(2026, 3, 19, 10)  # Thursday
MONDAY = london(2026, 3, 16, 9)


def _replies(meeting, p, **statuses):
    for member in (p.council_member, p.icb_member, p.police_member):
        key = member.name.split()[1].lower()
        status = statuses.get(key, "present")
        if status:
            AttendanceFactory(meeting=meeting, person=member, status=status)


def test_chair_secretariat_and_board_member_are_warned_when_the_police_sent_apologies_with_no_deputy(
    scan_at, secretariat
):
    p = partnership()
    meeting = MeetingFactory(group=p.group, starts_at=QUORACY_MEETING)
    _replies(meeting, p, police="apologies")
    scan_at(london(2026, 3, 13, 9))  # Friday: four working days before
    assert sent_to("quoracy_forecast") == []
    scan_at(MONDAY)
    assert sent_to("quoracy_forecast") == ["Bea Board-Police", "Carol Chair", "Sam Secretariat"]
    warning = Notification.objects.filter(kind="quoracy_forecast").first()
    assert "(police missing)" in warning.subject
    assert "The police (Shire Police) has sent apologies with no deputy." in warning.body
    assert "ICB" not in warning.body


def test_the_quoracy_warning_repeats_each_working_day_until_a_deputy_is_named(scan_at, secretariat):
    p = partnership()
    meeting = MeetingFactory(group=p.group, starts_at=QUORACY_MEETING)
    _replies(meeting, p, police="apologies")
    scan_at(MONDAY)
    scan_at(MONDAY + datetime.timedelta(hours=3))
    assert Notification.objects.filter(kind="quoracy_forecast").count() == 3
    scan_at(london(2026, 3, 17, 9))
    assert Notification.objects.filter(kind="quoracy_forecast").count() == 6
    AttendanceFactory(
        meeting=meeting,
        person=PersonFactory(name="Dee Deputy", agency=police()),
        status="deputy",
        deputy_for=p.police_member,
    )
    scan_at(london(2026, 3, 18, 9))
    assert Notification.objects.filter(kind="quoracy_forecast").count() == 6


def test_a_partner_none_of_whose_members_replied_is_named(scan_at, secretariat):
    p = partnership()
    meeting = MeetingFactory(
        group=p.group, starts_at=QUORACY_MEETING, chair=PersonFactory(name="Mo Meetingchair")
    )
    _replies(meeting, p, icb=None)
    scan_at(MONDAY)
    assert sent_to("quoracy_forecast") == [
        "Mo Meetingchair",
        "Sam Secretariat",
    ]  # the ICB has no board seat here
    warning = Notification.objects.filter(kind="quoracy_forecast").first()
    assert "The ICB (Shire ICB) none of its members has replied." in warning.body


def test_no_quoracy_warning_when_every_partner_is_expected(scan_at, secretariat):
    p = partnership()
    _replies(MeetingFactory(group=p.group, starts_at=QUORACY_MEETING), p)
    scan_at(MONDAY)
    assert not Notification.objects.exists()


def test_no_quoracy_warning_for_cancelled_meetings_or_groups_without_a_quorum_rule(scan_at, secretariat):
    p = partnership()
    MeetingFactory(group=p.group, starts_at=QUORACY_MEETING, status="cancelled")
    MeetingFactory(group=GroupFactory(quorum_rule="none"), starts_at=QUORACY_MEETING)
    scan_at(MONDAY)
    assert not Notification.objects.exists()


def test_an_ended_board_membership_is_not_warned(scan_at, secretariat):
    p = partnership()
    p.police_board_member.memberships.update(end_date=datetime.date(2026, 3, 1))
    _replies(MeetingFactory(group=p.group, starts_at=QUORACY_MEETING), p, police="apologies")
    scan_at(MONDAY)
    assert "Bea Board-Police" not in sent_to("quoracy_forecast")


# Non-attendance -------------------------------------------------------------------

AFTER = london(2026, 3, 12, 9)


def _school_member(group, **person):
    school = Agency.objects.filter(name="Hillside Primary School").first()
    member = PersonFactory(agency=school or AgencyFactory(name="Hillside Primary School"), **person)
    MembershipFactory(person=member, group=group)
    return member


def test_the_line_manager_is_told_when_a_member_from_a_relevant_agency_is_absent(scan_at, secretariat):
    group = GroupFactory(name="Education Group")
    member = _school_member(group, name="Sally School", line_manager=PersonFactory(name="Mandy Manager"))
    meeting = MeetingFactory(group=group, starts_at=london(2026, 3, 10, 10), status="held")
    AttendanceFactory(meeting=meeting, person=member, status="absent")
    scan_at(AFTER)
    scan_at(AFTER + datetime.timedelta(hours=1))
    assert sent_to("non_attendance") == ["Mandy Manager"]
    notice = Notification.objects.get(kind="non_attendance")
    assert "Sally School (Hillside Primary School), whom you line-manage" in notice.body
    assert "absent without apologies" in notice.body


def test_apologies_not_accepted_as_valid_are_reported_too_but_valid_ones_are_not(scan_at):
    group = GroupFactory()
    manager = PersonFactory(name="Mandy Manager")
    invalid = _school_member(group, line_manager=manager)
    valid = _school_member(group, line_manager=PersonFactory(name="Val Validmanager"))
    meeting = MeetingFactory(group=group, starts_at=london(2026, 3, 10, 10), status="held")
    AttendanceFactory(
        meeting=meeting, person=invalid, status="apologies", apology_valid=False, apology_reason="Busy"
    )
    AttendanceFactory(meeting=meeting, person=valid, status="apologies", apology_valid=True)
    scan_at(AFTER)
    assert sent_to("non_attendance") == ["Mandy Manager"]
    assert "(“Busy”)" in Notification.objects.get().body


def test_the_secretariat_is_told_who_has_no_line_manager(scan_at, secretariat):
    group = GroupFactory()
    member = _school_member(group, name="Sally School")
    meeting = MeetingFactory(group=group, starts_at=london(2026, 3, 10, 10), status="held")
    AttendanceFactory(meeting=meeting, person=member, status="absent")
    scan_at(AFTER)
    assert sent_to("line_manager_missing") == ["Sam Secretariat"]
    assert Notification.objects.get().url == member.get_absolute_url()


def test_no_non_attendance_notice_for_statutory_partners_ended_memberships_inactive_people_or_unheld_meetings(
    scan_at, secretariat
):
    group = GroupFactory()
    manager = PersonFactory()
    partner_member = PersonFactory(agency=police(), line_manager=manager)
    MembershipFactory(person=partner_member, group=group)
    former = PersonFactory(line_manager=manager)
    MembershipFactory(person=former, group=group, end_date=datetime.date(2026, 3, 11))
    inactive = _school_member(group, active=False, line_manager=manager)
    held = MeetingFactory(group=group, starts_at=london(2026, 3, 10, 10), status="held")
    for person in (partner_member, former, inactive):
        AttendanceFactory(meeting=held, person=person, status="absent")
    unheld = MeetingFactory(group=group, starts_at=london(2026, 3, 11, 10), status="scheduled")
    AttendanceFactory(meeting=unheld, person=_school_member(group, line_manager=manager), status="absent")
    scan_at(AFTER)
    assert not Notification.objects.exists()


def test_three_absences_in_a_row_are_flagged_to_the_groups_chair_once(scan_at):
    group = GroupFactory(short_name="EDU")
    MembershipFactory(person=PersonFactory(name="Chris Chair"), group=group, role="chair")
    member = _school_member(group, name="Sally School", line_manager=PersonFactory())
    for day in (3, 17):
        meeting = MeetingFactory(group=group, starts_at=london(2026, 2, day, 10), status="held")
        AttendanceFactory(meeting=meeting, person=member, status="absent")
    MeetingFactory(
        group=group, starts_at=london(2026, 3, 3, 10), status="cancelled"
    )  # does not break the run
    latest = MeetingFactory(group=group, starts_at=london(2026, 3, 10, 10), status="held")
    AttendanceFactory(meeting=latest, person=member, status="apologies", apology_valid=False)
    scan_at(AFTER)
    scan_at(AFTER + datetime.timedelta(days=1))
    assert sent_to("repeated_non_attendance") == ["Chris Chair"]
    flag = Notification.objects.get(kind="repeated_non_attendance")
    assert flag.subject == "Sally School has missed three EDU meetings in a row"
    assert "(3 Feb 2026, 17 Feb 2026, 10 Mar 2026)" in flag.body


def test_two_absences_in_a_row_are_not_flagged(scan_at):
    group = GroupFactory()
    MembershipFactory(person=PersonFactory(), group=group, role="chair")
    member = _school_member(group, line_manager=PersonFactory())
    attended = MeetingFactory(group=group, starts_at=london(2026, 2, 3, 10), status="held")
    AttendanceFactory(meeting=attended, person=member, status="present")
    for day in (17, 24):
        meeting = MeetingFactory(group=group, starts_at=london(2026, 2, day, 10), status="held")
        AttendanceFactory(meeting=meeting, person=member, status="absent")
    scan_at(london(2026, 2, 26, 9))
    assert not Notification.objects.filter(kind="repeated_non_attendance").exists()
