import datetime

import factory
from django.contrib.auth import get_user_model

from governance.models import Agency, Group, GroupKind, Membership, Person, Sector, StatutoryRole


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Relevant Agency {n}")
    sector = Sector.VOLUNTARY_COMMUNITY


class StatutoryPartnerFactory(AgencyFactory):
    class Meta:
        model = Agency
        django_get_or_create = ["statutory_role"]


def council():
    return StatutoryPartnerFactory(
        name="Shire Council", sector=Sector.LOCAL_AUTHORITY, statutory_role=StatutoryRole.LOCAL_AUTHORITY
    )


def icb():
    return StatutoryPartnerFactory(
        name="Shire ICB", sector=Sector.HEALTH, statutory_role=StatutoryRole.INTEGRATED_CARE_BOARD
    )


def police():
    return StatutoryPartnerFactory(
        name="Shire Police", sector=Sector.POLICE, statutory_role=StatutoryRole.POLICE
    )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="en_GB")
    job_title = factory.Faker("job", locale="en_GB")
    agency = factory.SubFactory(AgencyFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Subgroup {n}")
    kind = GroupKind.SUBGROUP


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    group = factory.SubFactory(GroupFactory)
    role = "member"
    agency = factory.LazyAttribute(lambda m: m.person.agency)
    start_date = datetime.date(2024, 1, 1)
