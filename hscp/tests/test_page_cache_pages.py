"""Which pages the page cache (core/page_cache.py) keeps: the main pages of every app but the
case reviews, whose pages are never copied into it."""

import pytest
from django.urls import reverse

from audits.tests.factories import ProgrammeFactory
from core.tests.page_cache_helpers import second_visit_is_a_hit
from governance.tests.factories import GroupFactory
from governance.tests.factories_meetings import MeetingFactory
from reviews.tests.factories import officer_user
from training.tests.factories import SessionFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("page_cache_on")]


def test_every_main_page_is_kept_for_the_session_that_rendered_it(client, secretariat):
    group = GroupFactory(name="Safeguarding Partners Board", short_name="SPB")
    meeting = MeetingFactory(group=group)
    programme = ProgrammeFactory()
    session = SessionFactory()
    client.force_login(secretariat)
    urls = [
        reverse("home"),
        reverse("governance:structure"),
        reverse("governance:person_list"),
        reverse("governance:action_log", args=[group.pk]),
        reverse("governance:my_actions"),
        reverse("governance:meeting_list"),
        reverse("governance:meeting_detail", args=[meeting.pk]),
        reverse("dashboards:partner"),
        reverse("audits:home"),
        reverse("audits:programme_detail", args=[programme.pk]),
        reverse("training:session_list"),
        reverse("training:session_detail", args=[session.pk]),
        reverse("training:take_up"),
    ]
    assert [url for url in urls if not second_visit_is_a_hit(client, url)] == []


def test_no_case_review_page_is_kept(client):
    client.force_login(officer_user())
    for name in ("reviews:review_list", "reviews:deadlines_board", "reviews:in_numbers"):
        assert not second_visit_is_a_hit(client, reverse(name))
