"""Each record's History page is linked from where the record is shown, for those who may open
it (the check of governance/views/history.py), and never for those who may not."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.models import MinutesStatus
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_meetings import AgendaItemFactory, AttendanceFactory, MeetingFactory
from governance.tests.factories_minutes import DecisionFactory, MinutesFactory
from governance.tests.factories_papers import PaperFactory

pytestmark = pytest.mark.django_db


def _history_url(name, pk):
    return reverse(f"governance:{name}_history", args=[pk])


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _opens(client, name, pk) -> bool:
    return client.get(_history_url(name, pk)).status_code == 200


@pytest.fixture
def published_meeting(group):
    """A held meeting with a published agenda: an open item and a confidential one, a decision
    at each, and one attendance line."""
    meeting = MeetingFactory(group=group, agenda_published_at=timezone.now())
    open_item = AgendaItemFactory(meeting=meeting, title="Budget")
    secret_item = AgendaItemFactory(meeting=meeting, title="Case of child J", confidential=True)
    return {
        "meeting": meeting,
        "open_item": open_item,
        "secret_item": secret_item,
        "open_decision": DecisionFactory(agenda_item=open_item, text="The budget is agreed."),
        "secret_decision": DecisionFactory(agenda_item=secret_item, text="Refer J to the panel."),
        "attendance": AttendanceFactory(meeting=meeting),
    }


@pytest.fixture
def other_chair(db):
    """The chair of another group: a role in the partnership, none in this group."""
    user = UserFactory(username="other-chair-user")
    MembershipFactory(person=PersonFactory(user=user, name="Olive Other"), group=GroupFactory(), role="chair")
    return user


# The meeting page: agenda items, their decisions and attendance lines ------------------------


def test_a_member_sees_a_history_link_for_each_agenda_item_decision_and_attendance_line(
    client, member, published_meeting
):
    scene = published_meeting
    client.force_login(member)
    page = _page(client, scene["meeting"].get_absolute_url())
    for name, record in [
        ("agenda_item", scene["open_item"]),
        ("agenda_item", scene["secret_item"]),
        ("decision", scene["open_decision"]),
        ("decision", scene["secret_decision"]),
        ("attendance", scene["attendance"]),
    ]:
        assert _history_url(name, record.pk) in page
        assert _opens(client, name, record.pk)


def test_a_partner_reader_sees_no_history_link_for_a_confidential_item_or_its_decision(
    client, partner, published_meeting
):
    scene = published_meeting
    client.force_login(partner)
    page = _page(client, scene["meeting"].get_absolute_url())
    assert _history_url("agenda_item", scene["open_item"].pk) in page
    assert _history_url("decision", scene["open_decision"].pk) in page
    assert _history_url("attendance", scene["attendance"].pk) in page
    assert _history_url("agenda_item", scene["secret_item"].pk) not in page
    assert _history_url("decision", scene["secret_decision"].pk) not in page
    assert not _opens(client, "agenda_item", scene["secret_item"].pk)
    assert not _opens(client, "decision", scene["secret_decision"].pk)


def test_a_member_sees_no_history_link_for_an_item_of_a_draft_agenda_held_back_from_them(
    client, member, group
):
    meeting = MeetingFactory(group=group)
    item = AgendaItemFactory(meeting=meeting, title="Draft item")
    client.force_login(member)
    assert _history_url("agenda_item", item.pk) not in _page(client, meeting.get_absolute_url())


# The minutes page: the minutes and their decisions ------------------------------------------


@pytest.fixture
def published_minutes(published_meeting):
    return MinutesFactory(
        meeting=published_meeting["meeting"],
        status=MinutesStatus.APPROVED,
        approved_on=datetime.date(2030, 2, 1),
        published_at=timezone.now(),
    )


def _minutes_page(client, meeting):
    return _page(client, reverse("governance:minutes_detail", args=[meeting.pk]))


def test_the_chair_sees_the_minutes_history_and_each_decisions_history_on_the_minutes_page(
    client, chair, published_meeting, published_minutes
):
    client.force_login(chair)
    page = _minutes_page(client, published_meeting["meeting"])
    assert _history_url("minutes", published_minutes.pk) in page
    assert _opens(client, "minutes", published_minutes.pk)
    for decision in (published_meeting["open_decision"], published_meeting["secret_decision"]):
        assert _history_url("decision", decision.pk) in page
        assert _opens(client, "decision", decision.pk)


def test_a_partner_reader_sees_no_decision_history_link_for_a_confidential_item_on_the_minutes_page(
    client, partner, published_meeting, published_minutes
):
    client.force_login(partner)
    page = _minutes_page(client, published_meeting["meeting"])
    assert _history_url("minutes", published_minutes.pk) in page
    assert _history_url("decision", published_meeting["open_decision"].pk) in page
    assert _history_url("decision", published_meeting["secret_decision"].pk) not in page


def test_another_groups_chair_reads_published_minutes_without_links_to_decision_histories_they_may_not_open(
    client, other_chair, published_meeting, published_minutes
):
    client.force_login(other_chair)
    page = _minutes_page(client, published_meeting["meeting"])
    assert _history_url("minutes", published_minutes.pk) in page
    assert _opens(client, "minutes", published_minutes.pk)
    decision = published_meeting["open_decision"]
    assert "The budget is agreed." in page
    assert _history_url("decision", decision.pk) not in page
    assert not _opens(client, "decision", decision.pk)


def test_a_member_may_neither_read_draft_minutes_nor_open_their_history(client, member, published_meeting):
    minutes = MinutesFactory(meeting=published_meeting["meeting"], status=MinutesStatus.DRAFT)
    client.force_login(member)
    response = client.get(reverse("governance:minutes_detail", args=[published_meeting["meeting"].pk]))
    assert response.status_code == 403
    assert _history_url("minutes", minutes.pk) not in response.content.decode()
    assert not _opens(client, "minutes", minutes.pk)


# The papers page ------------------------------------------------------------------------------


def _papers_page(client, meeting):
    return _page(client, reverse("governance:meeting_papers", args=[meeting.pk]))


def test_a_member_sees_a_history_link_for_each_paper_on_the_papers_page(client, member, published_meeting):
    open_paper = PaperFactory(agenda_item=published_meeting["open_item"])
    secret_paper = PaperFactory(agenda_item=published_meeting["secret_item"])
    client.force_login(member)
    page = _papers_page(client, published_meeting["meeting"])
    for paper in (open_paper, secret_paper):
        assert _history_url("paper", paper.pk) in page
        assert _opens(client, "paper", paper.pk)


def test_a_partner_reader_sees_no_history_link_for_a_paper_under_a_confidential_item(
    client, partner, published_meeting
):
    open_paper = PaperFactory(agenda_item=published_meeting["open_item"])
    secret_paper = PaperFactory(agenda_item=published_meeting["secret_item"])
    client.force_login(partner)
    page = _papers_page(client, published_meeting["meeting"])
    assert _history_url("paper", open_paper.pk) in page
    assert _history_url("paper", secret_paper.pk) not in page
    assert not _opens(client, "paper", secret_paper.pk)


# The group page: current and past members ---------------------------------------------------


def test_the_group_page_links_each_current_and_past_membership_to_its_history(client, partner, group):
    current = MembershipFactory(group=group, person=PersonFactory(name="Cora Current"))
    past = MembershipFactory(
        group=group, person=PersonFactory(name="Pat Past"), end_date=datetime.date(2024, 6, 30)
    )
    client.force_login(partner)
    page = _page(client, group.get_absolute_url())
    for membership in (current, past):
        assert _history_url("membership", membership.pk) in page
        assert _opens(client, "membership", membership.pk)


def test_someone_with_no_role_gets_neither_the_group_page_nor_a_memberships_history(client, outsider, group):
    membership = MembershipFactory(group=group)
    client.force_login(outsider)
    response = client.get(group.get_absolute_url())
    assert response.status_code == 403
    assert _history_url("membership", membership.pk) not in response.content.decode()
    assert not _opens(client, "membership", membership.pk)


# No query per row ----------------------------------------------------------------------------


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_history_links_add_no_query_per_row(client, member, group):
    meeting = MeetingFactory(group=group, agenda_published_at=timezone.now())
    MinutesFactory(meeting=meeting, status=MinutesStatus.CIRCULATED)
    urls = [
        meeting.get_absolute_url(),
        reverse("governance:minutes_detail", args=[meeting.pk]),
        reverse("governance:meeting_papers", args=[meeting.pk]),
        group.get_absolute_url(),
    ]
    client.force_login(member)
    counts = []
    for rows in (1, 4):
        for _ in range(rows):
            item = AgendaItemFactory(meeting=meeting)
            DecisionFactory(agenda_item=item)
            PaperFactory(agenda_item=item)
            AttendanceFactory(meeting=meeting)
            MembershipFactory(group=group)
            MembershipFactory(group=group, end_date=datetime.date(2024, 6, 30))
        counts.append([_count(client, url) for url in urls])
    assert counts[0] == counts[1]
