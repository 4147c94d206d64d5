"""Case material is need-to-know (issue 12 'Access'): JCR members, named officers and grants
only; everyone else, admins and the plain secretariat included, is told the review does not
exist; every view of restricted details is logged; review actions are hidden in the action log."""

import datetime

import pytest
from django.urls import reverse

from governance.tests.factories import PersonFactory, UserFactory
from notifications.registry import kind
from reviews import services
from reviews.models import AccessLogEntry
from reviews.selectors import visible_reviews

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 4, 10, 10, tzinfo=datetime.UTC)


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("jcr_member", 200),
        ("jcr_chair", 200),
        ("officer", 200),
        ("ended_jcr_member", 404),
        ("secretariat", 404),
        ("admin_user", 404),
        ("partner", 404),
        ("member", 404),
        ("chair", 404),
        ("stranger", 404),
    ],
)
def test_a_review_is_seen_only_by_the_jcr_and_the_named_officers(client, case, who, status, request):
    user = request.getfixturevalue(who)
    for url in (case.get_absolute_url(), reverse("reviews:review_children", args=[case.pk])):
        assert _get(client, user, url).status_code == status


def test_an_ended_jcr_member_sees_no_list_no_board_and_no_nav_link(client, case, ended_jcr_member):
    client.force_login(ended_jcr_member)
    assert client.get(reverse("reviews:review_list")).status_code == 404
    assert client.get(reverse("reviews:deadlines_board")).status_code == 404
    assert list(visible_reviews(ended_jcr_member)) == []


def test_an_officer_who_leaves_the_secretariat_no_longer_sees_reviews(client, case, officer):
    officer.groups.clear()
    assert _get(client, officer, case.get_absolute_url()).status_code == 404


def test_a_grant_opens_one_review_read_only_until_withdrawn(client, case, stranger, jcr_chair):
    other = services.case_review_record(
        review_type="child",
        awareness_date=datetime.date(2026, 4, 1),
        recorded_by=None,
        children=[{"pseudonym": "Child B"}],
    )
    grant = services.grant_give(
        review=case, user=stranger, reason="Lead reviewer", granted_by=jcr_chair, now=NOW
    )
    stranger = UserFactory._meta.model.objects.get(pk=stranger.pk)  # fresh: the grants are cached per user
    client.force_login(stranger)
    assert client.get(case.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(reverse("reviews:review_edit", args=[case.pk, "notification"])).status_code == 403
    assert [row.reference for row in visible_reviews(stranger)] == [case.reference]
    services.grant_withdraw(grant=grant, by=jcr_chair, now=NOW)
    assert client.get(case.get_absolute_url()).status_code == 404


def test_the_jcr_chair_and_admins_give_access_and_a_jcr_member_may_not(
    client, case, jcr_chair, jcr_member, admin_user, stranger
):
    url = reverse("reviews:review_grants", args=[case.pk])
    assert _get(client, jcr_member, url).status_code == 403
    assert _get(client, admin_user, url).status_code == 200
    client.force_login(jcr_chair)
    response = client.post(url, {"user": stranger.pk, "reason": "Lead reviewer commissioned"})
    assert response.status_code == 302
    assert case.grants.get().user == stranger


def test_every_view_of_restricted_details_is_logged_with_who_when_and_what(
    client, case, jcr_member, admin_user
):
    _get(client, jcr_member, case.get_absolute_url())
    _get(client, jcr_member, reverse("reviews:review_children", args=[case.pk]))
    entries = list(AccessLogEntry.objects.order_by("pk").values_list("user__username", "what"))
    assert entries == [
        ("jcr-member", "the review's record"),
        ("jcr-member", "the children's identifying details"),
    ]
    page = _get(client, admin_user, reverse("reviews:access_log"))
    assert page.status_code == 200
    assert "the children&#x27;s identifying details" in page.content.decode()
    assert _get(client, jcr_member, reverse("reviews:access_log")).status_code == 403


def test_identifying_details_are_only_on_their_own_logged_page(client, case, jcr_member):
    page = _get(client, jcr_member, case.get_absolute_url()).content.decode()
    assert "Child A" in page and "Real name of Child A" not in page
    details = _get(client, jcr_member, reverse("reviews:review_children", args=[case.pk])).content.decode()
    assert "Real name of Child A" in details


def test_a_partner_reader_sees_anonymised_numbers_only(client, case, partner):
    client.force_login(partner)
    page = client.get(reverse("reviews:in_numbers"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Child A" not in text and case.reference not in text
    assert client.get(reverse("reviews:review_list")).status_code == 404
    assert "Case reviews</a>" not in client.get(reverse("reviews:in_numbers")).content.decode()


def test_a_reviews_action_is_hidden_from_the_secretariat_and_board_in_the_action_log(
    client, case, jcr, jcr_member, secretariat
):
    owner = PersonFactory(name="Olive Owner")
    services.recommendation_add(
        review=case, text="Refresh the neglect toolkit training", group=jcr, owners=[owner], recorded_by=None
    )
    log = reverse("governance:action_log", args=[jcr.pk])
    assert "Refresh the neglect toolkit training" in _get(client, jcr_member, log).content.decode()
    assert "Refresh the neglect toolkit training" not in _get(client, secretariat, log).content.decode()


def test_the_reminder_kind_drops_a_recipient_who_may_not_see_the_review(case, jcr_chair, secretariat):
    assert kind("case_review_deadline").permission == "reviews.view_review"
    assert jcr_chair.has_perm("reviews.view_review", case)
    assert not secretariat.has_perm("reviews.view_review", case)
