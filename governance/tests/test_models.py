import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.models import Agency, Membership, Sector, StatutoryRole, derive_initials
from governance.services import structure as services
from governance.tests.factories import MembershipFactory, PersonFactory, police

pytestmark = pytest.mark.django_db


def test_second_agency_cannot_take_the_police_role_in_the_database():
    police()
    with pytest.raises(IntegrityError), transaction.atomic():
        Agency.objects.create(
            name="Another Constabulary", sector=Sector.POLICE, statutory_role=StatutoryRole.POLICE
        )


def test_second_agency_taking_the_police_role_gets_a_clear_message():
    police()
    agency = Agency(name="Another Constabulary", sector=Sector.POLICE, statutory_role=StatutoryRole.POLICE)
    with pytest.raises(ValidationError, match="already holds this statutory partner role"):
        services.agency_save(agency=agency)
    assert not Agency.objects.filter(name="Another Constabulary").exists()


def test_any_number_of_agencies_can_hold_no_statutory_role():
    for number in range(3):
        services.agency_save(agency=Agency(name=f"School {number}", sector=Sector.EDUCATION))
    assert Agency.objects.filter(statutory_role__isnull=True).count() == 3


def test_membership_cannot_end_before_it_starts_in_the_database():
    membership = MembershipFactory(start_date=datetime.date(2024, 5, 1))
    membership.end_date = datetime.date(2024, 4, 30)
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


def test_deputy_without_a_named_member_is_refused_by_the_database():
    membership = MembershipFactory.build(role="deputy")
    membership.person.agency.save()
    membership.person.save()
    membership.group.save()
    membership.agency = membership.person.agency
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Emma Field", "EF"),
        ("Kate Walsh-Price", "KWP"),
        ("Dr P. O'Neill Green", "DPOG"),
        ("  Priya   Gill ", "PG"),
    ],
)
def test_initials_are_derived_from_the_name(name, initials):
    assert derive_initials(name) == initials


def test_initials_can_be_overridden():
    person = PersonFactory(name="Emma Field", initials_override="EMF")
    assert person.initials == "EMF"


def test_membership_ended_today_is_no_longer_current():
    today = datetime.date(2025, 3, 10)
    membership = MembershipFactory(start_date=datetime.date(2024, 1, 1), end_date=today)
    assert not membership.is_current(today)
    assert membership.is_current(today - datetime.timedelta(days=1))
    assert not Membership.objects.current(today).exists()


def test_membership_starting_in_the_future_is_not_yet_current():
    today = datetime.date(2025, 3, 10)
    MembershipFactory(start_date=today + datetime.timedelta(days=1))
    assert not Membership.objects.current(today).exists()
    assert Membership.objects.current(today + datetime.timedelta(days=1)).count() == 1
