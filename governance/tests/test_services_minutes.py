"""Decisions, ratification and the minutes workflow, at their edges (issue 3)."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from governance.models import (
    AgendaItem,
    GroupKind,
    MeetingStatus,
    Minutes,
    MinutesAmendment,
    MinutesStatus,
    QuorumRule,
    StandingItem,
)
from governance.selectors.minutes import decisions_awaiting_ratification
from governance.services import minutes as services
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.factories_minutes import at, board_meeting, partners_present
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return GroupFactory(name="Safeguarding Partners Board", short_name="Board", kind=GroupKind.BOARD)


@pytest.fixture
def december(board):
    """18 Dec 2019: all three partners present, items 1-4 (1 is the previous minutes)."""
    meeting, items = board_meeting(board, at(2019, 12, 18))
    partners_present(meeting)
    return meeting, items


@pytest.fixture
def january(board):
    """31 Jan 2020, the next meeting: held, quorate."""
    meeting, items = board_meeting(board, at(2020, 1, 31))
    partners_present(meeting)
    return meeting, items


def circulated_minutes(
    meeting, *, discussion="The partners advised that the early help group is operational."
):
    items = list(meeting.agenda_items.order_by("sort_key"))
    services.minutes_update_item(item=items[1], discussion=discussion)
    return services.minutes_circulate(minutes=Minutes.objects.get(meeting=meeting))


# Decisions ------------------------------------------------------------------


def test_decision_at_a_quorate_item_is_taken_quorate(december, secretariat):
    _, items = december
    decision = services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)
    assert decision.taken_quorate
    assert not decision.needs_ratification
    assert decision.missing_partners == ""


def test_decision_after_the_police_representative_left_is_inquorate_and_needs_ratification(
    board, secretariat
):
    meeting, items = board_meeting(board, at(2019, 12, 18), titles=("Welcome", "Budget", "Logo"))
    partners_present(meeting, police_left_before=items[2])

    before = services.decision_record(agenda_item=items[1], text="Welcome noted.", recorded_by=secretariat)
    after = services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)

    assert before.taken_quorate and not before.needs_ratification
    assert not after.taken_quorate
    assert after.needs_ratification
    assert after.missing_partners == "police"
    assert list(decisions_awaiting_ratification(board)) == [after]


def test_an_inquorate_decision_goes_on_the_agenda_of_the_groups_next_meeting(board, secretariat):
    meeting, items = board_meeting(board, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[2])
    next_meeting, _ = board_meeting(board, at(2020, 1, 31), held=False)
    later_meeting, _ = board_meeting(board, at(2020, 3, 13), held=False)

    services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)

    assert next_meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).count() == 1
    assert not later_meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists()


def test_a_quorate_decision_adds_nothing_to_the_next_agenda(december, board, secretariat):
    next_meeting, _ = board_meeting(board, at(2020, 1, 31), held=False)
    services.decision_record(agenda_item=december[1][2], text="Budget agreed.", recorded_by=secretariat)
    assert not next_meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists()


# Issue 10, point 4 reverses the earlier rule that every inquorate decision needs ratification:
# arrangements s.8 asks the three partners to be part of KEY decisions only.
def test_an_inquorate_decision_not_marked_key_is_flagged_but_needs_no_ratification(board, secretariat):
    meeting, items = board_meeting(board, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[1])
    next_meeting, _ = board_meeting(board, at(2020, 1, 31), held=False)
    decision = services.decision_record(
        agenda_item=items[2], text="Logo to be redrawn.", key_decision=False, recorded_by=secretariat
    )
    assert not decision.taken_quorate
    assert decision.missing_partners == "police"
    assert not decision.needs_ratification
    assert list(decisions_awaiting_ratification(board)) == []
    assert not next_meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists()


def test_an_inquorate_key_decision_needs_ratification(board, secretariat):
    meeting, items = board_meeting(board, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[1])
    decision = services.decision_record(
        agenda_item=items[2], text="Budget agreed.", key_decision=True, recorded_by=secretariat
    )
    assert not decision.taken_quorate
    assert decision.needs_ratification


def test_a_group_without_a_quorum_rule_never_needs_ratification(secretariat):
    group = GroupFactory(kind=GroupKind.TASK_AND_FINISH, quorum_rule=QuorumRule.NONE)
    _, items = board_meeting(group, at(2019, 12, 18))  # nobody attended
    decision = services.decision_record(agenda_item=items[1], text="Plan agreed.", recorded_by=secretariat)
    assert decision.taken_quorate
    assert not decision.needs_ratification


def test_an_empty_decision_is_refused(december, secretariat):
    _, items = december
    with pytest.raises(ValidationError, match="Write down the decision"):
        services.decision_record(agenda_item=items[1], text="  ", recorded_by=secretariat)


def test_no_decision_is_added_to_approved_minutes(december, january, secretariat):
    meeting, items = december
    minutes = circulated_minutes(meeting)
    services.minutes_approve(minutes=minutes, at_item=january[1][0], approved_by=secretariat)
    with pytest.raises(ValidationError, match="approved"):
        services.decision_record(agenda_item=items[2], text="Late addition.", recorded_by=secretariat)


# Ratification -----------------------------------------------------------------


@pytest.fixture
def inquorate_decision(board, secretariat):
    meeting, items = board_meeting(board, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[2])
    return services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)


def test_ratification_at_a_quorate_later_meeting_records_when_and_where(
    inquorate_decision, january, secretariat
):
    _, items = january
    decision = services.decision_ratify(
        decision=inquorate_decision, at_item=items[1], ratified_by=secretariat
    )
    assert decision.ratified_at_item == items[1]
    assert decision.ratified_on == datetime.date(2020, 1, 31)
    assert decision.history.first().history_user == secretariat
    assert not decisions_awaiting_ratification(inquorate_decision.agenda_item.meeting.group).exists()


def test_ratification_at_an_inquorate_meeting_is_refused(board, inquorate_decision, secretariat):
    meeting, items = board_meeting(board, at(2020, 1, 31))
    partners_present(meeting, police_left_before=items[0])
    with pytest.raises(ValidationError, match="police not represented"):
        services.decision_ratify(decision=inquorate_decision, at_item=items[1], ratified_by=secretariat)
    inquorate_decision.refresh_from_db()
    assert inquorate_decision.ratified_on is None


def test_ratification_at_the_same_or_an_earlier_meeting_is_refused(board, inquorate_decision, secretariat):
    same_meeting_item = AgendaItem.objects.filter(meeting=inquorate_decision.agenda_item.meeting).first()
    with pytest.raises(ValidationError, match="later meeting"):
        services.decision_ratify(
            decision=inquorate_decision, at_item=same_meeting_item, ratified_by=secretariat
        )
    earlier, items = board_meeting(board, at(2019, 11, 18))
    partners_present(earlier)
    with pytest.raises(ValidationError, match="later meeting"):
        services.decision_ratify(decision=inquorate_decision, at_item=items[1], ratified_by=secretariat)


def test_ratification_by_another_group_is_refused(inquorate_decision, secretariat):
    other, items = board_meeting(GroupFactory(), at(2020, 1, 31))
    partners_present(other)
    with pytest.raises(ValidationError, match="only by the group that took it"):
        services.decision_ratify(decision=inquorate_decision, at_item=items[1], ratified_by=secretariat)


def test_a_decision_is_ratified_only_once(inquorate_decision, january, secretariat):
    services.decision_ratify(decision=inquorate_decision, at_item=january[1][1], ratified_by=secretariat)
    with pytest.raises(ValidationError, match="already ratified on 31 Jan 2020"):
        services.decision_ratify(decision=inquorate_decision, at_item=january[1][2], ratified_by=secretariat)


def test_a_quorate_decision_needs_no_ratification(december, january, secretariat):
    decision = services.decision_record(agenda_item=december[1][2], text="Agreed.", recorded_by=secretariat)
    with pytest.raises(ValidationError, match="does not need ratification"):
        services.decision_ratify(decision=decision, at_item=january[1][1], ratified_by=secretariat)


def test_awaiting_ratification_leaves_out_decisions_from_later_meetings(
    board, inquorate_decision, secretariat
):
    assert list(decisions_awaiting_ratification(board, before=at(2019, 12, 18))) == []
    assert list(decisions_awaiting_ratification(board, before=at(2020, 1, 31))) == [inquorate_decision]


# Writing and circulating -------------------------------------------------------


def test_writing_an_item_starts_the_draft_minutes(december):
    _, items = december
    services.minutes_update_item(item=items[1], discussion="  The Chair welcomed all.  ")
    items[1].refresh_from_db()
    assert items[1].discussion == "The Chair welcomed all."
    assert Minutes.objects.get(meeting=items[1].meeting).status == MinutesStatus.DRAFT


def test_minutes_start_is_idempotent(december):
    meeting, _ = december
    assert services.minutes_start(meeting=meeting) == services.minutes_start(meeting=meeting)
    assert Minutes.objects.count() == 1


def test_a_cancelled_meeting_has_no_minutes(board):
    meeting, _ = board_meeting(board, at(2019, 12, 18))
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    with pytest.raises(ValidationError, match="cancelled meeting has no minutes"):
        services.minutes_start(meeting=meeting)


def test_the_editor_refuses_an_item_of_another_meeting(december, january):
    with pytest.raises(ValidationError, match="not on the agenda"):
        services.minutes_update_items(meeting=december[0], discussions={january[1][1]: "Wrong meeting."})


def test_circulating_notifies_the_current_members_of_the_group(board, december):
    meeting, _ = december
    former = MembershipFactory(group=board, person=PersonFactory(name="Former Member"))
    former.end_date = datetime.date(2019, 1, 1)
    former.start_date = datetime.date(2018, 1, 1)
    former.save()
    outsider = PersonFactory(name="Not A Member")

    minutes = circulated_minutes(meeting)

    assert minutes.status == MinutesStatus.CIRCULATED
    notified = set(
        Notification.objects.filter(kind="minutes_circulated").values_list("recipient__name", flat=True)
    )
    assert notified == {"Chris Baird", "Ellen Footman", "Sue Thomas"}
    assert former.person.name not in notified and outsider.name not in notified
    assert Notification.objects.filter(url=f"/meetings/{meeting.pk}/minutes/").count() == 3


def test_minutes_are_not_circulated_before_the_meeting(board):
    meeting, _ = board_meeting(board, at(2019, 12, 18), held=False)
    minutes = services.minutes_start(meeting=meeting)
    with (
        time_machine.travel(at(2019, 12, 1), tick=False),
        pytest.raises(ValidationError, match="after the meeting"),
    ):
        services.minutes_circulate(minutes=minutes)


# Approval ---------------------------------------------------------------------


def test_minutes_cannot_be_approved_at_the_meeting_they_record(december, secretariat):
    meeting, items = december
    minutes = circulated_minutes(meeting)
    with pytest.raises(ValidationError, match="cannot be approved at the meeting they record"):
        services.minutes_approve(minutes=minutes, at_item=items[0], approved_by=secretariat)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.CIRCULATED


def test_minutes_cannot_be_approved_at_a_meeting_that_is_not_held(board, december, secretariat):
    minutes = circulated_minutes(december[0])
    _, items = board_meeting(board, at(2020, 1, 31), held=False)
    with pytest.raises(ValidationError, match=r"has been held; Board — 31 Jan 2020 is scheduled"):
        services.minutes_approve(minutes=minutes, at_item=items[0], approved_by=secretariat)


def test_minutes_cannot_be_approved_at_a_cancelled_meeting(board, december, secretariat):
    minutes = circulated_minutes(december[0])
    cancelled, items = board_meeting(board, at(2020, 1, 31))
    cancelled.status = MeetingStatus.CANCELLED
    cancelled.save()
    with pytest.raises(ValidationError, match="is cancelled"):
        services.minutes_approve(minutes=minutes, at_item=items[0], approved_by=secretariat)


def test_minutes_cannot_be_approved_at_an_earlier_meeting(board, december, secretariat):
    minutes = circulated_minutes(december[0])
    _, items = board_meeting(board, at(2019, 11, 18))
    with pytest.raises(ValidationError, match="later meeting"):
        services.minutes_approve(minutes=minutes, at_item=items[0], approved_by=secretariat)


def test_minutes_cannot_be_approved_by_another_group(december, secretariat):
    minutes = circulated_minutes(december[0])
    _, items = board_meeting(GroupFactory(), at(2020, 1, 31))
    with pytest.raises(ValidationError, match="same group"):
        services.minutes_approve(minutes=minutes, at_item=items[0], approved_by=secretariat)


def test_minutes_are_approved_only_under_the_previous_minutes_item(december, january, secretariat):
    minutes = circulated_minutes(december[0])
    with pytest.raises(ValidationError, match="under the item 'Minutes of the previous meeting"):
        services.minutes_approve(minutes=minutes, at_item=january[1][2], approved_by=secretariat)


def test_draft_minutes_are_circulated_before_approval(december, january, secretariat):
    minutes = services.minutes_start(meeting=december[0])
    with pytest.raises(ValidationError, match="Circulate the draft minutes"):
        services.minutes_approve(minutes=minutes, at_item=january[1][0], approved_by=secretariat)


def test_minutes_approved_as_an_accurate_record(december, january, secretariat):
    minutes = circulated_minutes(december[0])
    approved = services.minutes_approve(minutes=minutes, at_item=january[1][0], approved_by=secretariat)
    assert approved.status == MinutesStatus.APPROVED
    assert approved.approved_at_item == january[1][0]
    assert approved.approved_on == datetime.date(2020, 1, 31)
    assert not MinutesAmendment.objects.exists()


def test_minutes_are_approved_once(december, january, secretariat):
    minutes = circulated_minutes(december[0])
    services.minutes_approve(minutes=minutes, at_item=january[1][0], approved_by=secretariat)
    with pytest.raises(ValidationError, match="already approved on 31 Jan 2020"):
        services.minutes_approve(minutes=minutes, at_item=january[1][0], approved_by=secretariat)


def test_an_amendment_is_kept_with_its_author_and_the_minutes_show_the_new_text(
    december, january, secretariat
):
    meeting, items = december
    original = "The children and young people's partnership has specific groups."
    amended = original + " The early help group is an operational group, not a strategic group."
    minutes = circulated_minutes(meeting, discussion=original)
    chris = PersonFactory(name="Chris Baird")

    services.minutes_approve(
        minutes=minutes,
        at_item=january[1][0],
        amendments=[services.AmendmentRequest(agenda_item=items[1], new_text=amended, requested_by=chris)],
        approved_by=secretariat,
    )

    amendment = MinutesAmendment.objects.get()
    assert (amendment.original_text, amendment.new_text) == (original, amended)
    assert amendment.requested_by == chris
    assert amendment.recorded_by == secretariat
    assert amendment.made_at_item == january[1][0]
    assert AgendaItem.objects.get(pk=items[1].pk).discussion == amended


def test_amendments_may_be_given_as_dicts(december, january, secretariat):
    meeting, items = december
    minutes = circulated_minutes(meeting, discussion="Old wording.")
    asked = PersonFactory()
    services.minutes_approve(
        minutes=minutes,
        at_item=january[1][0],
        amendments=[{"agenda_item": items[1], "new_text": "New wording.", "requested_by": asked}],
        approved_by=secretariat,
    )
    assert MinutesAmendment.objects.get().requested_by == asked


def test_an_amendment_to_another_meetings_item_is_refused_and_nothing_is_approved(
    december, january, secretariat
):
    minutes = circulated_minutes(december[0])
    change = services.AmendmentRequest(
        agenda_item=january[1][1], new_text="New.", requested_by=PersonFactory()
    )
    with pytest.raises(ValidationError, match="is not part of"):
        services.minutes_approve(
            minutes=minutes, at_item=january[1][0], amendments=[change], approved_by=secretariat
        )
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.CIRCULATED


def test_an_amendment_that_changes_nothing_is_refused(december, january, secretariat):
    meeting, items = december
    minutes = circulated_minutes(meeting, discussion="Same words.")
    change = services.AmendmentRequest(
        agenda_item=items[1], new_text="Same words.", requested_by=PersonFactory()
    )
    with pytest.raises(ValidationError, match="what the minutes already say"):
        services.minutes_approve(
            minutes=minutes, at_item=january[1][0], amendments=[change], approved_by=secretariat
        )


# Locked once approved -----------------------------------------------------------


@pytest.fixture
def approved(december, january, secretariat):
    minutes = circulated_minutes(december[0], discussion="Original wording.")
    return services.minutes_approve(minutes=minutes, at_item=january[1][0], approved_by=secretariat)


def test_approved_minutes_reject_direct_edits(approved, december):
    item = december[1][1]
    with pytest.raises(ValidationError, match="Approved minutes cannot be edited; record an amendment"):
        services.minutes_update_item(item=item, discussion="A silent edit.")
    with pytest.raises(ValidationError, match="record an amendment"):
        services.minutes_update_items(meeting=december[0], discussions={item: "A silent edit."})
    assert AgendaItem.objects.get(pk=item.pk).discussion == "Original wording."


def test_approved_minutes_are_not_circulated_again(approved):
    with pytest.raises(ValidationError, match="not circulated again"):
        services.minutes_circulate(minutes=approved)


def test_a_further_amendment_after_approval_is_recorded_and_attributed(approved, december, secretariat):
    item = december[1][1]
    asked = PersonFactory(name="Ellen Footman")
    amendment = services.minutes_amend(
        minutes=approved,
        agenda_item=item,
        new_text="Corrected wording.",
        requested_by=asked,
        recorded_by=secretariat,
        reason="The wording misquoted the ICB.",
    )
    assert amendment.original_text == "Original wording."
    assert amendment.new_text == "Corrected wording."
    assert amendment.requested_by == asked
    assert AgendaItem.objects.get(pk=item.pk).discussion == "Corrected wording."
    assert Minutes.objects.get(pk=approved.pk).status == MinutesStatus.APPROVED


def test_a_draft_is_changed_directly_not_by_amendment(december, secretariat):
    minutes = services.minutes_start(meeting=december[0])
    with pytest.raises(ValidationError, match="not approved yet"):
        services.minutes_amend(
            minutes=minutes,
            agenda_item=december[1][1],
            new_text="Anything.",
            reason="Any reason.",
            requested_by=PersonFactory(),
            recorded_by=secretariat,
        )


# Publishing -------------------------------------------------------------------


def test_only_approved_minutes_are_published(december):
    minutes = circulated_minutes(december[0])
    with pytest.raises(ValidationError, match="Only approved minutes are published"):
        services.minutes_publish(minutes=minutes)


def test_publishing_approved_minutes_records_when(approved, secretariat):
    with time_machine.travel(at(2020, 2, 3), tick=False):
        published = services.minutes_publish(minutes=approved, published_by=secretariat)
    assert published.published_at == at(2020, 2, 3)
    with pytest.raises(ValidationError, match="already published on 3 Feb 2020"):
        services.minutes_publish(minutes=published)
