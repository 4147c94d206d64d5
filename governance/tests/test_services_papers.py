import datetime
import os

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from governance.models import GroupKind, MeetingStatus, Paper
from governance.paper_files import NOT_A_DOCUMENT, WORD
from governance.services.papers import (
    paper_accept_late,
    paper_escalate_late,
    paper_replace,
    paper_submit,
    paper_withdraw,
)
from governance.tests.factories import (
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    council,
    icb,
    police,
)
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory
from governance.tests.factories_papers import PNG_BYTES, PaperFactory, ooxml_bytes, pdf_bytes, upload
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def item(group):
    return AgendaItemFactory(meeting=MeetingFactory(group=group), title="Section 11 audit")


@pytest.fixture
def board():
    return GroupFactory(name="Safeguarding Partners Board", kind=GroupKind.BOARD)


@pytest.fixture
def police_board_member(board):
    person = PersonFactory(name="Sue Thomas", agency=police(), email="sue.thomas@police.example.org")
    MembershipFactory(person=person, group=board, role="member")
    return person


def submit(item, *, name="paper.pdf", content=None, author=None, user=None, now=None):
    user = user or UserFactory()
    return paper_submit(
        agenda_item=item,
        uploaded_file=upload(name, pdf_bytes() if content is None else content),
        title="  Section 11 findings  ",
        author=author,
        submitted_by=user,
        now=now,
    )


def before_deadline(item, **delta):
    return item.meeting.paper_deadline - datetime.timedelta(**(delta or {"days": 1}))


def after_deadline(item, **delta):
    return item.meeting.paper_deadline + datetime.timedelta(**(delta or {"days": 2}))


def test_a_paper_on_time_is_stored_with_what_was_submitted(item, member):
    paper = submit(item, name="S11 findings.pdf", user=member, now=before_deadline(item))
    paper.refresh_from_db()
    assert paper.title == "Section 11 findings"
    assert paper.original_name == "S11 findings.pdf"
    assert paper.content_type == "application/pdf"
    assert paper.size == len(pdf_bytes())
    assert paper.submitted_by == member
    assert paper.submitted_at == before_deadline(item)
    assert paper.is_late is False
    assert paper.in_pack
    assert paper.file.read().startswith(b"%PDF-")


def test_the_content_type_comes_from_the_content_not_the_browser(item):
    paper = paper_submit(
        agenda_item=item,
        uploaded_file=upload("report.docx", ooxml_bytes("word"), content_type="application/pdf"),
        title="Report",
        author=None,
        submitted_by=UserFactory(),
        now=before_deadline(item),
    )
    assert paper.content_type == WORD.content_type


def test_a_pdf_that_is_really_a_png_is_refused(item):
    with pytest.raises(ValidationError) as error:
        submit(item, name="photo.pdf", content=PNG_BYTES)
    assert error.value.message_dict == {"file": [NOT_A_DOCUMENT]}
    assert not Paper.objects.exists()


def test_a_docx_that_is_a_real_office_zip_is_accepted(item):
    paper = submit(item, name="report.docx", content=ooxml_bytes("word"), now=before_deadline(item))
    assert paper.content_type == WORD.content_type


def test_a_file_over_the_size_limit_is_refused_with_both_sizes(item, settings):
    settings.PAPER_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError) as error:
        submit(item, content=b"%PDF-" + b"0" * (2 * 1024 * 1024 - 5))
    assert error.value.message_dict == {"file": ["The file is 2 MB; the limit is 1 MB."]}


def test_a_cancelled_meeting_takes_no_papers(group):
    item = AgendaItemFactory(meeting=MeetingFactory(group=group, status=MeetingStatus.CANCELLED))
    with pytest.raises(ValidationError, match="cancelled"):
        submit(item)


def test_a_paper_exactly_on_the_deadline_is_on_time(item):
    with time_machine.travel(item.meeting.paper_deadline, tick=False):
        paper = submit(item)
    assert paper.is_late is False


def test_a_paper_one_minute_after_the_deadline_is_late(item):
    with time_machine.travel(item.meeting.paper_deadline + datetime.timedelta(minutes=1), tick=False):
        paper = submit(item)
    assert paper.is_late is True
    assert not paper.in_pack


def test_a_late_paper_from_police_staff_notifies_the_police_board_member(
    item, police_board_member, board, django_capture_on_commit_callbacks
):
    officer = PersonFactory(name="Dan Officer", agency=police())
    # Neither another partner's board member nor the police's deputy on the board is told.
    MembershipFactory(person=PersonFactory(agency=council()), group=board, role="chair")
    MembershipFactory(
        person=PersonFactory(agency=police()), group=board, role="deputy", deputy_for=police_board_member
    )
    with django_capture_on_commit_callbacks(execute=True):
        paper = submit(item, author=officer, now=after_deadline(item))
    notification = Notification.objects.get()
    assert notification.recipient == police_board_member
    assert notification.kind == "late_paper"
    assert "Shire Police" in notification.subject
    assert "Section 11 findings" in notification.body
    assert notification.url == f"/meetings/{item.meeting.pk}/papers/"
    assert paper.is_late
    assert [message.to for message in mail.outbox] == [["sue.thomas@police.example.org"]]


def test_a_late_paper_from_a_relevant_agency_notifies_no_one(item, police_board_member, board):
    school = PersonFactory()  # a relevant agency, not a statutory partner
    MembershipFactory(person=PersonFactory(agency=school.agency), group=board, role="member")
    submit(item, author=school, now=after_deadline(item))
    assert not Notification.objects.exists()


