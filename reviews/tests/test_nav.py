"""The top bar's Case reviews entry: for those with a way in, and read without touching case tables."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews import services
from reviews.models import CaseReviewOfficer

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 4, 1, 10, tzinfo=datetime.UTC)


def _shows_case_reviews(client, user) -> bool:
    client.force_login(get_user_model().objects.get(pk=user.pk))
    return f'href="{reverse("reviews:review_list")}"' in client.get(reverse("home")).text


def test_the_top_bar_shows_case_reviews_to_jcr_members_and_named_officers(client, case, jcr_member, officer):
    assert _shows_case_reviews(client, jcr_member)
    assert _shows_case_reviews(client, officer)


def test_the_top_bar_hides_case_reviews_from_an_ended_member_a_partner_and_the_unnamed_secretariat(
    client, case, ended_jcr_member, partner, secretariat
):
    assert not _shows_case_reviews(client, ended_jcr_member)
    assert not _shows_case_reviews(client, partner)
    assert not _shows_case_reviews(client, secretariat)


def test_a_grant_holder_sees_the_entry_until_their_last_grant_is_withdrawn(client, case, stranger, jcr_chair):
    grant = services.grant_give(
        review=case, user=stranger, reason="Lead reviewer", granted_by=jcr_chair, now=NOW
    )
    assert _shows_case_reviews(client, stranger)
    services.grant_withdraw(grant=grant, by=jcr_chair, now=NOW)
    assert not _shows_case_reviews(client, stranger)


def test_an_officer_removed_loses_the_entry(client, case, officer, admin_user):
    services.officer_remove(officer=CaseReviewOfficer.objects.get(user=officer), by=admin_user)
    assert not _shows_case_reviews(client, officer)


def test_the_top_bar_reads_no_case_review_table(client, case, jcr_member, stranger, jcr_chair):
    services.grant_give(review=case, user=stranger, reason="Lead reviewer", granted_by=jcr_chair, now=NOW)
    for user in (jcr_member, stranger):
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("home")).status_code == 200
        # A query of its own on a case review table (the action lists' visibility subqueries aside).
        tables = [query["sql"].partition(" FROM ")[2] for query in queries]
        assert not [table for table in tables if table.startswith('"reviews_')]
