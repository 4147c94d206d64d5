"""Issue 10 points 5 and 6: who counts towards quoracy is a rule of the group (default: the
partner's current members, or a deputy registered for one of them), and attendance not yet
recorded is its own state."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.partnership import partnership_settings_update
from governance.models import Attendance, Group, GroupKind, Membership
from governance.selectors.meetings import meeting_quoracy
from governance.services import attendance as attendance_services
from governance.services import meetings as meeting_services
from governance.services import structure as structure_services
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    council,
    icb,
    police,
)
from governance.tests.factories_meetings import AttendanceFactory, MeetingFactory
from governance.tests.helpers_reminders import london, partnership, sent_to
from notifications.models import Notification

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
HELD_ON = datetime.date(2030, 3, 12)


@pytest.fixture
def board():
    return GroupFactory(name="Safeguarding Partners Board", short_name="Board", kind=GroupKind.BOARD)


@pytest.fixture
def members(board):
    people = {}
    for key, agency in (("council", council()), ("icb", icb()), ("police", police())):
        people[key] = PersonFactory(name=f"{agency.name} Lead", agency=agency)
        MembershipFactory(person=people[key], group=board, role="member")
    return people


@pytest.fixture
def meeting(board):
    starts = datetime.datetime(2030, 3, 12, 10, tzinfo=LONDON)
    return meeting_services.meeting_schedule(
        group=board, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), location="Plough Lane"
    )


def council_and_icb_present(meeting, members):
    for key in ("council", "icb"):
        attendance_services.attendance_record(meeting=meeting, person=members[key], status="present")


# Point 5: who counts ------------------------------------------------------------------


def test_a_police_officer_present_who_is_not_a_member_of_the_group_does_not_make_it_quorate(meeting, members):
    council_and_icb_present(meeting, members)
    visitor = PersonFactory(name="Vic Visitor", agency=members["police"].agency)
    attendance_services.attendance_record(meeting=meeting, person=visitor, status="present")
    assert str(meeting_quoracy(meeting=meeting)) == "Not quorate — police not represented"


def test_a_police_deputy_not_registered_on_the_group_does_not_make_it_quorate(meeting, members):
    council_and_icb_present(meeting, members)
    attendance_services.attendance_record(meeting=meeting, person=members["police"], status="apologies")
    stand_in = PersonFactory(name="Sam Standin", agency=members["police"].agency)
    attendance_services.attendance_record(
        meeting=meeting, person=stand_in, status="deputy", deputy_for=members["police"]
    )
    assert str(meeting_quoracy(meeting=meeting)) == "Not quorate — police not represented"


def test_a_deputy_registered_for_someone_else_does_not_count_for_the_member_they_now_attend_for(
    board, meeting, members
):
    council_and_icb_present(meeting, members)
    other_police_member = PersonFactory(agency=members["police"].agency)
    MembershipFactory(person=other_police_member, group=board, role="member")
    deputy = PersonFactory(agency=members["police"].agency)
    MembershipFactory(person=deputy, group=board, role="deputy", deputy_for=other_police_member)
    attendance_services.attendance_record(
        meeting=meeting, person=deputy, status="deputy", deputy_for=members["police"]
    )
    assert not meeting_quoracy(meeting=meeting).quorate


def test_a_group_counting_anyone_from_the_partner_counts_the_non_member(board, meeting, members):
    board.quorum_counting = "anyone_from_partner"
    board.save()
    meeting.refresh_from_db()
    council_and_icb_present(meeting, members)
    visitor = PersonFactory(agency=members["police"].agency)
    attendance_services.attendance_record(meeting=meeting, person=visitor, status="present")
    assert meeting_quoracy(meeting=meeting).quorate


def test_groups_without_their_own_rule_follow_the_partnerships_default(meeting, members):
    council_and_icb_present(meeting, members)
    visitor = PersonFactory(agency=members["police"].agency)
    attendance_services.attendance_record(meeting=meeting, person=visitor, status="present")
    assert not meeting_quoracy(meeting=meeting).quorate
    partnership_settings_update(values={"quorum_counting": "anyone_from_partner"})
    assert meeting_quoracy(meeting=meeting).quorate


def test_the_group_page_says_who_counts_towards_quoracy_and_that_it_is_the_products_rule(
    client, secretariat, board
):
    client.force_login(secretariat)
    page = client.get(board.get_absolute_url()).content.decode()
    assert "Counts towards quoracy" in page
    assert "Current members from the partner agency, or a deputy registered for one of them" in page
    assert "the partnership's default, set on the settings page" in page
    assert "the product's own rule" in page


def test_the_membership_form_refuses_a_deputy_from_another_agency(client, secretariat, board, members):
    council_officer = PersonFactory(name="Ivy Council", agency=members["council"].agency)
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:membership_create", args=[board.pk]),
        {
            "person": council_officer.pk,
            "role": "deputy",
            "deputy_for": members["police"].pk,
            "start_date": "2030-01-01",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["deputy_for"] == [
        "A deputy must be from the same agency as the member they stand in for: "
        "Shire Police Lead represents Shire Police, Ivy Council is from Shire Council."
    ]
    assert response.context["form"]["person"].value() == str(council_officer.pk)
    assert not Membership.objects.filter(person=council_officer).exists()


def test_the_membership_service_accepts_a_deputy_from_the_members_agency(board, members):
    deputy = PersonFactory(agency=members["police"].agency)
    membership = structure_services.membership_save(
        membership=Membership(
            person=deputy,
            group=board,
            role="deputy",
            deputy_for=members["police"],
            start_date=datetime.date(2030, 1, 1),
        )
    )
    assert membership.agency == members["police"].agency


def test_the_membership_service_refuses_a_deputy_from_another_agency(board, members):
    with pytest.raises(ValidationError) as raised:
        structure_services.membership_save(
            membership=Membership(
                person=PersonFactory(agency=members["icb"].agency),
                group=board,
                role="deputy",
                deputy_for=members["police"],
                start_date=datetime.date(2030, 1, 1),
            )
        )
    assert "same agency" in raised.value.message_dict["deputy_for"][0]


# Point 6: not yet recorded ----------------------------------------------------------------


def test_members_not_yet_marked_are_prefilled_as_not_yet_recorded(meeting, members):
    lines = attendance_services.attendance_prefill(meeting=meeting)
    assert {line.person.name: line.status for line in lines} == {
        "Shire Council Lead": "not_recorded",
        "Shire ICB Lead": "not_recorded",
        "Shire Police Lead": "not_recorded",
    }


def test_a_line_not_yet_recorded_never_makes_the_meeting_quorate(board, meeting, members):
    board.quorum_counting = "anyone_from_partner"
    board.save()
    meeting.refresh_from_db()
    council_and_icb_present(meeting, members)
    attendance_services.attendance_record(meeting=meeting, person=members["police"], status="not_recorded")
    assert not meeting_quoracy(meeting=meeting).quorate


def test_marking_a_meeting_held_with_lines_not_yet_recorded_asks_for_them_first(meeting, members):
    council_and_icb_present(meeting, members)
    attendance_services.attendance_record(meeting=meeting, person=members["police"], status="not_recorded")
    with pytest.raises(ValidationError) as raised:
        meeting_services.meeting_mark_held(meeting=meeting, today=HELD_ON)
    assert raised.value.messages == [
        "Record the attendance first: Shire Police Lead is not yet recorded as present, sending "
        "apologies or absent."
    ]
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"
    attendance_services.attendance_record(meeting=meeting, person=members["police"], status="apologies")
    meeting_services.meeting_mark_held(meeting=meeting, today=HELD_ON)
    assert meeting.status == "held"


def test_the_meeting_page_shows_who_is_not_yet_recorded_when_it_cannot_be_marked_held(
    client, secretariat, board, members
):
    starts = datetime.datetime(2025, 1, 14, 10, tzinfo=LONDON)
    meeting = meeting_services.meeting_schedule(
        group=board, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), location="Plough Lane"
    )
    client.force_login(secretariat)
    formset = {"line-TOTAL_FORMS": "3", "line-INITIAL_FORMS": "3"}
    for index, line in enumerate(attendance_services.attendance_prefill(meeting=meeting)):
        formset[f"line-{index}-person"] = str(line.person.pk)
        formset[f"line-{index}-status"] = "present" if "Police" not in line.person.name else "not_recorded"
    client.post(reverse("governance:attendance_edit", args=[meeting.pk]), formset)
    assert Attendance.objects.get(person=members["police"]).status == "not_recorded"
    page = client.post(reverse("governance:meeting_mark_held", args=[meeting.pk]), follow=True)
    text = page.content.decode()
    assert "Record the attendance first: Shire Police Lead is not yet recorded" in text
    assert "Not yet recorded" in text


def test_a_line_not_yet_recorded_is_not_reported_to_a_line_manager(scan_at):
    group = GroupFactory(name="Education Group")
    school = AgencyFactory(name="Hillside Primary School")
    member = PersonFactory(
        name="Sally School", agency=school, line_manager=PersonFactory(name="Mandy Manager", agency=school)
    )
    MembershipFactory(person=member, group=group)
    meeting = MeetingFactory(group=group, starts_at=london(2026, 3, 10, 10), status="held")
    Attendance.objects.create(meeting=meeting, person=member, agency=school, status="not_recorded")
    scan_at(london(2026, 3, 11, 9))
    assert sent_to("non_attendance") == []
    assert sent_to("line_manager_missing") == []
    assert Group.objects.filter(pk=group.pk).exists()


def test_a_line_not_yet_recorded_is_no_reply_in_the_quoracy_forecast(scan_at, secretariat):
    p = partnership()
    meeting = MeetingFactory(group=p.group, starts_at=london(2026, 3, 19, 10))
    AttendanceFactory(meeting=meeting, person=p.council_member, status="present")
    AttendanceFactory(meeting=meeting, person=p.police_member, status="present")
    AttendanceFactory(meeting=meeting, person=p.icb_member, status="not_recorded")
    scan_at(london(2026, 3, 16, 9))
    warning = Notification.objects.filter(kind="quoracy_forecast").first()
    assert warning is not None
    assert "The ICB (Shire ICB) none of its members has replied." in warning.body