def test_an_on_time_paper_from_police_staff_notifies_no_one(item, police_board_member):
    submit(item, author=PersonFactory(agency=police()), now=before_deadline(item))
    assert not Notification.objects.exists()


def test_a_former_board_member_is_not_told(item, board):
    former = PersonFactory(agency=icb())
    MembershipFactory(
        person=former, group=board, start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2021, 1, 1)
    )
    submit(item, author=PersonFactory(agency=icb()), now=after_deadline(item))
    assert not Notification.objects.exists()


def test_the_chair_accepts_a_late_paper_with_a_reason(item, chair):
    paper = submit(item, now=after_deadline(item))
    paper_accept_late(paper=paper, reason="  Needed for the decision at item 4  ", accepted_by=chair)
    paper.refresh_from_db()
    assert paper.late_accepted_by == chair
    assert paper.late_accepted_reason == "Needed for the decision at item 4"
    assert paper.late_accepted_at is not None
    assert paper.in_pack


def test_accepting_a_late_paper_needs_a_reason(item, secretariat):
    paper = submit(item, now=after_deadline(item))
    with pytest.raises(ValidationError) as error:
        paper_accept_late(paper=paper, reason="   ", accepted_by=secretariat)
    assert "reason" in error.value.message_dict
    paper.refresh_from_db()
    assert not paper.in_pack


def test_a_member_cannot_accept_a_late_paper(item, member):
    paper = submit(item, now=after_deadline(item))
    with pytest.raises(ValidationError, match="Only the chair"):
        paper_accept_late(paper=paper, reason="Important", accepted_by=member)


def test_an_on_time_paper_has_nothing_to_accept(item, chair):
    paper = submit(item, now=before_deadline(item))
    with pytest.raises(ValidationError, match="on time"):
        paper_accept_late(paper=paper, reason="Important", accepted_by=chair)


def test_a_replacement_after_the_deadline_makes_the_paper_late_again(item, chair, member, settings):
    paper = submit(item, user=member, now=after_deadline(item))
    paper_accept_late(paper=paper, reason="Agreed by the chair", accepted_by=chair)
    old_name = paper.file.name
    paper_replace(
        paper=paper,
        uploaded_file=upload("v2.pdf", pdf_bytes(2)),
        submitted_by=member,
        now=after_deadline(item, days=3),
    )
    paper.refresh_from_db()
    assert paper.original_name == "v2.pdf"
    assert paper.file.name != old_name
    assert paper.is_late and paper.late_accepted_at is None and not paper.in_pack


def test_a_replacement_removes_the_old_file_after_the_commit(item, django_capture_on_commit_callbacks):
    paper = submit(item, now=before_deadline(item))
    old = paper.file.path
    with django_capture_on_commit_callbacks(execute=True):
        paper_replace(
            paper=paper, uploaded_file=upload("v2.pdf", pdf_bytes()), submitted_by=paper.submitted_by
        )
    assert not os.path.exists(old)


def test_withdrawing_a_paper_deletes_it_and_its_file(item, django_capture_on_commit_callbacks):
    paper = submit(item, now=before_deadline(item))
    path = paper.file.path
    with django_capture_on_commit_callbacks(execute=True):
        paper_withdraw(paper=paper)
    assert not Paper.objects.exists()
    assert not os.path.exists(path)


def test_papers_of_a_held_meeting_cannot_be_withdrawn(group):
    paper = PaperFactory(agenda_item=AgendaItemFactory(meeting=MeetingFactory(group=group, status="held")))
    with pytest.raises(ValidationError, match="held"):
        paper_withdraw(paper=paper)


def test_escalating_a_late_paper_again_sends_no_second_notice(
    item, police_board_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        paper = submit(item, author=PersonFactory(agency=police()), now=after_deadline(item))
        paper_escalate_late(paper=paper)
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_meeting_moved_earlier_makes_a_police_paper_late_and_tells_the_board_member(
    item, police_board_member, django_capture_on_commit_callbacks
):
    from governance.services.meetings import meeting_reschedule

    meeting = item.meeting
    paper = submit(item, author=PersonFactory(agency=police()), now=before_deadline(item, hours=1))
    assert not paper.is_late
    with django_capture_on_commit_callbacks(execute=True):
        meeting_reschedule(
            meeting=meeting,
            starts_at=meeting.starts_at - datetime.timedelta(days=2),
            ends_at=meeting.ends_at - datetime.timedelta(days=2),
            non_working_day_confirmed=True,  # a Saturday, confirmed
        )
    paper.refresh_from_db()
    assert paper.is_late
    assert list(Notification.objects.filter(kind="late_paper").values_list("recipient", flat=True)) == [
        police_board_member.pk
    ]


def test_a_meeting_moved_later_makes_a_late_paper_on_time_and_tells_no_one(item, police_board_member):
    from governance.services.meetings import meeting_reschedule

    meeting = item.meeting
    paper = submit(item, author=PersonFactory(agency=council()), now=after_deadline(item, hours=1))
    meeting_reschedule(
        meeting=meeting,
        starts_at=meeting.starts_at + datetime.timedelta(days=2),
        ends_at=meeting.ends_at + datetime.timedelta(days=2),
    )
    paper.refresh_from_db()
    assert not paper.is_late
    assert not Notification.objects.filter(kind="late_paper").exists()
