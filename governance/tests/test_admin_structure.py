"""The Django admin keeps the structure's rules: an overlapping membership and a deputy without
the right member are refused there with a message, as on the pages."""

import datetime

import pytest
from django.urls import reverse

from governance.models import Membership
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

OVERLAP = "already holds the role of member"


@pytest.fixture
def board():
    return GroupFactory(name="Board")


@pytest.fixture
def held(board):
    """A current membership: Pat has been a member of the board since January 2024."""
    return MembershipFactory(
        person=PersonFactory(name="Pat Member"),
        group=board,
        role="member",
        start_date=datetime.date(2024, 1, 1),
    )


def membership_data(membership_or_none=None, **values) -> dict:
    data = {"role": "member", "deputy_for": "", "start_date": "2024-06-01", "end_date": ""}
    if membership_or_none is not None:
        data.update(
            person=membership_or_none.person_id,
            group=membership_or_none.group_id,
            agency=membership_or_none.agency_id,
        )
    data.update(values)
    return data


def errors_of(response) -> str:
    assert response.status_code == 200, "the form was accepted"
    form = response.context["adminform"].form
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def test_the_admin_refuses_an_overlapping_membership_with_a_message(client, admin_user, held):
    client.force_login(admin_user)
    response = client.post(reverse("admin:governance_membership_add"), membership_data(held))
    assert OVERLAP in errors_of(response)
    assert "Please correct the error below" in response.content.decode()
    assert Membership.objects.count() == 1


def test_the_admin_refuses_a_change_that_makes_memberships_overlap(client, admin_user, held):
    later = MembershipFactory(
        person=held.person,
        group=held.group,
        role="member",
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2023, 6, 30),
    )
    client.force_login(admin_user)
    url = reverse("admin:governance_membership_change", args=[later.pk])
    response = client.post(url, membership_data(later, start_date="2022-01-01", end_date="2024-03-31"))
    assert OVERLAP in errors_of(response)
    later.refresh_from_db()
    assert later.end_date == datetime.date(2023, 6, 30)


@pytest.mark.parametrize(
    "values, message",
    [
        ({"role": "deputy"}, "Name the member this person deputises for."),
        ({"role": "deputy", "deputy_for": "self"}, "A person cannot deputise for themselves."),
        ({"role": "member", "deputy_for": "other"}, "Only a deputy stands in for a named member."),
    ],
)
def test_the_admin_refuses_a_bad_deputy_with_a_message(client, admin_user, board, held, values, message):
    deputy = PersonFactory(name="Dee Deputy")
    choose = {"self": deputy.pk, "other": held.person_id}
    values = {**values, "deputy_for": choose.get(values.get("deputy_for"), "")}
    client.force_login(admin_user)
    data = membership_data(
        person=deputy.pk, group=board.pk, agency=deputy.agency_id, start_date="2024-02-01", **values
    )
    response = client.post(reverse("admin:governance_membership_add"), data)
    assert message in errors_of(response)
    assert not Membership.objects.filter(person=deputy).exists()


def test_the_admin_saves_a_good_membership_through_the_service(client, admin_user, board, held):
    deputy = PersonFactory(name="Dee Deputy", agency=held.agency)  # from the member's agency
    client.force_login(admin_user)
    data = membership_data(
        person=deputy.pk, group=board.pk, agency=deputy.agency_id, role="deputy", deputy_for=held.person_id
    )
    response = client.post(reverse("admin:governance_membership_add"), data)
    assert response.status_code == 302
    saved = Membership.objects.get(person=deputy)
    assert saved.deputy_for == held.person
    assert saved.history.get().history_user == admin_user


# The memberships inline on the group's change form ---------------------------------------------


def group_change_data(client, group) -> tuple[str, dict]:
    """The group's change form as the admin page would post it back unchanged."""
    url = reverse("admin:governance_group_change", args=[group.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(value)
    [inline] = page.context["inline_admin_formsets"]
    formset = inline.formset
    for name, value in formset.management_form.initial.items():
        data[f"{formset.prefix}-{name}"] = value
    for index, row in enumerate(formset.forms):
        for name in row.fields:
            value = row[name].value()
            data[f"{formset.prefix}-{index}-{name}"] = "" if value is None else str(value)
    return url, data


def add_inline_row(data: dict, prefix: str, **values) -> None:
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value
    data[f"{prefix}-{index}-group"] = ""
    data[f"{prefix}-TOTAL_FORMS"] = index + 1


def test_the_group_form_refuses_an_overlapping_membership_row(client, admin_user, board, held):
    client.force_login(admin_user)
    url, data = group_change_data(client, board)
    add_inline_row(
        data,
        "memberships",
        person=held.person_id,
        role="member",
        agency=held.agency_id,
        start_date="2024-06-01",
        end_date="",
        deputy_for="",
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert OVERLAP in response.content.decode()
    assert Membership.objects.count() == 1


def test_the_group_form_refuses_two_new_rows_that_overlap(client, admin_user, board, held):
    newcomer = PersonFactory(name="Nia New")
    client.force_login(admin_user)
    url, data = group_change_data(client, board)
    for start in ("2024-03-01", "2024-09-01"):
        add_inline_row(
            data,
            "memberships",
            person=newcomer.pk,
            role="member",
            agency=newcomer.agency_id,
            start_date=start,
            end_date="",
            deputy_for="",
        )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "entered twice" in response.content.decode()
    assert not Membership.objects.filter(person=newcomer).exists()


def test_the_group_form_refuses_a_deputy_row_without_the_member(client, admin_user, board, held):
    newcomer = PersonFactory(name="Nia New")
    client.force_login(admin_user)
    url, data = group_change_data(client, board)
    add_inline_row(
        data,
        "memberships",
        person=newcomer.pk,
        role="deputy",
        agency=newcomer.agency_id,
        start_date="2024-03-01",
        end_date="",
        deputy_for="",
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Name the member this person deputises for." in response.content.decode()
    assert not Membership.objects.filter(person=newcomer).exists()


def test_the_group_form_saves_good_rows_through_the_service(client, admin_user, board, held):
    newcomer = PersonFactory(name="Nia New", agency=held.agency)  # from the member's agency
    client.force_login(admin_user)
    url, data = group_change_data(client, board)
    add_inline_row(
        data,
        "memberships",
        person=newcomer.pk,
        role="deputy",
        agency=newcomer.agency_id,
        start_date="2024-03-01",
        end_date="",
        deputy_for=held.person_id,
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    membership = Membership.objects.get(person=newcomer)
    assert membership.deputy_for == held.person
    assert membership.history.get().history_user == admin_user
