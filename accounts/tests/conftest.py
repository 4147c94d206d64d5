import pytest
from django.contrib.auth.models import Group as AuthGroup

from governance.permissions import SECRETARIAT_GROUP
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory

PASSWORD = "a-long-test-password"


@pytest.fixture
def with_password():
    def give(user, password=PASSWORD):
        user.set_password(password)
        user.save()
        return user

    return give


@pytest.fixture
def jcr_member(db):
    user = UserFactory(username="jcr-user")
    person = PersonFactory(user=user, name="Jo Reviewer")
    MembershipFactory(person=person, group=GroupFactory(name="Joint Case Review Group"), role="member")
    return user


@pytest.fixture
def secretariat_with_password(db):
    user = UserFactory(username="secretariat-pw")
    user.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    user.set_password(PASSWORD)
    user.save()
    return user
