import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from dashboards.tests.helpers import NOW, TODAY, Partnership, partner_reader
from governance.models import ActionSource, ActionStatus
from governance.tests.factories import UserFactory
from governance.tests.factories_meetings import AgendaItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return Partnership()


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _token_client(user) -> Client:
    token, _ = Token.objects.get_or_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


def test_without_a_token_or_a_session_the_api_answers_401(world):
    response = Client().get(reverse("api:groups"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_wrong_token_is_refused(world):
    assert Client(HTTP_AUTHORIZATION="Token not-a-key").get(reverse("api:groups")).status_code == 401


def test_a_partner_readers_token_reads_the_groups_as_json(world):
    response = _token_client(partner_reader()).get(reverse("api:groups"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    names = [group["name"] for group in response.json()["results"]]
    assert names == ["Joint Case Review Group", "MASH Group", "Safeguarding Partners Board"]


def test_a_token_of_someone_without_a_dashboard_role_is_refused(world, member):
    assert _token_client(member).get(reverse("api:groups")).status_code == 403


def test_a_deactivated_accounts_token_stops_working(world):
    user = partner_reader()
    client = _token_client(user)
    user.is_active = False
    user.save()
    assert client.get(reverse("api:groups")).status_code == 401


def test_the_api_is_read_only(world):
    response = _token_client(partner_reader()).post(
        reverse("api:actions"), {}, content_type="application/json"
    )
    assert response.status_code == 405


def test_actions_are_only_those_the_token_user_may_see_and_never_from_case_reviews(world):
    seen = world.action(world.board, agency=world.police, due=TODAY - datetime.timedelta(days=1))
    world.action(world.jcr, agency=world.police)  # a need-to-know log
    review_action = world.action(world.board)
    review_action.source = ActionSource.CASE_REVIEW
    review_action.save()
    staff = UserFactory(username="api-admin", is_superuser=True)
    for user in (partner_reader(), staff):
        rows = _token_client(user).get(reverse("api:actions")).json()["results"]
        assert [row["id"] for row in rows] == [seen.pk]
    (row,) = _token_client(partner_reader()).get(reverse("api:actions")).json()["results"]
    assert row["overdue"] is True
    assert row["lead_agency"] == "Shire Police"


def test_an_action_agreed_at_a_confidential_item_says_nothing_to_a_partner_reader(world):
    meeting = world.meeting(world.board, datetime.date(2026, 3, 4))
    item = AgendaItemFactory(meeting=meeting, confidential=True, title="A family's case")
    action = world.action(world.board, agency=world.police)
    action.origin_item = item
    action.origin_meeting = meeting
    action.save()
    (row,) = _token_client(partner_reader()).get(reverse("api:actions")).json()["results"]
    assert row["confidential"] is True
    assert row["title"] == "A confidential action"
    assert row["description"] == ""
    assert row["lead_agency"] is None


def test_actions_can_be_filtered_by_status_and_a_bad_status_is_a_400(world):
    world.action(world.board)
    done = world.action(world.board, status=ActionStatus.COMPLETED, completed_on=TODAY)
    client = _token_client(partner_reader())
    rows = client.get(reverse("api:actions"), {"status": "completed"}).json()["results"]
    assert [row["id"] for row in rows] == [done.pk]
    assert client.get(reverse("api:actions"), {"status": "finished-ish"}).status_code == 400


def test_meetings_are_paginated(world):
    for day in (1, 2, 3):
        world.meeting(world.board, datetime.date(2026, 3, day))
    body = _token_client(partner_reader()).get(reverse("api:meetings"), {"page_size": 2}).json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


def test_attendance_by_agency_counts_deputies_for_their_agency(world):
    world.meeting(world.board, datetime.date(2026, 3, 4), police="deputy")
    rows = _token_client(partner_reader()).get(reverse("api:attendance_by_agency")).json()["results"]
    police = next(row for row in rows if row["agency"] == "Shire Police")
    assert (police["deputy"], police["apologies"], police["attended"], police["rate"]) == (1, 1, 1, 50)


def test_a_logged_in_dashboard_user_may_read_the_api_with_their_session(client, world):
    client.force_login(partner_reader())
    assert client.get(reverse("api:groups")).status_code == 200


def test_the_schema_describes_every_endpoint_and_no_case_review(world):
    response = Client().get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert set(paths) == {
        "/api/groups/",
        "/api/meetings/",
        "/api/attendance-by-agency/",
        "/api/actions/",
        "/api/training-take-up/",
    }
    schemas = response.json()["components"]["schemas"]
    assert not [name for name in schemas if "review" in name.lower()]
    assert "pseudonym" not in response.content.decode().lower()


@pytest.mark.parametrize("size", [1, 10])
def test_the_actions_endpoint_runs_a_fixed_number_of_queries(world, django_assert_max_num_queries, size):
    for _ in range(size * 5):
        world.action(world.board, agency=world.police, due=TODAY)
    client = _token_client(partner_reader())
    # The token, the user's roles and memberships, the count, the page; Django's content types of
    # the sources' rules once a process.
    with django_assert_max_num_queries(6):
        assert client.get(reverse("api:actions")).status_code == 200


def test_training_take_up_is_by_agency_over_the_period(world):
    from training.tests.factories import BookingFactory, SessionFactory

    BookingFactory(
        session=SessionFactory(date=datetime.date(2026, 5, 10)), agency=world.police, attendance="present"
    )
    BookingFactory(session=SessionFactory(date=datetime.date(2025, 5, 10)), agency=world.police)  # before
    client = _token_client(partner_reader())
    (row,) = client.get(reverse("api:training_take_up")).json()["results"]
    assert (row["agency"], row["booked"], row["attended"]) == ("Shire Police", 1, 1)
    (row,) = client.get(reverse("api:training_take_up"), {"period": 24}).json()["results"]
    assert row["booked"] == 2
    assert client.get(reverse("api:training_take_up"), {"period": 7}).status_code == 400
