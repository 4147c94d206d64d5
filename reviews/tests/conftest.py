import pytest

from governance.tests.factories import PersonFactory, UserFactory
from reviews.tests.factories import jcr_group, jcr_user, officer_user, review


@pytest.fixture
def jcr(db):
    return jcr_group()


@pytest.fixture
def jcr_member(jcr):
    return jcr_user(jcr, username="jcr-member")


@pytest.fixture
def jcr_chair(jcr):
    return jcr_user(jcr, username="jcr-chair", role="chair")


@pytest.fixture
def ended_jcr_member(jcr):
    return jcr_user(jcr, username="jcr-ended", end_date="2025-06-01")


@pytest.fixture
def officer(db):
    return officer_user()


@pytest.fixture
def case(db):
    return review()


@pytest.fixture
def stranger(db):
    """Someone with a person but no role at all."""
    user = UserFactory(username="stranger")
    PersonFactory(user=user)
    return user
