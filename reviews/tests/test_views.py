"""The case review pages as a JCR member uses them: recording, editing, bad input kept."""

import datetime

import pytest
from django.urls import reverse

from governance.tests.factories import AgencyFactory
from reviews import services
from reviews.models import CaseReview
from reviews.tests.factories import d, partners_delegates, review

pytestmark = pytest.mark.django_db


def test_recording_a_notification_starts_its_clocks_and_shows_the_panel_deadline(client, jcr_member):
    agency = AgencyFactory(name="Wye Valley NHS Trust")
    client.force_login(jcr_member)
    response = client.post(
        reverse("reviews:review_create"),
        {
            "review_type": "child",
            "awareness_date": "2026-04-02",
            "abuse_or_neglect": "on",
            "harm": "seriously_harmed",
            "agencies": [agency.pk],
            "child_1_pseudonym": "Child A",
            "child_1_full_name": "A real name",
        },
    )
    case = CaseReview.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Mon 13 Apr 2026" in page
    assert "5 working days from becoming aware of the incident — Working Together 2023" in page
    assert case.children.get().full_name == "A real name"


def test_a_notification_without_a_child_is_refused_with_what_was_typed_kept(client, jcr_member):
    client.force_login(jcr_member)
    response = client.post(
        reverse("reviews:review_create"),
        {"review_type": "child", "awareness_date": "2026-04-02", "child_2_full_name": "Someone"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Give this child a pseudonym" in text
    assert 'value="Someone"' in text
    assert not CaseReview.objects.exists()


def test_recording_the_panel_notification_moves_to_the_rapid_review_clock(client, jcr_member):
    case = review(awareness_date=d(2026, 4, 2))
    client.force_login(jcr_member)
    url = reverse("reviews:review_edit", args=[case.pk, "notification"])
    response = client.post(
        url, {"awareness_date": "2026-04-02", "panel_notified_on": "2026-04-13", "harm": ""}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.next_deadline == d(2026, 5, 5)  # the early May bank holiday skipped


def test_the_partners_decision_page_records_each_partner(client, jcr_member):
    partners = partners_delegates()
    case = review()
    client.force_login(jcr_member)
    url = reverse("reviews:decision_add", args=[case.pk])
    for person in partners.values():
        client.post(
            url, {"representative": person.pk, "decision": "local_review", "decided_on": "2026-04-27"}
        )
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Final" in page and "Tue 27 Oct 2026" in page


def test_a_request_is_marked_received_from_the_review_page(client, jcr_member):
    case = review()
    info = services.information_request_record(
        review=case, agency=AgencyFactory(), requested_on=d(2026, 4, 7)
    )
    client.force_login(jcr_member)
    response = client.post(
        reverse("reviews:request_update", args=[case.pk, info.pk]), {"status": "received", "on": "2026-04-14"}
    )
    assert response.status_code == 302
    info.refresh_from_db()
    assert info.received_on == datetime.date(2026, 4, 14)


@pytest.mark.parametrize("size", [2, 12])
def test_the_list_and_the_board_take_a_fixed_number_of_queries(
    client, jcr_member, size, django_assert_max_num_queries
):
    for i in range(size):
        review(awareness_date=d(2026, 3, 2) + datetime.timedelta(days=i), children=("Child A", "Child B"))
    client.force_login(jcr_member)
    client.get(reverse("reviews:review_list"))  # the session and the user's roles, once
    for name in ("reviews:review_list", "reviews:deadlines_board"):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_the_numbers_page_takes_a_fixed_number_of_queries(
    client, partner, size, django_assert_max_num_queries
):
    for i in range(size):
        review(awareness_date=d(2026, 3, 2) + datetime.timedelta(days=i))
    client.force_login(partner)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("reviews:in_numbers")).status_code == 200


def _requests_table(client, case) -> str:
    page = client.get(case.get_absolute_url()).content.decode()
    start = page.index('id="information-requests"')
    return page[start : page.index("</table>", start)]


def test_an_agency_return_past_its_due_date_is_shown_overdue_until_received(client, jcr_member):
    case = review(awareness_date=d(2026, 4, 2))
    info = services.information_request_record(
        review=case, agency=AgencyFactory(), requested_on=d(2026, 4, 7)
    )
    client.force_login(jcr_member)
    assert "Overdue" in _requests_table(client, case)
    services.information_request_update(request=info, status="received", on=d(2026, 4, 15))
    table = _requests_table(client, case)
    assert "Overdue" not in table and "Received 15 Apr" in table
