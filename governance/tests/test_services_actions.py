import datetime
import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from governance.models import (
    Action,
    ActionHandover,
    ActionNumberSequence,
    ActionSource,
    ActionStatus,
    ActionUpdate,
    MeetingStatus,
)
from governance.services.actions import (
    action_hand_over,
    action_number_take,
    action_record,
    action_record_for_source,
    action_update,
)
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import AgendaItemFactory, MeetingFactory, london, record
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return GroupFactory(name="Safeguarding Partners Board", short_name="Board", kind="board")


@pytest.fixture
def owners():
    return [
        PersonFactory(name="Ellen Footman"),
        PersonFactory(name="Karen Wright"),
        PersonFactory(name="Philippa Granthier"),
    ]


# Numbering ---------------------------------------------------------------------------


def test_actions_are_numbered_in_sequence_within_their_group(board):
    other = GroupFactory()
    numbers = [record(board).number for _ in range(3)]
    assert numbers == [1, 2, 3]
    assert record(other).number == 1
    assert record(board).number == 4


def test_a_number_is_never_reused_after_an_action_leaves_the_log(board):
    subgroup = GroupFactory()
    first, second = record(board), record(board)
    action_hand_over(action=second, to_group=subgroup, handed_by=None)
    assert record(board).number == 3
    assert sorted(Action.objects.filter(group=board).values_list("number", flat=True)) == [1, 3]
    assert first.number == 1


def test_a_log_loaded_without_a_sequence_continues_after_its_highest_number(board):
    owner = PersonFactory()
    loaded = Action.objects.create(group=board, number=24, description="Loaded from the old log")
    loaded.owners.add(owner)
    assert not ActionNumberSequence.objects.filter(group=board).exists()
    assert record(board).number == 25


@pytest.mark.django_db(transaction=True)
def test_taking_a_number_outside_a_transaction_is_refused(board):
    with pytest.raises(RuntimeError):
        action_number_take(group=board)


