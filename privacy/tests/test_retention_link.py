"""The retention page is linked for admins where their other tools are: the "Your account"
page's "For administrators" section (the top bar has no room for it)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_admin_finds_the_retention_page_linked_from_their_account_page(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("accounts:security")).content.decode()
    assert reverse("privacy:retention") in page
    assert client.get(reverse("privacy:retention")).status_code == 200


@pytest.mark.parametrize("who", ["secretariat", "chair", "partner"])
def test_someone_who_is_not_an_admin_sees_no_link_to_the_retention_page(client, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("accounts:security"))
    assert response.status_code == 200
    assert reverse("privacy:retention") not in response.content.decode()
    assert client.get(reverse("privacy:retention")).status_code == 403


def test_the_top_bar_has_no_retention_link(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("governance:structure")).content.decode()
    assert reverse("privacy:retention") not in page
