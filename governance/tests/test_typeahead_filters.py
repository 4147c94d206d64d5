"""The action log's owner and meeting filters are type-ahead fields (issue 16): the page no longer
lists every person and meeting, two small JSON endpoints offer matches to those who may see
them, and without JavaScript the boxes take a name or a date."""

import datetime

import pytest
from django.urls import reverse

from governance.tests.factories import AgencyFactory, GroupFactory, PersonFactory
from governance.tests.factories_actions import MeetingFactory, london, record
from governance.tests.test_queries_actions import count_queries

pytestmark = pytest.mark.django_db


def log_url(group):
    return reverse("governance:action_log", args=[group.pk])


def listed(client, group, query) -> set[int]:
    response = client.get(log_url(group), query)
    assert response.status_code == 200
    return {action.pk for action in response.context["actions"]}


def test_the_log_page_lists_no_person_and_no_meeting_in_its_filters(client, secretariat, group):
    for n in range(30):
        PersonFactory(name=f"Directory Person {n}")
    MeetingFactory(group=group, starts_at=london(2019, 10, 23))
    client.force_login(secretariat)

    page = client.get(log_url(group)).content.decode()

    assert "Directory Person" not in page
    assert "23 Oct 2019" not in page
    assert f'data-typeahead="{reverse("governance:person_lookup")}"' in page
    assert reverse("governance:action_log_meeting_lookup", args=[group.pk]) in page


def test_the_owner_and_meeting_chosen_are_named_in_their_boxes(client, secretariat, group):
    owner = PersonFactory(name="Lindsay MacHardy")
    meeting = MeetingFactory(group=group, starts_at=london(2019, 10, 23))
    client.force_login(secretariat)

    page = client.get(log_url(group), {"owner": owner.pk, "meeting": meeting.pk}).content.decode()

    assert 'data-typeahead-label="Lindsay MacHardy"' in page
    assert f'data-typeahead-label="{group.label} — 23 Oct 2019"' in page


def test_without_javascript_the_owner_box_takes_part_of_a_name(client, secretariat, group):
    lindsay, karen = PersonFactory(name="Lindsay MacHardy"), PersonFactory(name="Karen Wright")
    hers = record(group, owners=[lindsay])
    record(group, owners=[karen])
    client.force_login(secretariat)

    assert listed(client, group, {"owner": "machardy"}) == {hers.pk}
    assert listed(client, group, {"owner": str(lindsay.pk)}) == {hers.pk}
    assert listed(client, group, {"owner": "nobody of that name"}) == set()


def test_without_javascript_the_meeting_box_takes_a_date_and_refuses_anything_else(
    client, secretariat, group
):
    october = MeetingFactory(group=group, starts_at=london(2019, 10, 23))
    december = MeetingFactory(group=group, starts_at=london(2019, 12, 18))
    agreed_in_october = record(group, origin_meeting=october)
    record(group, origin_meeting=december)
    client.force_login(secretariat)

    assert listed(client, group, {"meeting": "23/10/2019"}) == {agreed_in_october.pk}
    assert listed(client, group, {"meeting": "2019-10-23"}) == {agreed_in_october.pk}
    assert listed(client, group, {"meeting": str(october.pk)}) == {agreed_in_october.pk}
    response = client.get(log_url(group), {"meeting": "last Tuesday"})
    assert response.status_code == 200
    assert "Enter the meeting&#x27;s date as dd/mm/yyyy" in response.content.decode()


def test_the_person_lookup_offers_at_most_twenty_people_holding_every_word_typed(client, secretariat):
    council = AgencyFactory(name="Herefordshire Council", short_name="HC")
    for n in range(25):
        PersonFactory(name=f"Sam Jones {n:02d}", agency=council)
    PersonFactory(name="Sam Smith", agency=council)
    client.force_login(secretariat)
    url = reverse("governance:person_lookup")

    results = client.get(url, {"q": "sam jon"}).json()["results"]

    assert len(results) == 20
    assert results[0]["text"] == "Sam Jones 00 (HC)"
    assert [row["text"] for row in client.get(url, {"q": "smith"}).json()["results"]] == ["Sam Smith (HC)"]


def test_the_person_lookup_runs_the_same_queries_for_ten_people_as_for_two_hundred(client, secretariat):
    client.force_login(secretariat)
    url = reverse("governance:person_lookup")
    counts = []
    for size in (10, 190):
        for n in range(size):
            PersonFactory(name=f"Person {n}")
        counts.append(count_queries(lambda: client.get(url, {"q": "person"})))
    assert counts[0] == counts[1]


def test_the_meeting_lookup_offers_the_logs_meetings_latest_first_and_no_other_groups(
    client, secretariat, group
):
    other = GroupFactory(name="Another Group", short_name="AG")
    MeetingFactory(group=other, starts_at=london(2019, 11, 6))
    for day in (datetime.date(2019, 10, 23), datetime.date(2019, 12, 18), datetime.date(2020, 2, 19)):
        MeetingFactory(group=group, starts_at=london(day.year, day.month, day.day))
    client.force_login(secretariat)
    url = reverse("governance:action_log_meeting_lookup", args=[group.pk])

    everything = [row["text"] for row in client.get(url).json()["results"]]
    in_2019 = [row["text"] for row in client.get(url, {"q": "2019"}).json()["results"]]

    assert everything == [
        f"{group.label} — 19 Feb 2020",
        f"{group.label} — 18 Dec 2019",
        f"{group.label} — 23 Oct 2019",
    ]
    assert in_2019 == everything[1:]


def test_the_meeting_lookup_is_refused_to_those_who_may_not_read_the_log(client, outsider, group):
    client.force_login(outsider)

    response = client.get(reverse("governance:action_log_meeting_lookup", args=[group.pk]))

    assert response.status_code == 403
