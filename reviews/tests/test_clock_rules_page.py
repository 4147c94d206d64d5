"""Admins change a clock rule on its page: the change is recorded with who and why, and open
reviews follow it; reviewers read the rules; no one else changes them."""

import pytest
from django.urls import reverse

from reviews.models import ClockRule
from reviews.tests.factories import d, review

pytestmark = pytest.mark.django_db


def test_an_admin_shortens_the_panel_clock_and_open_reviews_follow_with_the_change_recorded(
    client, admin_user
):
    case = review(awareness_date=d(2026, 4, 2))
    client.force_login(admin_user)
    url = reverse("reviews:clock_rule_edit", args=["panel_notification"])
    response = client.post(
        url,
        {
            "name": "Notify the national Panel",
            "length": 3,
            "unit": "working_days",
            "source": "local",
            "reason": "Local protocol",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.next_deadline == d(2026, 4, 9)
    page = client.get(reverse("reviews:clock_rules")).content.decode()
    assert "3 working days from becoming aware of the incident — local practice" in page
    assert "Local protocol" in page
    assert ClockRule.history.filter(code="panel_notification").first().history_user == admin_user


def test_a_rule_needs_a_length_of_at_least_one_and_a_reason(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("reviews:clock_rule_edit", args=["panel_notification"]),
        {"name": "Notify", "length": 0, "unit": "working_days", "source": "local", "reason": ""},
    )
    assert response.status_code == 200
    assert not ClockRule.objects.filter(length=0).exists()


def test_a_jcr_member_reads_the_rules_but_may_not_change_them(client, jcr_member):
    client.force_login(jcr_member)
    assert client.get(reverse("reviews:clock_rules")).status_code == 200
    assert client.get(reverse("reviews:clock_rule_edit", args=["rapid_review"])).status_code == 403
