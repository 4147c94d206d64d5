import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _action(group, owner, *, due, status="open", number=1):
    from governance.models import Action

    action = Action.objects.create(
        group=group, number=number, description=f"Action {number}", due_date=due, status=status
    )
    action.owners.add(owner)
    return action


def test_home_shows_my_overdue_action_first(client, member, group):
    today = timezone.localdate()
    later = _action(group, member.person, due=today + datetime.timedelta(days=30), number=1)
    overdue = _action(group, member.person, due=today - datetime.timedelta(days=1), number=2)
    _action(group, PersonFactory(), due=today, number=3)
    client.force_login(member)
    response = client.get(reverse("home"))
    assert [a.pk for a in response.context["my_outstanding_actions"]] == [overdue.pk, later.pk]
    assert response.context["my_overdue_count"] == 1


def test_home_shows_the_next_meetings_of_my_groups(client, member, group):
    from governance.tests.factories_meetings import MeetingFactory

    soon = MeetingFactory(group=group, starts_at=timezone.now() + datetime.timedelta(days=3))
    MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=2))  # another group
    client.force_login(member)
    response = client.get(reverse("home"))
    assert [m.pk for m in response.context["upcoming_meetings"]] == [soon.pk]


def test_home_for_an_account_without_a_role_explains_why_it_is_empty(client, outsider):
    client.force_login(outsider)
    assert "not yet linked to a role" in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("count", [2, 30])
def test_home_runs_a_fixed_number_of_queries(client, member, group, django_assert_max_num_queries, count):
    today = timezone.localdate()
    for number in range(1, count + 1):
        _action(group, member.person, due=today + datetime.timedelta(days=number - 5), number=number)
    client.force_login(member)
    # With the papers owed and the partner dashboard's board check; the content types of the
    # sources' visibility rules once a process; the other apps' navigation entries (reviews').
    with django_assert_max_num_queries(16):
        assert client.get(reverse("home")).status_code == 200


def test_overdue_count_includes_overdue_actions_beyond_those_listed(client, member, group):
    today = timezone.localdate()
    for number in range(1, 12):
        _action(group, member.person, due=today - datetime.timedelta(days=number), number=number)
    client.force_login(member)
    response = client.get(reverse("home"))
    assert len(response.context["my_outstanding_actions"]) == 8
    assert response.context["my_overdue_count"] == 11


# By role (issue 15) ---------------------------------------------------------------------

HOME = "/"


def test_home_lists_the_papers_i_owe_for_meetings_to_come(client, member, group):
    from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory
    from governance.tests.factories_papers import PaperFactory

    soon = MeetingFactory(group=group, starts_at=timezone.now() + datetime.timedelta(days=10))
    owed = AgendaItemFactory(meeting=soon, presenter=member.person, title="Neglect strategy update")
    sent = AgendaItemFactory(meeting=soon, presenter=member.person, title="Already sent")
    PaperFactory(agenda_item=sent)
    AgendaItemFactory(
        meeting=soon, presenter=member.person, title="Welcome", standing_item="welcome_apologies"
    )
    past = MeetingFactory(group=group, starts_at=timezone.now() - datetime.timedelta(days=10))
    AgendaItemFactory(meeting=past, presenter=member.person, title="Too late now")
    client.force_login(member)
    response = client.get(HOME)
    assert [item.pk for item in response.context["papers_owed"]] == [owed.pk]
    assert "Neglect strategy update" in response.content.decode()


def test_a_member_sees_no_staff_work_list(client, member):
    client.force_login(member)
    response = client.get(HOME)
    assert response.context["secretariat_panel"] is None
    assert "For the partnership team" not in response.content.decode()


def _staff_world(group, *, size: int = 1):
    from governance.models import Minutes
    from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory

    now = timezone.now()
    made = {}
    for n in range(size):
        unpublished = MeetingFactory(group=group, starts_at=now + datetime.timedelta(days=5 + n))
        AgendaItemFactory(meeting=unpublished, title=f"Item waiting for a paper {n}")
        held = MeetingFactory(group=group, starts_at=now - datetime.timedelta(days=10 + n), status="held")
        Minutes.objects.create(meeting=held)  # a draft
        _action(group, PersonFactory(), due=timezone.localdate() - datetime.timedelta(days=2), number=100 + n)
        made.setdefault("unpublished", unpublished)
        made.setdefault("held", held)
    published = MeetingFactory(
        group=group, starts_at=now + datetime.timedelta(days=6), agenda_published_at=now
    )
    made["published"] = published
    return made


