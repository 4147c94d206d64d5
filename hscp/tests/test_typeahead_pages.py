"""Every form page with a field over people, accounts or meetings renders the same page, with the
same number of queries, whether the directory holds five people or sixty (issue 16): the fields are
type-ahead boxes holding only what is chosen, never a drop-down of everyone."""

import pytest
from django.urls import reverse

from audits.tests.factories import CaseAuditFactory
from governance.tests.factories import AgencyFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import MeetingFactory
from governance.tests.test_queries_actions import count_queries
from reviews.tests.factories import review

pytestmark = pytest.mark.django_db

PAGES = {
    "record an action": lambda group: reverse("governance:action_create", args=[group.pk]),
    "add a member": lambda group: reverse("governance:membership_create", args=[group.pk]),
    "new person": lambda group: reverse("governance:person_create"),
    "schedule a meeting": lambda group: reverse("governance:meeting_schedule", args=[group.pk]),
    "add an agenda item": lambda group: reverse(
        "governance:agenda_item_add", args=[MeetingFactory(group=group).pk]
    ),
    "add to the attendance": lambda group: reverse(
        "governance:attendance_add", args=[MeetingFactory(group=group).pk]
    ),
    "add to the training pool": lambda group: reverse("training:trainer_create"),
    "new risk": lambda group: reverse("planning:risk_create"),
    "new scrutiny plan": lambda group: reverse("planning:scrutiny_plan_create"),
    "change an audit": lambda group: reverse("audits:audit_edit", args=[CaseAuditFactory().pk]),
    "a partner's decision on a review": lambda group: reverse("reviews:decision_add", args=[review().pk]),
    "give access to a review": lambda group: reverse("reviews:review_grants", args=[review().pk]),
}


def rendered(client, url) -> tuple[int, int, int]:
    queries = count_queries(lambda: client.get(url))
    page = client.get(url).content.decode()
    assert "Directory Person" not in page
    return queries, len(page), page.count("<option")


@pytest.mark.parametrize("page", list(PAGES))
def test_the_form_page_is_the_same_with_five_or_sixty_people(client, admin_user, group, page):
    url = PAGES[page](group)
    agency = AgencyFactory(name="Directory agency")
    for n in range(5):
        PersonFactory(name=f"Directory Person {n}", agency=agency, user=UserFactory())
    client.force_login(admin_user)
    client.get(url)  # anything read once per process (the partnership's settings…)

    small = rendered(client, url)
    for n in range(5, 60):
        PersonFactory(name=f"Directory Person {n}", agency=agency, user=UserFactory())
    large = rendered(client, url)

    assert large == small
