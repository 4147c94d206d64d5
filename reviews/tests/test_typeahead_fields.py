"""The case reviews' fields over people, accounts and meetings are type-ahead fields (issue 16): a
partner's representative, whom a review is opened to, the rapid review meeting. Each endpoint
answers only those who may change the review (need-to-know), from what its field accepts."""

import pytest
from django.urls import reverse

from governance.tests.factories import AgencyFactory, GroupFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import MeetingFactory, london
from reviews.forms import GrantForm, PartnerDecisionForm, ReviewSectionForm
from reviews.tests.factories import partners_delegates

pytestmark = pytest.mark.django_db

REFUSED = "cannot be chosen here"


def offered(client, name, case, query):
    response = client.get(reverse(name, args=[case.pk]), {"q": query})
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


def test_the_representative_lookup_finds_partners_staff_by_part_of_the_name_and_omits_others(
    client, case, jcr_member
):
    partners_delegates()
    PersonFactory(name="Delegate of a school", agency=AgencyFactory(name="A school"))
    client.force_login(jcr_member)

    found = offered(client, "reviews:representative_lookup", case, "delegate")

    assert len(found) == 3 and not any("school" in text for text in found)


def test_a_representative_outside_the_statutory_partners_is_refused(case):
    delegate = next(iter(partners_delegates().values()))
    other = PersonFactory(name="Delegate of a school", agency=AgencyFactory(name="A school"))
    data = {"decision": "local_review", "decided_on": "30/04/2026"}

    refused = PartnerDecisionForm({**data, "representative": other.pk}, review=case)
    taken = PartnerDecisionForm({**data, "representative": delegate.pk}, review=case)
    refused.is_valid(), taken.is_valid()

    assert REFUSED in refused.errors["representative"][0]
    assert "representative" not in taken.errors
    assert "Delegate of a school" not in str(PartnerDecisionForm(review=case)["representative"])


def test_the_grant_lookup_finds_active_accounts_and_omits_inactive_ones(client, case, jcr_chair):
    UserFactory(username="lead-reviewer")
    UserFactory(username="lead-gone", is_active=False)
    client.force_login(jcr_chair)

    found = offered(client, "reviews:grant_user_lookup", case, "lead")

    assert found == ["lead-reviewer"]


def test_granting_access_to_an_inactive_account_is_refused(case):
    gone = UserFactory(username="lead-gone", is_active=False)

    form = GrantForm({"user": gone.pk, "reason": "Lead reviewer"}, review=case)

    assert not form.is_valid() and REFUSED in form.errors["user"][0]


def test_without_javascript_access_is_given_by_user_name(client, case, jcr_chair):
    lead = UserFactory(username="lead-reviewer")
    UserFactory(username="lead-reviewer-2")
    client.force_login(jcr_chair)

    response = client.post(
        reverse("reviews:review_grants", args=[case.pk]), {"user": "lead-reviewer", "reason": "Lead"}
    )

    assert response.status_code == 302
    assert case.grants.get().user == lead


def test_the_meeting_lookup_offers_only_the_jcr_groups_meetings(client, case, jcr, jcr_member):
    MeetingFactory(group=jcr, starts_at=london(2026, 3, 12, 10))
    MeetingFactory(group=GroupFactory(name="Board", short_name="SPB"), starts_at=london(2026, 3, 12, 14))
    client.force_login(jcr_member)

    assert offered(client, "reviews:meeting_lookup", case, "12/03/2026") == ["JCR — 12 Mar 2026"]
    assert offered(client, "reviews:meeting_lookup", case, "mar 2026") == ["JCR — 12 Mar 2026"]


def test_a_rapid_review_meeting_of_another_group_is_refused(case, jcr):
    board = MeetingFactory(group=GroupFactory(name="Board", short_name="SPB"))
    ours = MeetingFactory(group=jcr)

    refused = ReviewSectionForm({"rapid_review_meeting": board.pk}, instance=case, section="rapid_review")
    taken = ReviewSectionForm({"rapid_review_meeting": ours.pk}, instance=case, section="rapid_review")
    refused.is_valid(), taken.is_valid()

    assert REFUSED in refused.errors["rapid_review_meeting"][0]
    assert "rapid_review_meeting" not in taken.errors


@pytest.mark.parametrize("name", ["reviews:representative_lookup", "reviews:meeting_lookup"])
def test_the_lookups_answer_no_one_without_need_to_know(client, case, stranger, ended_jcr_member, name):
    for user in (stranger, ended_jcr_member):
        client.force_login(user)
        assert client.get(reverse(name, args=[case.pk]), {"q": "a"}).status_code in (403, 404)


def test_a_jcr_member_who_may_not_give_access_gets_no_accounts(client, case, jcr_member):
    client.force_login(jcr_member)

    response = client.get(reverse("reviews:grant_user_lookup", args=[case.pk]), {"q": "a"})

    assert response.status_code == 403
