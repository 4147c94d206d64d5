"""Records that stay as they were agreed (issue 10, points 1-4, and the small things of 17/18).

1. Once minutes are approved, the meeting's attendance, decisions, reviewed action updates and
   item texts are locked like the minutes; a correction is a recorded amendment (who, when,
   why) shown in the minutes; the action review offers only actions that existed at the meeting.
2. A decision's quoracy is judged again whenever the attendance changes, until approval.
3. Approving minutes inquorate warns, and the approval then needs ratification.
4. Only key decisions taken inquorate need ratification (arrangements s.8).
17/18. No "Upload a paper" under routine standing items; a group's first meeting does not offer
   to approve previous minutes; "Date of next meeting" shows it; the minutes say who chaired.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from governance.models import (
    Attendance,
    AttendanceStatus,
    Decision,
    Minutes,
    MinutesAmendment,
    StandingItem,
)
from governance.selectors.actions import actions_for_meeting_review
from governance.selectors.minutes import decisions_awaiting_ratification, minutes_document
from governance.services import actions as action_services
from governance.services import agenda as agenda_services
from governance.services import attendance as attendance_services
from governance.services import minutes as services
from governance.services import papers as paper_services
from governance.tests.factories import PersonFactory
from governance.tests.factories_minutes import (
    AgendaItemFactory,
    at,
    board_meeting,
    partners_present,
)

pytestmark = pytest.mark.django_db

NEXT_JANUARY = "Date of next meeting \N{EN DASH} 31 January 2020"


@pytest.fixture
def december(group):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    people = partners_present(meeting)
    items[1].discussion = "The Chair welcomed all."
    items[1].save()
    return meeting, items, people


@pytest.fixture
def january(group):
    meeting, items = board_meeting(group, at(2020, 1, 31))
    people = partners_present(meeting)
    return meeting, items, people


def circulate(meeting):
    return services.minutes_circulate(minutes=services.minutes_start(meeting=meeting))


@pytest.fixture
def approved(december, january, secretariat):
    """December's minutes, approved at January's "minutes of the previous meeting" item."""
    return services.minutes_approve(
        minutes=circulate(december[0]), at_item=january[1][0], approved_by=secretariat
    )


# 1. Approved records are locked ------------------------------------------------------------


def test_attendance_of_a_meeting_with_approved_minutes_cannot_be_changed(approved, december):
    meeting, _, people = december
    with pytest.raises(ValidationError, match="approved on 31 Jan 2020, so changing its attendance"):
        attendance_services.attendance_record(
            meeting=meeting, person=people["police"], status=AttendanceStatus.APOLOGIES
        )
    with pytest.raises(ValidationError, match="record an amendment"):
        attendance_services.attendance_remove(meeting=meeting, person=people["police"])
    with pytest.raises(ValidationError, match="changing its attendance"):
        attendance_services.attendance_record_lines(
            meeting=meeting, lines=[{"person": PersonFactory(), "status": AttendanceStatus.PRESENT}]
        )
    assert Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.PRESENT).count() == 3


def test_the_attendance_page_of_an_approved_meeting_offers_the_correction_instead_of_the_form(
    client, secretariat, approved, december
):
    meeting = december[0]
    client.force_login(secretariat)
    response = client.get(reverse("governance:attendance_edit", args=[meeting.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:minutes_amend_attendance", args=[meeting.pk])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("governance:attendance_edit", args=[meeting.pk]) not in page
    assert "Correct the attendance (an amendment)" in page


def test_an_item_text_of_an_approved_meeting_cannot_be_changed(approved, december):
    item = december[1][2]
    with pytest.raises(ValidationError, match="changing what its agenda items say"):
        agenda_services.agenda_item_update(item=item, title="A new title")
    item.refresh_from_db()
    assert item.title == "Budget"


def test_an_action_cannot_be_recorded_at_a_meeting_whose_minutes_are_approved(
    approved, december, group, secretariat
):
    with pytest.raises(ValidationError, match="recording an action agreed at it"):
        action_services.action_record(
            group=group,
            description="Late addition",
            owners=[PersonFactory()],
            recorded_by=secretariat,
            origin_item=december[1][2],
        )


def _action_before(group, meeting):
    return action_services.action_record(
        group=group,
        description="Draft a letter to partners",
        owners=[PersonFactory()],
        recorded_by=None,
        now=meeting.starts_at - datetime.timedelta(days=30),
    )


def test_an_update_through_the_review_of_a_meeting_with_approved_minutes_is_refused(
    approved, december, group, secretariat
):
    meeting = december[0]
    action = _action_before(group, meeting)
    with pytest.raises(ValidationError, match="posting updates through its action log review"):
        action_services.action_update(
            action=action, author=secretariat, text="Letters sent.", reviewed_at_meeting=meeting
        )
    assert not action.updates.exists()


def test_the_review_of_a_meeting_with_approved_minutes_offers_no_update_forms(
    client, secretariat, approved, december, group
):
    meeting = december[0]
    action = _action_before(group, meeting)
    client.force_login(secretariat)
    html = client.get(reverse("governance:meeting_action_review", args=[meeting.pk])).content.decode()
    assert f"Action No {action.number}" in html
    assert "Post an update to action" not in html
    assert "are approved: the review held there is part of them and is locked" in html


def test_the_review_of_a_meeting_offers_only_actions_that_existed_at_it(group, secretariat):
    meeting, _ = board_meeting(group, at(2019, 12, 18))
    earlier = _action_before(group, meeting)
    later = action_services.action_record(
        group=group,
        description="Agreed months later",
        owners=[PersonFactory()],
        recorded_by=None,
        now=at(2020, 5, 1),
    )
    reviewed = actions_for_meeting_review(meeting=meeting, user=secretariat)
    assert [action.pk for action in reviewed] == [earlier.pk]
    with pytest.raises(ValidationError, match="was not reviewed at that meeting"):
        action_services.action_update(
            action=later, author=secretariat, text="Started.", reviewed_at_meeting=meeting
        )


def test_correcting_attendance_in_approved_minutes_is_an_amendment_with_who_when_and_why(
    client, secretariat, approved, december
):
    meeting, _, people = december
    asked = PersonFactory(name="Liz Murphy")
    amendment = services.minutes_amend_attendance(
        minutes=approved,
        person=people["police"],
        status=AttendanceStatus.APOLOGIES,
        apology_reason="Called to an incident",
        apology_valid=True,
        requested_by=asked,
        recorded_by=secretariat,
        reason="Sue Thomas sent apologies; she was minuted as present by mistake.",
        now=at(2020, 3, 13),
    )
    assert amendment.original_text == "Present"
    assert amendment.new_text == "Apologies (Called to an incident; valid reason)"
    assert amendment.requested_by == asked and amendment.recorded_by == secretariat
    assert amendment.created_at == at(2020, 3, 13)
    assert (
        Attendance.objects.get(meeting=meeting, person=people["police"]).status == AttendanceStatus.APOLOGIES
    )

    client.force_login(secretariat)
    html = client.get(reverse("governance:minutes_detail", args=[meeting.pk])).content.decode()
    assert "Attendance: Sue Thomas" in html
    assert "she was minuted as present by mistake" in html
    assert "Liz Murphy" in html


def test_a_correction_to_approved_minutes_needs_a_reason(approved, december, secretariat):
    meeting, items, people = december
    with pytest.raises(ValidationError, match="Say why"):
        services.minutes_amend_attendance(
            minutes=approved,
            person=people["police"],
            status=AttendanceStatus.APOLOGIES,
            requested_by=people["council"],
            recorded_by=secretariat,
            reason="  ",
        )
    with pytest.raises(ValidationError, match="Say why"):
        services.minutes_amend(
            minutes=approved,
            agenda_item=items[1],
            new_text="Other words.",
            requested_by=people["council"],
            recorded_by=secretariat,
            reason="",
        )
    assert not MinutesAmendment.objects.exists()
    assert Attendance.objects.get(meeting=meeting, person=people["police"]).status == AttendanceStatus.PRESENT


def test_the_attendance_correction_page_records_the_amendment_and_keeps_what_was_typed(
    client, secretariat, approved, december
):
    meeting, _, people = december
    url = reverse("governance:minutes_amend_attendance", args=[meeting.pk])
    client.force_login(secretariat)
    data = {"person": people["police"].pk, "status": "apologies", "requested_by": people["council"].pk}
    response = client.post(url, {**data, "reason": ""})
    assert response.status_code == 200
    assert 'value="Called away"' not in response.content.decode()
    response = client.post(url, {**data, "apology_reason": "Called away", "reason": ""})
    assert 'value="Called away"' in response.content.decode()
    assert not MinutesAmendment.objects.exists()
    response = client.post(url, {**data, "apology_reason": "Called away", "reason": "Minuted wrongly."})
    assert response.status_code == 302
    assert MinutesAmendment.objects.get().kind == "attendance"


def test_correcting_a_decision_in_approved_minutes_is_a_recorded_amendment(
    client, secretariat, group, december
):
    meeting, items, people = december
    decision = services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)
    january_meeting, january_items = board_meeting(group, at(2020, 1, 31))
    partners_present(january_meeting)
    services.minutes_approve(minutes=circulate(meeting), at_item=january_items[0], approved_by=secretariat)
    with pytest.raises(ValidationError, match="no decision can be added"):
        services.decision_record(agenda_item=items[2], text="Another.", recorded_by=secretariat)

    client.force_login(secretariat)
    editor = client.get(reverse("governance:minutes_edit", args=[meeting.pk])).content.decode()
    assert "Record a decision at item" not in editor
    assert reverse("governance:decision_amend", args=[decision.pk]) in editor
    response = client.post(
        reverse("governance:decision_amend", args=[decision.pk]),
        {
            "new_text": "Budget for 2020-21 agreed.",
            "requested_by": people["icb"].pk,
            "reason": "The year was left out.",
        },
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.text == "Budget for 2020-21 agreed."
    amendment = MinutesAmendment.objects.get(kind="decision")
    assert (amendment.original_text, amendment.reason) == ("Budget agreed.", "The year was left out.")
    html = client.get(reverse("governance:minutes_detail", args=[meeting.pk])).content.decode()
    assert "Decision at item 3" in html and "The year was left out." in html


# 2. Decisions judged again while the attendance changes ------------------------------------


def test_a_decision_typed_before_the_attendance_was_finished_is_judged_again_when_it_is(group, secretariat):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    people = partners_present(meeting)
    Attendance.objects.filter(meeting=meeting, person=people["police"]).delete()
    decision = services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)
    assert not decision.taken_quorate and decision.needs_ratification

    attendance_services.attendance_record(
        meeting=meeting, person=people["police"], status=AttendanceStatus.PRESENT, is_member=True
    )

    decision.refresh_from_db()
    assert decision.taken_quorate
    assert decision.missing_partners == ""
    assert not decision.needs_ratification
    assert list(decisions_awaiting_ratification(group)) == []


def test_a_decision_becomes_inquorate_when_a_partner_is_corrected_to_apologies(group, secretariat):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    people = partners_present(meeting)
    next_meeting, _ = board_meeting(group, at(2020, 1, 31), held=False)
    decision = services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)
    assert decision.taken_quorate

    attendance_services.attendance_record_lines(
        meeting=meeting, lines=[{"person": people["icb"], "status": AttendanceStatus.APOLOGIES}]
    )

    decision.refresh_from_db()
    assert not decision.taken_quorate
    assert decision.missing_partners == "ICB"
    assert decision.needs_ratification
    assert next_meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists()

    attendance_services.attendance_remove(meeting=meeting, person=people["council"])
    decision.refresh_from_db()
    assert decision.missing_partners == "local authority, ICB"


def test_decisions_keep_their_quoracy_once_the_minutes_are_approved(approved, december, secretariat):
    _meeting, items, people = december
    decision = Decision.objects.create(
        agenda_item=items[2], text="Budget agreed.", taken_quorate=True, recorded_by=secretariat
    )
    services.minutes_amend_attendance(
        minutes=approved,
        person=people["police"],
        status=AttendanceStatus.APOLOGIES,
        requested_by=people["council"],
        recorded_by=secretariat,
        reason="Minuted wrongly.",
    )
    decision.refresh_from_db()
    assert decision.taken_quorate and not decision.needs_ratification


# 3. Approving minutes inquorate -------------------------------------------------------------


@pytest.fixture
def inquorate_january(group):
    """31 Jan 2020: only the council and the ICB are there; the police are not represented."""
    meeting, items = board_meeting(group, at(2020, 1, 31))
    people = partners_present(meeting)
    Attendance.objects.filter(meeting=meeting, person=people["police"]).update(
        status=AttendanceStatus.APOLOGIES
    )
    return meeting, items, people


def test_the_approval_form_warns_when_the_meeting_is_not_quorate(
    client, secretariat, december, inquorate_january
):
    circulate(december[0])
    client.force_login(secretariat)
    html = client.get(
        reverse("governance:minutes_approve", args=[inquorate_january[1][0].pk])
    ).content.decode()
    assert 'id="approval-inquorate"' in html
    assert "police not represented" in html
    assert "needs ratification at the group&#x27;s next quorate meeting" in html or (
        "needs ratification at the group's next quorate meeting" in html
    )


def test_the_approval_form_says_nothing_of_quoracy_at_a_quorate_meeting(
    client, secretariat, december, january
):
    circulate(december[0])
    client.force_login(secretariat)
    html = client.get(reverse("governance:minutes_approve", args=[january[1][0].pk])).content.decode()
    assert 'id="approval-inquorate"' not in html


def test_minutes_approved_inquorate_record_it_and_need_ratification(
    client, secretariat, group, december, inquorate_january
):
    at_item = inquorate_january[1][0]
    client.force_login(secretariat)
    circulate(december[0])
    response = client.post(
        reverse("governance:minutes_approve", args=[at_item.pk]),
        {
            "minutes": Minutes.objects.get(meeting=december[0]).pk,
            "confirm": "on",
            "amendment-TOTAL_FORMS": "0",
            "amendment-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    assert "the approval was taken inquorate (police not represented)" in response.content.decode()
    minutes = Minutes.objects.get(meeting=december[0])
    approval = minutes.approval_decision
    assert minutes.is_locked
    assert approval.agenda_item == at_item and approval.key_decision
    assert not approval.taken_quorate and approval.needs_ratification
    assert list(decisions_awaiting_ratification(group)) == [approval]
    assert "Approval taken inquorate: needs ratification" in response.content.decode()


def test_an_inquorate_approval_is_ratified_at_a_later_quorate_meeting(
    client, secretariat, group, december, inquorate_january
):
    minutes = services.minutes_approve(
        minutes=circulate(december[0]), at_item=inquorate_january[1][0], approved_by=secretariat
    )
    march, march_items = board_meeting(group, at(2020, 3, 13))
    partners_present(march)
    services.decision_ratify(
        decision=minutes.approval_decision, at_item=march_items[1], ratified_by=secretariat
    )
    client.force_login(secretariat)
    html = client.get(reverse("governance:minutes_detail", args=[december[0].pk])).content.decode()
    assert "Approval taken inquorate; ratified 13 Mar 2020" in html


def test_minutes_approved_at_a_quorate_meeting_are_not_flagged(approved):
    assert approved.approval_decision.taken_quorate
    assert not approved.approval_decision.needs_ratification
    assert (
        approved.approval_decision.text
        == "The minutes of the meeting of 18 December 2019 were approved as an accurate record."
    )


# 4. The key decision tick ---------------------------------------------------------------------


def test_the_key_decision_tick_decides_whether_an_inquorate_decision_needs_ratification(
    client, secretariat, group
):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[2])
    client.force_login(secretariat)
    url = reverse("governance:decision_create", args=[items[2].pk])
    prefix = f"decision-{items[2].pk}"
    client.post(url, {f"{prefix}-text": "Logo to be redrawn."})
    client.post(url, {f"{prefix}-text": "Budget agreed.", f"{prefix}-key_decision": "on"})
    logo, budget = Decision.objects.order_by("pk")
    assert not logo.taken_quorate and not logo.needs_ratification
    assert not budget.taken_quorate and budget.needs_ratification
    html = client.get(reverse("governance:minutes_detail", args=[meeting.pk])).content.decode()
    assert "not a key decision, so no ratification is needed" in html


# 17/18. Small things ---------------------------------------------------------------------------


def _item(meeting, position, title, standing=""):
    return AgendaItemFactory(
        meeting=meeting,
        position=position,
        number=str(position),
        sort_key=f"{position:04d}",
        title=title,
        standing_item=standing,
    )


def test_no_paper_is_offered_or_taken_under_routine_standing_items(client, secretariat, group):
    meeting, _ = board_meeting(group, at(2030, 1, 31), held=False)
    welcome = _item(meeting, 10, "Welcome", StandingItem.WELCOME_APOLOGIES)
    aob = _item(meeting, 11, "Any other business", StandingItem.AOB)
    next_meeting = _item(meeting, 12, "Date of next meeting", StandingItem.NEXT_MEETING)
    report = _item(meeting, 13, "Q&E report")
    client.force_login(secretariat)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert f'Upload a paper<span class="visually-hidden"> for item {report.number}<' in html
    for routine in (welcome, aob, next_meeting):
        assert f"for item {routine.number}<" not in html
    with pytest.raises(ValidationError, match="No paper belongs under “Welcome”"):
        paper_services.paper_submit(
            agenda_item=welcome,
            uploaded_file=SimpleUploadedFile("a.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
            title="Welcome paper",
            author=None,
            submitted_by=secretariat,
        )


def test_a_groups_first_meeting_does_not_offer_to_approve_previous_minutes(client, secretariat, group):
    first, _ = board_meeting(group, at(2019, 12, 18))
    second, _ = board_meeting(group, at(2020, 1, 31))
    client.force_login(secretariat)
    html = client.get(first.get_absolute_url()).content.decode()
    assert "Approve the minutes of the previous meeting" not in html
    assert "there are no earlier minutes to approve" in html
    html = client.get(second.get_absolute_url()).content.decode()
    assert "Approve the minutes of the previous meeting" in html
    assert "there are no earlier minutes to approve" not in html


def test_the_date_of_next_meeting_item_shows_the_next_meetings_date(client, secretariat, group):
    meeting, _ = board_meeting(group, at(2019, 12, 18), titles=("Budget",))
    _item(meeting, 5, "Date of next meeting", StandingItem.NEXT_MEETING)
    cancelled, _ = board_meeting(group, at(2020, 1, 10), held=False)
    cancelled.status = "cancelled"
    cancelled.save()
    board_meeting(group, at(2020, 1, 31), held=False)
    client.force_login(secretariat)
    assert NEXT_JANUARY in client.get(meeting.get_absolute_url()).content.decode()
    circulate(meeting)
    minutes_url = reverse("governance:minutes_detail", args=[meeting.pk])
    assert NEXT_JANUARY in client.get(minutes_url).content.decode()
    doc = minutes_document(meeting=meeting, include_confidential=True)
    pdf_html = render_to_string("governance/minutes_pdf.html", {"doc": doc})
    assert NEXT_JANUARY in pdf_html


def test_the_date_of_next_meeting_says_when_none_is_scheduled(client, secretariat, group):
    meeting, _ = board_meeting(group, at(2019, 12, 18), titles=("Budget",))
    _item(meeting, 5, "Date of next meeting", StandingItem.NEXT_MEETING)
    client.force_login(secretariat)
    assert "The next meeting is not scheduled yet." in client.get(meeting.get_absolute_url()).content.decode()


def test_the_minutes_say_who_chaired(client, secretariat, december):
    meeting = december[0]
    meeting.chair = PersonFactory(name="Liz Murphy", job_title="Independent Chair")
    meeting.save()
    circulate(meeting)
    client.force_login(secretariat)
    html = client.get(reverse("governance:minutes_detail", args=[meeting.pk])).content.decode()
    assert "Chair: <strong>Liz Murphy</strong>, Independent Chair" in html
    doc = minutes_document(meeting=meeting, include_confidential=True)
    assert "Chair: Liz Murphy, Independent Chair" in render_to_string(
        "governance/minutes_pdf.html", {"doc": doc}
    )
