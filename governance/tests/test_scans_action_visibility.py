"""Action reminders respect the action sources' visibility rules (governance.action_sources):
an owner who may not see a need-to-know action is not told about it. The source is an
unrelated model (an auth group: only its users may see its actions), as in test_action_sources."""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from governance.action_sources import register_action_source, unregister_action_source
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.helpers_reminders import london, make_action
from notifications.models import Notification

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def panel():
    panel = AuthGroup.objects.create(name="Panel")
    register_action_source(
        AuthGroup,
        visible_to=lambda user: Q(user=user),
        visible_to_person=lambda person: Q(user__person=person),
    )
    yield panel
    unregister_action_source(AuthGroup)


@pytest.fixture
def people(panel):
    insider_user = UserFactory()
    insider_user.groups.add(panel)
    return PersonFactory(user=insider_user, name="Ines Insider"), PersonFactory(name="Oscar Outsider")


def _need_to_know(group, panel, owners, due):
    return make_action(
        group,
        owners=owners,
        due=due,
        description="Need-to-know step",
        source_content_type=ContentType.objects.get_for_model(AuthGroup),
        source_object_id=panel.pk,
    )


def _told(kind):
    return sorted(
        (notification.recipient.name, notification.body.count("Need-to-know"))
        for notification in Notification.objects.filter(kind=kind).select_related("recipient")
    )


def test_a_due_reminder_goes_only_to_the_owners_who_may_see_the_action(scan_at, panel, people):
    insider, outsider = people
    group = GroupFactory()
    make_action(group, owners=[insider, outsider], due=D(2026, 3, 19), description="Ordinary step")
    _need_to_know(group, panel, [insider, outsider], D(2026, 3, 19))
    scan_at(london(2026, 3, 12, 9))
    assert _told("action_due_soon") == [("Ines Insider", 0), ("Ines Insider", 1), ("Oscar Outsider", 0)]


def test_weekly_lists_leave_out_what_an_owner_or_chair_may_not_see(scan_at, panel, people):
    insider, outsider = people
    group = GroupFactory()
    MembershipFactory(group=group, person=outsider, role="chair")
    MembershipFactory(group=group, person=insider, role="vice_chair")
    make_action(group, owners=[insider, outsider], due=D(2026, 3, 2), description="Ordinary step")
    _need_to_know(group, panel, [insider, outsider], D(2026, 3, 2))
    scan_at(london(2026, 3, 16, 8, 5))
    assert _told("actions_overdue_weekly") == [("Ines Insider", 1), ("Oscar Outsider", 0)]
    assert _told("group_actions_overdue_weekly") == [("Ines Insider", 1), ("Oscar Outsider", 0)]


def test_only_need_to_know_actions_overdue_means_no_list_for_those_who_may_not_see_them(
    scan_at, panel, people
):
    insider, outsider = people
    _need_to_know(GroupFactory(), panel, [insider, outsider], D(2026, 3, 2))
    scan_at(london(2026, 3, 16, 8, 5))
    assert _told("actions_overdue_weekly") == [("Ines Insider", 1)]
