"""Every page: anonymous -> login, wrong role -> 403, right role -> 200."""

import pytest
from django.urls import reverse

from governance.tests.factories import AgencyFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

VIEWERS = ["admin_user", "secretariat", "partner", "chair", "member"]
MANAGERS = ["admin_user", "secretariat"]


@pytest.fixture
def objects(group):
    person = PersonFactory()
    membership = MembershipFactory(group=group, person=person)
    return {"group": group, "agency": AgencyFactory(), "person": person, "membership": membership}


def page_urls(objects):
    group, membership = objects["group"], objects["membership"]
    return {
        "structure": (reverse("governance:structure"), VIEWERS),
        "group": (group.get_absolute_url(), VIEWERS),
        "agencies": (reverse("governance:agency_list"), VIEWERS),
        "agency": (objects["agency"].get_absolute_url(), VIEWERS),
        "people": (reverse("governance:person_list"), VIEWERS),
        "person": (objects["person"].get_absolute_url(), VIEWERS),
        "group_create": (reverse("governance:group_create"), MANAGERS),
        "group_edit": (reverse("governance:group_edit", args=[group.pk]), MANAGERS),
        "group_remit": (reverse("governance:group_remit_edit", args=[group.pk]), [*MANAGERS, "chair"]),
        "membership_create": (reverse("governance:membership_create", args=[group.pk]), MANAGERS),
        "membership_edit": (reverse("governance:membership_edit", args=[group.pk, membership.pk]), MANAGERS),
        "membership_end": (reverse("governance:membership_end", args=[group.pk, membership.pk]), MANAGERS),
        "agency_create": (reverse("governance:agency_create"), MANAGERS),
        "agency_edit": (reverse("governance:agency_edit", args=[objects["agency"].pk]), MANAGERS),
        "person_create": (reverse("governance:person_create"), MANAGERS),
        "person_edit": (reverse("governance:person_edit", args=[objects["person"].pk]), MANAGERS),
    }


PAGES = [
    "structure",
    "group",
    "agencies",
    "agency",
    "people",
    "person",
    "group_create",
    "group_edit",
    "group_remit",
    "membership_create",
    "membership_edit",
    "membership_end",
    "agency_create",
    "agency_edit",
    "person_create",
    "person_edit",
]
ALL_USERS = ["admin_user", "secretariat", "partner", "chair", "member", "outsider"]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_user_is_sent_to_login(client, objects, page):
    url, _ = page_urls(objects)[page]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ALL_USERS)
def test_each_role_gets_the_page_or_a_403(client, request, objects, page, who):
    url, allowed = page_urls(objects)[page]
    client.force_login(request.getfixturevalue(who))
    response = client.get(url)
    assert response.status_code == (200 if who in allowed else 403)


@pytest.mark.parametrize("who", ["partner", "chair", "member", "outsider"])
def test_a_post_without_permission_changes_nothing(client, request, objects, who):
    client.force_login(request.getfixturevalue(who))
    membership = objects["membership"]
    response = client.post(
        reverse("governance:membership_end", args=[objects["group"].pk, membership.pk]),
        {"end_date": "2025-01-01"},
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.end_date is None


def test_a_chair_cannot_edit_the_remit_of_a_group_they_do_not_chair(client, chair):
    from governance.tests.factories import GroupFactory

    other = GroupFactory(name="MASH Group")
    client.force_login(chair)
    assert client.get(reverse("governance:group_remit_edit", args=[other.pk])).status_code == 403


def test_an_ended_chair_no_longer_has_chair_rights(client, group):
    from governance.tests.factories import UserFactory

    user = UserFactory(username="former-chair")
    MembershipFactory(person=PersonFactory(user=user), group=group, role="chair", end_date="2024-06-01")
    client.force_login(user)
    assert client.get(reverse("governance:group_remit_edit", args=[group.pk])).status_code == 403
