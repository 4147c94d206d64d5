import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance.models import Membership
from governance.selectors import structure as selectors
from governance.services import structure as services
from governance.tests.factories import AgencyFactory, GroupFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_ending_a_membership_keeps_it_and_removes_the_person_from_the_current_list():
    group = GroupFactory()
    membership = MembershipFactory(group=group, start_date=datetime.date(2023, 1, 1))

    services.membership_end(membership=membership, end_date=timezone.localdate())

    assert Membership.objects.filter(pk=membership.pk).exists()
    assert selectors.group_members_by_agency(group=group) == []
    assert list(selectors.group_membership_history(group=group)) == [membership]


def test_ending_a_membership_is_recorded_in_its_history():
    membership = MembershipFactory(start_date=datetime.date(2023, 1, 1))
    services.membership_end(membership=membership, end_date=timezone.localdate())
    assert membership.history.count() == 2
    assert membership.history.first().end_date == timezone.localdate()


def test_membership_cannot_be_ended_before_it_started():
    membership = MembershipFactory(start_date=datetime.date(2024, 6, 1))
    with pytest.raises(ValidationError, match="cannot be before the start date"):
        services.membership_end(membership=membership, end_date=datetime.date(2024, 5, 31))
    membership.refresh_from_db()
    assert membership.end_date is None


def test_an_ended_membership_cannot_be_ended_again():
    membership = MembershipFactory(start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError, match="already ended"):
        services.membership_end(membership=membership)


def test_a_person_can_hold_a_new_role_after_an_old_one_ends():
    group = GroupFactory()
    person = PersonFactory()
    old = MembershipFactory(person=person, group=group, role="member", start_date=datetime.date(2023, 1, 1))
    services.membership_end(membership=old, end_date=datetime.date(2024, 1, 1))
    services.membership_save(
        membership=Membership(
            person=person, group=group, role="vice_chair", start_date=datetime.date(2024, 1, 1)
        )
    )
    assert list(person.memberships.order_by("start_date").values_list("role", flat=True)) == [
        "member",
        "vice_chair",
    ]


def test_the_same_role_twice_over_overlapping_dates_is_refused():
    existing = MembershipFactory(start_date=datetime.date(2023, 1, 1))
    duplicate = Membership(
        person=existing.person, group=existing.group, role=existing.role, start_date=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError, match="already holds the role of member"):
        services.membership_save(membership=duplicate)


def test_membership_represents_the_persons_own_agency_by_default():
    person = PersonFactory()
    membership = services.membership_save(
        membership=Membership(
            person=person, group=GroupFactory(), role="member", start_date=datetime.date(2024, 1, 1)
        )
    )
    assert membership.agency == person.agency


def test_membership_can_represent_another_agency():
    person = PersonFactory()
    other = AgencyFactory(name="Primary Headteachers Forum")
    membership = services.membership_save(
        membership=Membership(
            person=person,
            group=GroupFactory(),
            role="member",
            agency=other,
            start_date=datetime.date(2024, 1, 1),
        )
    )
    assert membership.agency == other


def test_deputy_must_name_the_member_they_stand_in_for():
    with pytest.raises(ValidationError, match="Name the member"):
        services.membership_save(
            membership=Membership(
                person=PersonFactory(),
                group=GroupFactory(),
                role="deputy",
                start_date=datetime.date(2024, 1, 1),
            )
        )


def test_only_a_deputy_names_a_member_to_stand_in_for():
    with pytest.raises(ValidationError, match="Only a deputy"):
        services.membership_save(
            membership=Membership(
                person=PersonFactory(),
                group=GroupFactory(),
                role="member",
                deputy_for=PersonFactory(),
                start_date=datetime.date(2024, 1, 1),
            )
        )


def test_group_cannot_report_to_itself():
    group = GroupFactory()
    with pytest.raises(ValidationError, match="cannot report to itself"):
        services.group_save(group=group, reports_to=[group])


def test_person_cannot_be_their_own_line_manager():
    person = PersonFactory()
    person.line_manager = person
    with pytest.raises(ValidationError, match="own line manager"):
        services.person_save(person=person)
