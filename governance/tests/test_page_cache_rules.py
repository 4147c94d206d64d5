"""Case material is never copied into the page cache (governance/page_cache_rules.py)."""

import pytest
from django.urls import reverse

from core.tests.page_cache_helpers import second_visit_is_a_hit
from governance.choices import LogReaders
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_meetings import MeetingFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def case_review_group():
    return GroupFactory(name="Joint Case Review Group", short_name="JCR", log_readers=LogReaders.MEMBERS_ONLY)


@pytest.fixture
def jcr_member(case_review_group):
    user = UserFactory(username="jcr-member")
    MembershipFactory(
        person=PersonFactory(user=user, name="Jo Reviewer"), group=case_review_group, role="member"
    )
    return user


def test_a_need_to_know_groups_meeting_page_and_log_are_always_rendered_afresh(
    client, jcr_member, case_review_group
):
    meeting = MeetingFactory(group=case_review_group)
    client.force_login(jcr_member)
    assert not second_visit_is_a_hit(client, reverse("governance:meeting_detail", args=[meeting.pk]))
    assert not second_visit_is_a_hit(client, reverse("governance:action_log", args=[case_review_group.pk]))


def test_a_need_to_know_members_home_and_my_actions_stay_out_of_the_cache(client, jcr_member):
    client.force_login(jcr_member)
    assert not second_visit_is_a_hit(client, reverse("home"))
    assert not second_visit_is_a_hit(client, reverse("governance:my_actions"))


def test_another_groups_meeting_page_log_and_a_members_home_are_cached(client, member, group):
    meeting = MeetingFactory(group=group)
    client.force_login(member)
    assert second_visit_is_a_hit(client, reverse("governance:meeting_detail", args=[meeting.pk]))
    assert second_visit_is_a_hit(client, reverse("governance:action_log", args=[group.pk]))
    assert second_visit_is_a_hit(client, reverse("home"))
    assert second_visit_is_a_hit(client, reverse("governance:my_actions"))


def test_a_member_who_leaves_the_need_to_know_group_is_cached_again(client, jcr_member):
    from governance.models import Membership

    client.force_login(jcr_member)
    Membership.objects.filter(person__user=jcr_member).delete()
    assert second_visit_is_a_hit(client, reverse("home"))
