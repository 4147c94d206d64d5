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
    with django_assert_max_num_queries(14):
        assert client.get(reverse("home")).status_code == 200


def test_overdue_count_includes_overdue_actions_beyond_those_listed(client, member, group):
    today = timezone.localdate()
    for number in range(1, 12):
        _action(group, member.person, due=today - datetime.timedelta(days=number), number=number)
    client.force_login(member)
    response = client.get(reverse("home"))
    assert len(response.context["my_outstanding_actions"]) == 8
    assert response.context["my_overdue_count"] == 11
