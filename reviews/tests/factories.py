"""Case reviews for tests: the JCR group and its people, and reviews recorded through the services."""

import datetime

from django.contrib.auth.models import Group as AuthGroup

from governance.models import SafeguardingPartnerRole
from governance.permissions import SECRETARIAT_GROUP
from governance.tests.factories import (
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    council,
    icb,
    police,
)
from reviews import services
from reviews.choices import ReviewType
from reviews.models import CaseReview

d = datetime.date
THURSDAY_BEFORE_EASTER = d(2026, 4, 2)


def jcr_group():
    return GroupFactory(name="Joint Case Review Group", short_name="JCR")


def jcr_user(group, *, username="jcr-user", role="member", end_date=None):
    user = UserFactory(username=username)
    person = PersonFactory(user=user, name=f"{username.title()} Person")
    MembershipFactory(person=person, group=group, role=role, end_date=end_date)
    return user


def officer_user(username="officer-user"):
    user = UserFactory(username=username)
    user.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    PersonFactory(user=user, name="Olu Officer")
    services.officer_name(user=user, named_by=None, now=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    return user


def partners_delegates():
    """The three statutory partners, each with a delegated safeguarding partner."""
    return {
        agency.statutory_role: PersonFactory(
            agency=agency,
            name=f"Delegate of {agency.name}",
            safeguarding_partner_role=SafeguardingPartnerRole.DELEGATED,
        )
        for agency in (council(), icb(), police())
    }


def review(
    *, review_type=ReviewType.CHILD, awareness_date=THURSDAY_BEFORE_EASTER, children=("Child A",), **extra
) -> CaseReview:
    return services.case_review_record(
        review_type=review_type,
        awareness_date=awareness_date,
        recorded_by=None,
        children=[{"pseudonym": name, "full_name": f"Real name of {name}"} for name in children]
        if review_type == ReviewType.CHILD
        else [],
        **extra,
    )
