import datetime

import pytest
from django.urls import reverse

from governance.models import GroupKind, Membership
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    council,
    icb,
    police,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def jcr_structure():
    board = GroupFactory(name="Safeguarding Partners Board", kind=GroupKind.BOARD)
    adults = GroupFactory(name="Safeguarding Adults Board", kind=GroupKind.PARTNER_BODY)
    community = GroupFactory(name="Community Safety Partnership", kind=GroupKind.PARTNER_BODY)
    jcr = GroupFactory(name="Joint Case Review Group")
    jcr.reports_to.set([board, adults, community])
    return {"board": board, "jcr": jcr}


def test_structure_shows_the_jcr_group_under_each_of_its_three_parents(client, secretariat, jcr_structure):
    client.force_login(secretariat)
    response = client.get(reverse("governance:structure"))
    roots = response.context["structure"]
    assert {node.group.name for node in roots} == {
        "Safeguarding Partners Board",
        "Safeguarding Adults Board",
        "Community Safety Partnership",
    }
    assert all([child.group.name for child in node.children] == ["Joint Case Review Group"] for node in roots)
    assert "Reports to 3 bodies" in response.content.decode()


def test_structure_survives_a_cycle_in_the_reporting_lines(client, secretariat):
    first, second = GroupFactory(name="First"), GroupFactory(name="Second")
    top = GroupFactory(name="Top", kind=GroupKind.BOARD)
    first.reports_to.set([top, second])
    second.reports_to.set([first])
    client.force_login(secretariat)
    assert client.get(reverse("governance:structure")).status_code == 200


def _populate(groups: int, members_each: int):
    board = GroupFactory(kind=GroupKind.BOARD)
    partners = [council(), icb(), police()]
    for _ in range(groups):
        subgroup = GroupFactory()
        subgroup.reports_to.set([board])
        for index in range(members_each):
            agency = partners[index % 3] if index < 3 else AgencyFactory()
            role = "chair" if index == 0 else "member"
            MembershipFactory(group=subgroup, person=PersonFactory(agency=agency), role=role)
    return board


@pytest.mark.parametrize("size", [2, 12])
def test_structure_page_runs_a_fixed_number_of_queries(
    client, secretariat, django_assert_max_num_queries, size
):
    _populate(groups=size, members_each=size)
    client.force_login(secretariat)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("governance:structure")).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_group_page_runs_a_fixed_number_of_queries(client, secretariat, django_assert_max_num_queries, size):
    board = _populate(groups=1, members_each=size)
    subgroup = board.reporting_groups.get()
    for _ in range(size):
        MembershipFactory(group=subgroup, end_date=datetime.date(2024, 6, 1))
    client.force_login(secretariat)
    with django_assert_max_num_queries(16):
        response = client.get(subgroup.get_absolute_url())
    assert response.status_code == 200
    assert sum(len(block.memberships) for block in response.context["members_by_agency"]) == size


@pytest.mark.parametrize("size", [3, 60])
def test_people_directory_runs_a_fixed_number_of_queries(
    client, partner, django_assert_max_num_queries, size
):
    _populate(groups=2, members_each=size)
    client.force_login(partner)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("governance:person_list")).status_code == 200


@pytest.mark.parametrize("size", [3, 40])
def test_agency_pages_run_a_fixed_number_of_queries(client, partner, django_assert_max_num_queries, size):
    _populate(groups=2, members_each=size)
    client.force_login(partner)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("governance:agency_list")).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(council().get_absolute_url()).status_code == 200


def test_group_page_lists_statutory_partners_first_with_their_members(client, partner):
    board = _populate(groups=1, members_each=5)
    subgroup = board.reporting_groups.get()
    client.force_login(partner)
    response = client.get(subgroup.get_absolute_url())
    agencies = [block.agency.name for block in response.context["members_by_agency"]]
    assert agencies[:3] == ["Shire Council", "Shire ICB", "Shire Police"]


def test_directory_filters_by_group_and_role(client, partner, group):
    vice = MembershipFactory(group=group, role="vice_chair").person
    MembershipFactory(group=group, role="member")
    MembershipFactory(role="vice_chair")  # another group
    client.force_login(partner)
    response = client.get(reverse("governance:person_list"), {"group": group.pk, "role": "vice_chair"})
    assert [person.pk for person in response.context["people"]] == [vice.pk]


def test_directory_searches_by_name(client, partner):
    PersonFactory(name="Priya Gill")
    PersonFactory(name="Tom Walsh")
    client.force_login(partner)
    response = client.get(reverse("governance:person_list"), {"q": "gill"})
    assert [person.name for person in response.context["people"]] == ["Priya Gill"]


def test_directory_filter_by_role_ignores_ended_memberships(client, partner):
    MembershipFactory(role="chair", end_date=datetime.date(2024, 6, 1))
    client.force_login(partner)
    response = client.get(reverse("governance:person_list"), {"role": "chair"})
    assert list(response.context["people"]) == []


def test_directory_is_paginated(client, partner):
    agency = AgencyFactory()
    for number in range(30):
        PersonFactory(name=f"Person {number:02d}", agency=agency)
    client.force_login(partner)
    first = client.get(reverse("governance:person_list"))
    second = client.get(reverse("governance:person_list"), {"page": 2})
    assert len(first.context["people"]) == 25
    assert len(second.context["people"]) == 5


def test_membership_of_an_agency_is_shown_on_the_agency_page(client, partner, group):
    person = PersonFactory(agency=police())
    Membership.objects.create(
        person=person, group=group, role="member", agency=person.agency, start_date="2024-01-01"
    )
    client.force_login(partner)
    response = client.get(person.agency.get_absolute_url())
    assert group.name in response.content.decode()


def test_group_page_names_its_chair_and_vice_chair(client, partner, group):
    MembershipFactory(group=group, role="vice_chair", person=PersonFactory(name="Vera Vice"))
    MembershipFactory(group=group, role="chair", person=PersonFactory(name="Carla Chair"))
    client.force_login(partner)
    response = client.get(group.get_absolute_url())
    assert [m.person.name for m in response.context["chairs"]] == ["Carla Chair", "Vera Vice"]


def test_directory_can_show_only_inactive_people(client, partner):
    PersonFactory(name="Still Here")
    PersonFactory(name="Long Gone", active=False)
    client.force_login(partner)
    response = client.get(reverse("governance:person_list"), {"active": "no"})
    assert [person.name for person in response.context["people"]] == ["Long Gone"]