def _failed_notification(person, n=0):
    from notifications.models import Notification, NotificationState

    return Notification.objects.create(
        recipient=person,
        kind="paper_reminder",
        key=f"failed-{n}",
        subject=f"A paper is due {n}",
        body="b",
        state=NotificationState.FAILED,
        last_error="SMTP 550 mailbox unavailable",
    )


def test_the_secretariat_sees_what_needs_doing(client, secretariat, group):
    made = _staff_world(group)
    _failed_notification(secretariat.person)
    client.force_login(secretariat)
    panel = client.get(HOME).context["secretariat_panel"]
    assert [m.pk for m in panel.meetings_needing_agenda] == [made["unpublished"].pk]
    assert [(m.pk, m.missing_papers) for m in panel.meetings_missing_papers] == [(made["unpublished"].pk, 1)]
    assert [m.pk for m in panel.minutes_not_circulated] == [made["held"].pk]
    assert panel.overdue_by_group == [{"group_id": group.pk, "group__name": group.name, "overdue": 1}]
    assert panel.failed_count == 1
    assert panel.failed_reminders[0].last_error.startswith("SMTP 550")


def test_circulated_minutes_and_cancelled_meetings_are_not_chased(client, secretariat, group):
    from governance.models import Minutes
    from governance.tests.factories_meetings import MeetingFactory

    now = timezone.now()
    circulated = MeetingFactory(group=group, starts_at=now - datetime.timedelta(days=3), status="held")
    Minutes.objects.create(meeting=circulated, status="circulated", circulated_at=now)
    MeetingFactory(group=group, starts_at=now - datetime.timedelta(days=4), status="cancelled")
    client.force_login(secretariat)
    assert client.get(HOME).context["secretariat_panel"].minutes_not_circulated == []


def test_a_chair_sees_their_groups_action_plan_summary(client, chair, group):
    today = timezone.localdate()
    _action(group, PersonFactory(), due=today - datetime.timedelta(days=1), number=1)
    _action(group, PersonFactory(), due=today + datetime.timedelta(days=9), number=2)
    from governance.models import Action

    Action.objects.create(group=group, number=3, description="Done", status="completed", completed_on=today)
    client.force_login(chair)
    (chaired,) = client.get(HOME).context["chaired_groups"]
    assert (chaired.group, chaired.open, chaired.overdue, chaired.completed_this_quarter) == (group, 2, 1, 1)
    assert chaired.by_source[0]["label"] == "Recorded for the group"


def test_a_member_who_chairs_nothing_has_no_chair_panel(client, member):
    client.force_login(member)
    assert client.get(HOME).context["chaired_groups"] == []


@pytest.mark.parametrize("size", [1, 10])
def test_the_secretariats_home_runs_a_fixed_number_of_queries(
    client, secretariat, group, django_assert_max_num_queries, size
):
    _staff_world(group, size=size)
    for n in range(size):
        _failed_notification(secretariat.person, n)
    client.force_login(secretariat)
    with django_assert_max_num_queries(20):
        assert client.get(HOME).status_code == 200


@pytest.mark.parametrize("size", [1, 10])
def test_a_chairs_home_runs_a_fixed_number_of_queries(
    client, chair, group, django_assert_max_num_queries, size
):
    from planning.tests.factories import EscalationFactory, board_factory

    today = timezone.localdate()
    board = board_factory()
    for n in range(size * 3):
        _action(group, chair.person, due=today - datetime.timedelta(days=n - 3), number=n + 1)
        EscalationFactory(from_group=group, to_group=board)
    client.force_login(chair)
    with django_assert_max_num_queries(19):
        assert client.get(HOME).status_code == 200


def test_a_chair_sees_the_escalations_their_group_raised_until_closed(client, chair, group):
    from planning.tests.factories import EscalationFactory, board_factory

    board = board_factory()
    raised = EscalationFactory(from_group=group, to_group=board, title="Health cover at the MASH")
    EscalationFactory(from_group=group, to_group=board, status="closed", title="Closed one")
    EscalationFactory(to_group=board, title="Someone else's")
    client.force_login(chair)
    response = client.get(HOME)
    (chaired,) = response.context["chaired_groups"]
    assert chaired.escalations == [raised]
    assert "Health cover at the MASH" in response.content.decode()
