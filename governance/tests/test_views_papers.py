"""Papers pages: who may see, upload, accept, change and download; and what each shows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Paper
from governance.tests.factories import MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory
from governance.tests.factories_papers import PNG_BYTES, PaperFactory, ooxml_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db

ALL_USERS = ["admin_user", "secretariat", "chair", "member", "partner", "outsider"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(group):
    return MeetingFactory(group=group, agenda_published_at=timezone.now())


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting, position=1, title="Section 11 audit")


@pytest.fixture
def paper(item):
    return PaperFactory(agenda_item=item, title="Section 11 findings", original_name="S11 findings.pdf")


@pytest.fixture
def late_paper(item):
    return PaperFactory(agenda_item=item, title="Late scorecard", is_late=True)


def login(client, request, name):
    user = request.getfixturevalue(name)
    client.force_login(user)
    return user


def expect(client, request, url, allowed, *, method="get", data=None):
    for name in ALL_USERS:
        login(client, request, name)
        response = getattr(client, method)(url, data or {})
        expected = (200, 302) if name in allowed else (403,)
        assert response.status_code in expected, f"{name} got {response.status_code} for {url}"


# Permissions ----------------------------------------------------------------------------


def test_everyone_who_sees_the_meeting_sees_its_papers_page(client, request, meeting):
    url = reverse("governance:meeting_papers", args=[meeting.pk])
    expect(client, request, url, ["admin_user", "secretariat", "chair", "member", "partner"])


def test_members_chairs_and_the_secretariat_may_upload_but_partner_readers_may_not(client, request, item):
    url = reverse("governance:paper_upload", args=[item.meeting_id, item.pk])
    expect(client, request, url, ["admin_user", "secretariat", "chair", "member"])


def test_only_the_chair_and_the_secretariat_may_accept_a_late_paper(client, request, late_paper):
    url = reverse("governance:paper_accept_late", args=[late_paper.pk])
    expect(client, request, url, ["admin_user", "secretariat", "chair"])


def test_papers_in_the_pack_download_for_everyone_who_sees_the_meeting(client, request, paper):
    url = reverse("governance:paper_download", args=[paper.pk])
    expect(client, request, url, ["admin_user", "secretariat", "chair", "member", "partner"])


def test_a_held_back_late_paper_downloads_only_for_those_deciding_on_it_and_its_submitter(
    client, request, late_paper
):
    url = reverse("governance:paper_download", args=[late_paper.pk])
    expect(client, request, url, ["admin_user", "secretariat", "chair"])
    client.force_login(late_paper.submitted_by)
    # A submitter who has left the group no longer sees the meeting; one who sits on it gets the paper.
    assert client.get(url).status_code == 403
    MembershipFactory(
        person=PersonFactory(user=late_paper.submitted_by), group=late_paper.agenda_item.meeting.group
    )
    client.force_login(late_paper.submitted_by)
    assert client.get(url).status_code == 200


def test_the_agenda_pack_downloads_for_everyone_who_sees_the_meeting(client, request, paper):
    url = reverse("governance:agenda_pack", args=[paper.agenda_item.meeting_id])
    expect(client, request, url, ["admin_user", "secretariat", "chair", "member", "partner"])


def test_before_the_agenda_is_published_only_those_running_the_meeting_get_the_pack(client, request, group):
    meeting = MeetingFactory(group=group, agenda_published_at=None)
    url = reverse("governance:agenda_pack", args=[meeting.pk])
    login(client, request, "member")
    assert client.get(url).status_code == 404
    login(client, request, "chair")
    assert client.get(url).status_code == 200


def test_a_confidential_items_paper_is_not_found_for_a_partner_reader(client, request, meeting):
    secret = AgendaItemFactory(meeting=meeting, confidential=True)
    paper = PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting, parent=secret, position=1))
    login(client, request, "partner")
    assert client.get(reverse("governance:paper_download", args=[paper.pk])).status_code == 404
    login(client, request, "member")
    assert client.get(reverse("governance:paper_download", args=[paper.pk])).status_code == 200


def test_state_changes_need_a_post(client, request, paper):
    login(client, request, "secretariat")
    assert client.get(reverse("governance:paper_withdraw", args=[paper.pk])).status_code == 405


def test_a_member_may_withdraw_their_own_paper_but_not_another_members(client, request, item, member):
    own = PaperFactory(agenda_item=item, submitted_by=member)
    someone_elses = PaperFactory(agenda_item=item)
    client.force_login(member)
    assert client.post(reverse("governance:paper_withdraw", args=[someone_elses.pk])).status_code == 403
    assert client.post(reverse("governance:paper_withdraw", args=[own.pk])).status_code == 302
    assert list(Paper.objects.all()) == [someone_elses]


def test_nobody_logged_out_gets_a_paper(client, paper):
    response = client.get(reverse("governance:paper_download", args=[paper.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# Upload ---------------------------------------------------------------------------------


def test_a_member_uploads_a_paper_for_an_item(client, item, member):
    client.force_login(member)
    # A colleague of the member's agency: not anyone (issue 9 point 4).
    author = PersonFactory(name="Ellen Footman", agency=member.person.agency)
    response = client.post(
        reverse("governance:paper_upload", args=[item.meeting_id, item.pk]),
        {
            "title": "Neglect strategy",
            "author": author.pk,
            "file": upload("neglect.docx", ooxml_bytes("word")),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:meeting_papers", args=[item.meeting_id])
    paper = Paper.objects.get()
    assert (paper.title, paper.author, paper.submitted_by, paper.original_name) == (
        "Neglect strategy",
        author,
        member,
        "neglect.docx",
    )


def test_an_impostor_file_is_refused_and_the_form_keeps_what_was_typed(client, item, member):
    client.force_login(member)
    response = client.post(
        reverse("governance:paper_upload", args=[item.meeting_id, item.pk]),
        {"title": "My careful title", "author": member.person.pk, "file": upload("scan.pdf", PNG_BYTES)},
    )
    assert response.status_code == 200
    assert "This file is not a PDF, Word, Excel or PowerPoint document" in response.content.decode()
    assert 'value="My careful title"' in response.content.decode()
    assert not Paper.objects.exists()


def test_uploading_after_the_deadline_warns_that_the_paper_is_late(client, group, member):
    meeting = MeetingFactory(group=group, starts_at=timezone.now() + datetime.timedelta(days=2))
    # The presenter: before publication the draft agenda is theirs, the chair's and the
    # secretariat's (issue 9 point 5).
    item = AgendaItemFactory(meeting=meeting, presenter=member.person)
    client.force_login(member)
    url = reverse("governance:paper_upload", args=[meeting.pk, item.pk])
    assert "late paper" in client.get(url).content.decode()
    response = client.post(
        url,
        {"title": "Report", "author": member.person.pk, "file": upload("r.pdf", pdf_bytes())},
        follow=True,
    )
    assert "LATE — held back" in response.content.decode()
    assert Paper.objects.get().is_late


def test_the_upload_form_offers_the_users_own_person_as_author(client, item, member):
    client.force_login(member)
    response = client.get(reverse("governance:paper_upload", args=[item.meeting_id, item.pk]))
    assert response.context["form"].initial["author"] == member.person


# Accepting, downloading ----------------------------------------------------------------------


def test_the_chair_accepts_a_late_paper_with_a_reason(client, chair, late_paper):
    client.force_login(chair)
    url = reverse("governance:paper_accept_late", args=[late_paper.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    response = client.post(url, {"reason": "Needed for the budget decision"}, follow=True)
    late_paper.refresh_from_db()
    assert late_paper.in_pack and late_paper.late_accepted_by == chair
    assert "Late — accepted" in response.content.decode()
    assert "Needed for the budget decision" in response.content.decode()


def test_a_paper_downloads_as_an_attachment_under_its_original_name(client, member, paper):
    client.force_login(member)
    response = client.get(reverse("governance:paper_download", args=[paper.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="S11 findings.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_agenda_pack_is_a_pdf_attachment(client, member, paper):
    client.force_login(member)
    response = client.get(reverse("governance:agenda_pack", args=[paper.agenda_item.meeting_id]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="edu-agenda-pack-')
    assert response.content.startswith(b"%PDF-")


# The papers page ------------------------------------------------------------------------


def test_the_papers_page_shows_each_papers_standing_and_items_without_papers(client, chair, meeting, item):
    PaperFactory(agenda_item=item, title="On time report")
    PaperFactory(agenda_item=item, title="Held back report", is_late=True)
    PaperFactory(
        agenda_item=item,
        title="Accepted report",
        is_late=True,
        late_accepted_at=timezone.now(),
        late_accepted_reason="Chair agreed: new figures",
    )
    AgendaItemFactory(meeting=meeting, position=2, title="Neglect strategy")
    AgendaItemFactory(meeting=meeting, position=3, title="Any other business", standing_item="aob")
    client.force_login(chair)
    page = client.get(reverse("governance:meeting_papers", args=[meeting.pk])).content.decode()
    assert "On time" in page
    assert "LATE — held back" in page
    assert "Late — accepted" in page and "Chair agreed: new figures" in page
    assert "Awaiting a paper" in page  # Neglect strategy has none yet
    assert page.count("No paper needed") == 1  # any other business needs none
    assert "Accept late" in page


def test_a_partner_reader_sees_no_upload_links_and_no_confidential_items(client, partner, meeting, item):
    AgendaItemFactory(meeting=meeting, position=2, title="Case of child J", confidential=True)
    client.force_login(partner)
    page = client.get(reverse("governance:meeting_papers", args=[meeting.pk])).content.decode()
    assert "Section 11 audit" in page
    assert "Case of child J" not in page
    assert "Upload a paper" not in page


def _fill(meeting, items):
    for position in range(1, items + 1):
        item = AgendaItemFactory(meeting=meeting, position=position)
        PaperFactory(agenda_item=item, author=PersonFactory(), late_accepted_by=UserFactory())
        PaperFactory(agenda_item=item, is_late=True)


@pytest.mark.parametrize("items", [2, 12])
def test_the_papers_page_runs_a_fixed_number_of_queries(
    client, member, meeting, items, django_assert_max_num_queries
):
    _fill(meeting, items)
    client.force_login(member)
    url = reverse("governance:meeting_papers", args=[meeting.pk])
    # Session, user, meeting, the user's roles (2), items, papers; the base page's bell and person.
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("LATE — held back") == items


def test_the_meeting_page_lists_each_items_papers_with_late_markers(
    client, member, meeting, item, paper, late_paper
):
    client.force_login(member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Section 11 findings" in page
    assert reverse("governance:paper_download", args=[paper.pk]) in page
    assert "LATE — held back" in page
    assert reverse("governance:paper_download", args=[late_paper.pk]) not in page
    assert reverse("governance:paper_upload", args=[meeting.pk, item.pk]) in page
