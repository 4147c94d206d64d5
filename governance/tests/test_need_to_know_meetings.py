"""Issue 9, points 3 to 6: ratification lists, late-paper notices and authors, draft agendas and
their papers, calendar feeds of deactivated accounts."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from governance import notifications
from governance.models import Paper, StandingItem
from governance.selectors.calendars import active_feed
from governance.services.calendars import calendar_feed_create
from governance.tests.factories import AgencyFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_minutes import AgendaItemFactory, DecisionFactory, MeetingFactory, at
from governance.tests.factories_papers import PaperFactory, pdf_bytes, upload

# Point 3: decisions for ratification ---------------------------------------------------------


@pytest.fixture
def ratification(group):
    earlier = MeetingFactory(group=group, starts_at=at(2024, 3, 1))
    secret = AgendaItemFactory(meeting=earlier, title="Rapid review: Child S", confidential=True)
    DecisionFactory(
        agenda_item=secret, text="Referred the case of Child S", taken_quorate=False, needs_ratification=True
    )
    plain = AgendaItemFactory(meeting=earlier, title="Budget")
    DecisionFactory(
        agenda_item=plain, text="Agreed the training budget", taken_quorate=False, needs_ratification=True
    )
    later = MeetingFactory(group=group, starts_at=at(2024, 6, 1), agenda_published_at=at(2024, 5, 20))
    AgendaItemFactory(
        meeting=later, title="Decisions for ratification", standing_item=StandingItem.RATIFICATION
    )
    return later


def test_decisions_for_ratification_leave_out_a_confidential_items_decision_for_a_partner_reader(
    client, partner, ratification
):
    client.force_login(partner)
    page = client.get(ratification.get_absolute_url()).content.decode()
    assert "Agreed the training budget" in page
    assert "Child S" not in page


def test_decisions_for_ratification_list_a_confidential_items_decision_to_the_groups_members(
    client, member, ratification
):
    client.force_login(member)
    assert "Referred the case of Child S" in client.get(ratification.get_absolute_url()).content.decode()


# Point 4: late-paper notices and the paper's author ------------------------------------------


def test_the_late_paper_notice_of_a_confidential_item_names_neither_the_item_nor_the_paper(group):
    meeting = MeetingFactory(group=group, starts_at=at(2024, 6, 12))
    item = AgendaItemFactory(meeting=meeting, title="Rapid review: Child T", confidential=True)
    paper = PaperFactory(
        agenda_item=item, title="Chronology of Child T", author=PersonFactory(), is_late=True
    )
    message = notifications.late_paper(paper=paper, recipients=[], url="/", occasion="")
    body = render_to_string("governance/notifications/late_paper_body.txt", message.context)
    assert "Child T" not in body
    assert "A confidential paper for Education Group on 12 Jun 2024" in body


def test_the_late_paper_notice_of_an_open_item_still_names_the_paper(group):
    item = AgendaItemFactory(meeting=MeetingFactory(group=group), title="Budget")
    paper = PaperFactory(agenda_item=item, title="Budget 2024/25", author=PersonFactory())
    message = notifications.late_paper(paper=paper, recipients=[], url="/", occasion="")
    assert "Budget 2024/25" in render_to_string(
        "governance/notifications/late_paper_body.txt", message.context
    )


@pytest.fixture
def published_item(group):
    meeting = MeetingFactory(
        group=group,
        starts_at=timezone.now() + datetime.timedelta(days=30),
        status="scheduled",
        agenda_published_at=timezone.now(),
    )
    return AgendaItemFactory(meeting=meeting, title="Budget")


def _upload(client, item, author):
    return client.post(
        reverse("governance:paper_upload", args=[item.meeting.pk, item.pk]),
        {"title": "Budget paper", "author": author.pk, "file": upload("budget.pdf", pdf_bytes())},
    )


def test_a_member_cannot_name_a_person_of_another_agency_as_a_papers_author(client, member, published_item):
    stranger = PersonFactory(agency=AgencyFactory(name="Another agency"))
    client.force_login(member)
    response = _upload(client, published_item, stranger)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "Budget paper" in response.content.decode()  # what was typed is kept
    assert not Paper.objects.exists()


def test_a_member_may_name_themselves_or_a_colleague_of_their_agency(client, member, published_item):
    colleague = PersonFactory(agency=member.person.agency)
    client.force_login(member)
    assert _upload(client, published_item, colleague).status_code == 302
    assert Paper.objects.get().author == colleague


def test_the_secretariat_may_name_anyone_as_a_papers_author(client, secretariat, published_item):
    stranger = PersonFactory(agency=AgencyFactory(name="Another agency"))
    client.force_login(secretariat)
    assert _upload(client, published_item, stranger).status_code == 302
    assert Paper.objects.get().author == stranger


# Point 5: draft agendas and their papers -----------------------------------------------------


@pytest.fixture
def draft(group):
    meeting = MeetingFactory(
        group=group, starts_at=timezone.now() + datetime.timedelta(days=30), status="scheduled"
    )
    presenter_user = UserFactory(username="presenter")
    presenter = PersonFactory(user=presenter_user, name="Pat Presenter")
    MembershipFactory(person=presenter, group=group)
    item = AgendaItemFactory(meeting=meeting, title="Draft: neglect strategy", presenter=presenter)
    paper = PaperFactory(agenda_item=item, title="Neglect strategy v1")
    return {"meeting": meeting, "paper": paper, "presenter": presenter_user}


@pytest.mark.parametrize("who", ["member", "partner"])
def test_a_draft_agenda_and_its_papers_are_held_back_from_its_readership(client, request, draft, who):
    client.force_login(request.getfixturevalue(who))
    meeting, paper = draft["meeting"], draft["paper"]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "neglect strategy" not in page and "The agenda is not published yet" in page
    papers = client.get(reverse("governance:meeting_papers", args=[meeting.pk])).content.decode()
    assert "Neglect strategy v1" not in papers
    assert client.get(reverse("governance:paper_download", args=[paper.pk])).status_code == 404


@pytest.mark.parametrize("who", ["chair", "secretariat", "presenter"])
def test_a_draft_agenda_and_its_papers_are_seen_by_the_chair_the_secretariat_and_the_presenters(
    client, request, draft, who
):
    user = draft["presenter"] if who == "presenter" else request.getfixturevalue(who)
    client.force_login(user)
    assert "neglect strategy" in client.get(draft["meeting"].get_absolute_url()).content.decode()
    assert client.get(reverse("governance:paper_download", args=[draft["paper"].pk])).status_code == 200


def test_a_published_agendas_papers_reach_its_readership(client, member, draft):
    meeting = draft["meeting"]
    meeting.agenda_published_at = timezone.now()
    meeting.save()
    client.force_login(member)
    assert client.get(reverse("governance:paper_download", args=[draft["paper"].pk])).status_code == 200


# Point 6: calendar feeds die with the account ------------------------------------------------


def test_the_calendar_feed_of_a_deactivated_account_is_not_found(client, member):
    feed = calendar_feed_create(person=member.person)
    url = reverse("governance:calendar_feed", args=[feed.token])
    assert client.get(url).status_code == 200
    member.is_active = False
    member.save()
    assert client.get(url).status_code == 404


def test_the_calendar_feed_of_a_person_without_an_account_still_works(db):
    person = PersonFactory()
    feed = calendar_feed_create(person=person)
    assert active_feed(feed.token) == feed