def _record_in_thread(group_id, owner_id, results, errors, barrier):
    from governance.models import Group, Person

    try:
        barrier.wait(timeout=10)
        with transaction.atomic():
            action = action_record(
                group=Group.objects.get(pk=group_id),
                description="Recorded at the same moment",
                owners=[Person.objects.get(pk=owner_id)],
                recorded_by=None,
            )
        results.append(action.number)
    except Exception as error:  # reported by the test
        errors.append(error)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_transactions_recording_actions_at_once_get_different_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: SQLite serialises writes, so there is no race to test (CI runs it).")
    group = GroupFactory()
    owner = PersonFactory()
    workers = 8
    results, errors = [], []
    barrier = threading.Barrier(workers)
    threads = [
        threading.Thread(target=_record_in_thread, args=(group.pk, owner.pk, results, errors, barrier))
        for _ in range(workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(results) == list(range(1, workers + 1))
    assert ActionNumberSequence.objects.get(group=group).last_number == workers


# Recording ---------------------------------------------------------------------------


def test_action_from_a_meeting_item_is_referenced_by_the_meeting_date_and_item(board, owners):
    meeting = MeetingFactory(group=board, starts_at=london(2019, 10, 23, 13))
    item = AgendaItemFactory(meeting=meeting, position=1, number="4.1", title="Finance / Funding")
    action = record(board, owners=owners, origin_item=item, title="Finance / Funding")
    assert action.reference == "23.10.19 ref 4.1"
    assert action.origin_meeting == meeting
    assert action.source == ActionSource.MEETING
    assert action.source_object == meeting
    assert "4.1" in action.source_label
    assert list(action.owners.order_by("name").values_list("name", flat=True)) == [
        "Ellen Footman",
        "Karen Wright",
        "Philippa Granthier",
    ]


def test_reference_uses_the_london_date_of_a_meeting_just_after_midnight(board):
    # 00:30 BST on 24 October is still 23 October in UTC.
    meeting = MeetingFactory(group=board, starts_at=london(2019, 10, 24, 0, 30))
    item = AgendaItemFactory(meeting=meeting, number="2")
    assert record(board, origin_item=item).reference == "24.10.19 ref 2"


def test_action_at_another_groups_meeting_is_refused(board):
    item = AgendaItemFactory(meeting=MeetingFactory(group=GroupFactory()))
    with pytest.raises(ValidationError, match="meeting's group"):
        record(board, origin_item=item)


def test_an_action_needs_an_owner(board):
    with pytest.raises(ValidationError) as error:
        record(board, owners=[])
    assert "owners" in error.value.message_dict


def test_an_action_recorded_for_the_group_has_no_reference(board):
    action = record(board)
    assert action.reference == ""
    assert action.source == ActionSource.GROUP
    assert action.source_object is None


def test_by_next_meeting_resolves_to_the_next_meeting_not_cancelled(board):
    origin = MeetingFactory(group=board, starts_at=london(2019, 12, 18))
    MeetingFactory(group=board, starts_at=london(2020, 1, 20), status=MeetingStatus.CANCELLED)
    MeetingFactory(group=GroupFactory(), starts_at=london(2020, 1, 25))
    MeetingFactory(group=board, starts_at=london(2020, 3, 16))
    MeetingFactory(group=board, starts_at=london(2020, 1, 31))
    item = AgendaItemFactory(meeting=origin, number="2.4")
    action = record(board, origin_item=item, due_by_next_meeting=True)
    assert action.due_date == datetime.date(2020, 1, 31)
    assert action.original_due_date == datetime.date(2020, 1, 31)
    assert action.due_by_next_meeting is True


def test_by_next_meeting_for_the_group_counts_from_today(board):
    MeetingFactory(group=board, starts_at=london(2024, 5, 1))
    MeetingFactory(group=board, starts_at=london(2024, 7, 1))
    action = record(board, due_by_next_meeting=True, today=datetime.date(2024, 6, 1))
    assert action.due_date == datetime.date(2024, 7, 1)


def test_by_next_meeting_with_no_meeting_scheduled_is_refused(board):
    with pytest.raises(ValidationError) as error:
        record(board, due_by_next_meeting=True, today=datetime.date(2024, 6, 1))
    assert "Schedule the next meeting" in str(error.value.message_dict["due_by_next_meeting"])


def test_by_next_meeting_and_a_due_date_together_are_refused(board):
    MeetingFactory(group=board, starts_at=london(2024, 7, 1))
    with pytest.raises(ValidationError):
        record(
            board,
            due_by_next_meeting=True,
            due_date=datetime.date(2024, 7, 2),
            today=datetime.date(2024, 6, 1),
        )


def test_new_owners_are_told_but_not_the_person_who_recorded_it(board):
    recorder = UserFactory()
    recorder_person = PersonFactory(user=recorder)
    other = PersonFactory()
    action = record(board, owners=[recorder_person, other], recorded_by=recorder)
    told = Notification.objects.filter(
        kind="action_assigned", key__startswith=f"action_assigned:action:{action.pk}:"
    )
    assert list(told.values_list("recipient", flat=True)) == [other.pk]
    assert told.get().url == action.get_absolute_url()


# Other sources -------------------------------------------------------------------------


def test_any_saved_model_can_be_the_source_of_an_action(board):
    # Stands in for an audit or a case review: governance never imports those apps.
    source = ContentType.objects.get_for_model(ActionUpdate)
    action = action_record_for_source(
        source_object=source,
        source_kind=ActionSource.AUDIT,
        label="Neglect audit 2024, recommendation 3",
        group=board,
        description="Re-audit neglect cases in six months",
        owners=[PersonFactory()],
        recorded_by=None,
        due_date=datetime.date(2024, 12, 1),
    )
    action.refresh_from_db()
    assert action.source == ActionSource.AUDIT
    assert action.source_object == source
    assert action.source_label == "Neglect audit 2024, recommendation 3"
    assert action.number == 1
    assert (
        Action.objects.filter(
            source_content_type=ContentType.objects.get_for_model(ContentType), source_object_id=source.pk
        ).get()
        == action
    )


def test_a_group_can_be_the_source_of_a_business_plan_action(board):
    plan_owner = GroupFactory(name="Development and Practice Group")
    action = action_record_for_source(
        source_object=plan_owner,
        source_kind=ActionSource.BUSINESS_PLAN,
        label="Business plan 2024-25: neglect",
        group=board,
        description="Refresh the neglect strategy",
        owners=[PersonFactory()],
        recorded_by=None,
    )
    assert action.source_object == plan_owner


def test_a_source_needs_a_known_kind_and_a_label(board):
    details = {"group": board, "description": "x", "owners": [PersonFactory()], "recorded_by": None}
    with pytest.raises(ValidationError, match="Unknown"):
        action_record_for_source(source_object=board, source_kind="gossip", label="x", **details)
    with pytest.raises(ValidationError, match="label"):
        action_record_for_source(source_object=board, source_kind=ActionSource.AUDIT, label=" ", **details)


def test_an_unsaved_source_is_refused(board):
    with pytest.raises(ValidationError, match="saved"):
        action_record_for_source(
            source_object=GroupFactory.build(),
            source_kind=ActionSource.OTHER,
            label="Something",
            group=board,
            description="x",
            owners=[PersonFactory()],
            recorded_by=None,
        )


# Updates -----------------------------------------------------------------------------------


@pytest.fixture
def action(board, owners):
    return record(board, owners=owners, due_date=datetime.date(2019, 12, 18))


def test_an_update_records_its_author_and_their_person(action):
    user = UserFactory()
    person = PersonFactory(user=user)
    update = action_update(action=action, author=user, text="PG has chased the letters.")
    assert update.author == user
    assert update.author_person == person
    assert list(action.updates.values_list("text", flat=True)) == ["PG has chased the letters."]


def test_an_empty_update_is_refused(action):
    with pytest.raises(ValidationError) as error:
        action_update(action=action, author=None, text="  ")
    assert "text" in error.value.message_dict


def test_completing_needs_a_completion_note(action):
    with pytest.raises(ValidationError) as error:
        action_update(action=action, author=None, new_status=ActionStatus.COMPLETED)
    assert "completion note" in str(error.value.message_dict["text"])
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_completing_records_the_note_and_the_date(action):
    action_update(
        action=action,
        author=None,
        new_status=ActionStatus.COMPLETED,
        text="Lindsay MacHardy will be the lead for neglect.",
        today=datetime.date(2019, 12, 18),
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETED
    assert action.completed_on == datetime.date(2019, 12, 18)
    assert action.completion_note == "Lindsay MacHardy will be the lead for neglect."


def test_a_completed_action_cannot_be_completed_again(action):
    action_update(action=action, author=None, new_status=ActionStatus.COMPLETED, text="Done.")
    with pytest.raises(ValidationError) as error:
        action_update(action=action, author=None, new_status=ActionStatus.COMPLETED, text="Done again.")
    assert "cannot be completed again" in str(error.value.message_dict["new_status"])
    assert action.updates.count() == 1


def test_a_stale_copy_cannot_complete_an_action_twice(action):
    stale = Action.objects.get(pk=action.pk)
    action_update(action=action, author=None, new_status=ActionStatus.COMPLETED, text="Done.")
    with pytest.raises(ValidationError):
        action_update(action=stale, author=None, new_status=ActionStatus.COMPLETED, text="Done too.")


def test_a_status_change_without_text_writes_its_own_words(action):
    update = action_update(action=action, author=None, new_status=ActionStatus.IN_PROGRESS)
    assert update.text == "Status changed to in progress."
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS


def test_a_revised_due_date_needs_a_reason(action):
    with pytest.raises(ValidationError) as error:
        action_update(action=action, author=None, text="Later", revised_due_date=datetime.date(2020, 3, 31))
    assert "reason" in str(error.value.message_dict["revision_reason"])
    action.refresh_from_db()
    assert action.due_date == datetime.date(2019, 12, 18)


def test_a_revised_due_date_keeps_the_original_visible(action):
    update = action_update(
        action=action,
        author=None,
        revised_due_date=datetime.date(2020, 3, 31),
        revision_reason="The new plan needs the partnership summit's priorities.",
    )
    action.refresh_from_db()
    assert action.due_date == datetime.date(2020, 3, 31)
    assert action.original_due_date == datetime.date(2019, 12, 18)
    assert update.previous_due_date == datetime.date(2019, 12, 18)
    assert update.text.startswith("Deadline revised to 31 Mar 2020")
    action_update(
        action=action, author=None, revised_due_date=datetime.date(2020, 4, 30), revision_reason="Again"
    )
    action.refresh_from_db()
    assert action.original_due_date == datetime.date(2019, 12, 18)


def test_a_reason_without_a_date_is_refused(action):
    with pytest.raises(ValidationError) as error:
        action_update(action=action, author=None, text="x", revision_reason="Because")
    assert "revised_due_date" in error.value.message_dict


def test_reopening_a_completed_action_clears_its_completion_date(action):
    action_update(action=action, author=None, new_status=ActionStatus.COMPLETED, text="Done.")
    action_update(
        action=action, author=None, new_status=ActionStatus.OPEN, text="Letters not sent after all."
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert action.completed_on is None


def test_an_update_at_a_meeting_records_the_review(board, owners):
    meeting = MeetingFactory(group=board)
    # Recorded before the meeting: a meeting reviews only actions that existed at it (issue 10).
    action = record(board, owners=owners, now=meeting.starts_at - datetime.timedelta(days=30))
    update = action_update(action=action, author=None, text="Ongoing.", reviewed_at_meeting=meeting)
    assert update.reviewed_at_meeting == meeting


def test_an_update_cannot_be_reviewed_at_another_groups_meeting(action):
    with pytest.raises(ValidationError):
        action_update(action=action, author=None, text="x", reviewed_at_meeting=MeetingFactory())


def test_an_update_cannot_be_reviewed_at_a_cancelled_meeting(board, action):
    meeting = MeetingFactory(group=board, status=MeetingStatus.CANCELLED)
    with pytest.raises(ValidationError):
        action_update(action=action, author=None, text="x", reviewed_at_meeting=meeting)


# Hand-over ---------------------------------------------------------------------------------


def test_a_handed_over_action_keeps_its_reference_and_history_and_gains_a_number(board):
    strategic = GroupFactory(name="Early Help Strategic Group")
    record(strategic)
    record(strategic)
    item = AgendaItemFactory(
        meeting=MeetingFactory(group=board, starts_at=london(2019, 12, 18)), number="2.2"
    )
    action = record(board, origin_item=item, description="Rework the early help pathways")
    action_update(action=action, author=None, text="CB to pass to Chair of Strategic Group.")
    chair = PersonFactory()
    MembershipFactory(person=chair, group=strategic, role="chair")

    handover = action_hand_over(
        action=action, to_group=strategic, handed_by=None, note="Agreed at the board."
    )

    action.refresh_from_db()
    assert action.group == strategic
    assert action.number == 3
    assert action.reference == "18.12.19 ref 2.2"
    assert (handover.from_group, handover.from_number, handover.to_group, handover.to_number) == (
        board,
        1,
        strategic,
        3,
    )
    texts = list(action.updates.order_by("created_at").values_list("text", flat=True))
    assert texts[0] == "CB to pass to Chair of Strategic Group."
    assert "action 3" in texts[1]
    assert Notification.objects.filter(kind="action_handed_over", recipient=chair).exists()
    assert ActionHandover.objects.count() == 1


def test_an_action_cannot_be_handed_to_its_own_group(board):
    action = record(board)
    with pytest.raises(ValidationError):
        action_hand_over(action=action, to_group=board, handed_by=None)


def test_a_completed_action_cannot_be_handed_over(board):
    action = record(board)
    action_update(action=action, author=None, new_status=ActionStatus.COMPLETED, text="Done.")
    with pytest.raises(ValidationError):
        action_hand_over(action=action, to_group=GroupFactory(), handed_by=None)
