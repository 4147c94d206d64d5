"""Structure pages' particular cases. Who gets which page (anonymous -> login, wrong role ->
403, right role -> 200) is the generated permission matrix, hscp/tests/test_permission_matrix.py,
read from the `@access(...)` declared on each view."""

import pytest
from django.urls import reverse

from governance.tests.factories import AgencyFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(group):
    person = PersonFactory()
    membership = MembershipFactory(group=group, person=person)
    return {"group": group, "agency": AgencyFactory(), "person": person, "membership": membership}


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
