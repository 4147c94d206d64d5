"""A case review's actions are never copied into the page cache (governance/page_cache_rules.py):
a list that shows one is rendered afresh, whoever reads it; the same list without one is kept."""

import pytest
from django.urls import reverse

from core.tests.page_cache_helpers import second_visit_is_a_hit
from governance.choices import ActionSource
from governance.services.actions import action_record_for_source
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def board():
    return GroupFactory(name="Safeguarding Partners Board", short_name="SPB")


def _recommendation_action(case, board, owner):
    return action_record_for_source(
        source_object=case,
        source_kind=ActionSource.CASE_REVIEW,
        label=f"{case.reference}, recommendation 1",
        group=board,
        description="Refresh the neighbour-disputes guidance.",
        owners=[owner],
        recorded_by=None,
    )


def test_a_list_showing_a_case_reviews_action_is_rendered_afresh_and_without_it_is_kept(
    client, case, board, officer
):
    client.force_login(officer)  # a named case review officer: one who may see the review's actions
    log = reverse("governance:action_log", args=[board.pk])
    assert second_visit_is_a_hit(client, log)
    assert second_visit_is_a_hit(client, reverse("governance:my_actions"))
    _recommendation_action(case, board, officer.person)
    assert not second_visit_is_a_hit(client, log)
    assert not second_visit_is_a_hit(client, reverse("governance:my_actions"))
    assert not second_visit_is_a_hit(client, reverse("home"))


def test_a_log_whose_case_review_action_its_reader_may_not_see_is_kept(client, case, board, secretariat):
    _recommendation_action(case, board, PersonFactory(name="Olivia Owner"))
    client.force_login(secretariat)  # not a case review officer: the log shows no such action
    assert second_visit_is_a_hit(client, reverse("governance:action_log", args=[board.pk]))


def test_a_meeting_with_a_confidential_item_is_rendered_afresh(client, secretariat, board):
    open_meeting = MeetingFactory(group=board)
    private_meeting = MeetingFactory(group=board)
    AgendaItemFactory(meeting=private_meeting, title="A case for the partners", confidential=True)
    client.force_login(secretariat)
    assert second_visit_is_a_hit(client, reverse("governance:meeting_detail", args=[open_meeting.pk]))
    assert not second_visit_is_a_hit(client, reverse("governance:meeting_detail", args=[private_meeting.pk]))
