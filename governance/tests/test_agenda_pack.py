import io
import re

import pytest
from pypdf import PdfReader

from governance.agenda_pack import build_agenda_pack, pack_filename
from governance.paper_files import EXCEL, WORD
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory
from governance.tests.factories_papers import PaperFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(group):
    return MeetingFactory(group=group)


def pack(meeting, *, include_confidential=True) -> PdfReader:
    return PdfReader(
        io.BytesIO(build_agenda_pack(meeting=meeting, include_confidential=include_confidential))
    )


def front_text(reader: PdfReader, front_pages: int = 2) -> str:
    return "\n".join(reader.pages[index].extract_text() for index in range(front_pages))


def test_the_pack_has_the_agenda_a_contents_page_and_every_papers_pages(meeting):
    first = AgendaItemFactory(meeting=meeting, position=1, title="Welcome and apologies")
    second = AgendaItemFactory(meeting=meeting, position=2, title="Neglect strategy", minutes_allowed=20)
    PaperFactory(agenda_item=second, title="Neglect strategy draft", pages=3)
    PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting, position=3), title="Scorecard Q2", pages=2)

    reader = pack(meeting)

    assert len(reader.pages) == 2 + 3 + 2
    agenda, contents = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert first.title in agenda and second.title in agenda and "20 min" in agenda
    assert "Contents" in contents
    # The contents gives each paper's first page in the pack: after the two front pages.
    assert re.search(r"^2 Neglect strategy draft( .*)? 3$", contents, re.MULTILINE)
    assert re.search(r"^3 Scorecard Q2( .*)? 6$", contents, re.MULTILINE)
    assert [item.title for item in reader.outline][1:] == ["2. Neglect strategy draft", "3. Scorecard Q2"]
    assert [reader.get_destination_page_number(item) for item in reader.outline] == [0, 2, 5]


def test_papers_follow_the_agenda_order_not_the_order_they_arrived(meeting):
    later_item = AgendaItemFactory(meeting=meeting, position=5, title="Late business")
    earlier_item = AgendaItemFactory(meeting=meeting, position=2, title="Early business")
    PaperFactory(agenda_item=later_item, title="Paper for item five", pages=1)
    PaperFactory(agenda_item=earlier_item, title="Paper for item two", pages=1)
    titles = [item.title for item in pack(meeting).outline]
    assert titles == ["Agenda and contents", "2. Paper for item two", "5. Paper for item five"]


def test_a_late_paper_is_held_out_of_the_pack_until_the_chair_accepts_it(meeting, chair):
    item = AgendaItemFactory(meeting=meeting)
    PaperFactory(agenda_item=item, title="On time paper", pages=1)
    late = PaperFactory(agenda_item=item, title="Late paper", pages=4, is_late=True)

    held_back = pack(meeting)
    assert len(held_back.pages) == 2 + 1
    assert "Late paper" not in front_text(held_back)

    from governance.services.papers import paper_accept_late

    paper_accept_late(paper=late, reason="Needed for the decision", accepted_by=chair)
    accepted = pack(meeting)
    assert len(accepted.pages) == 2 + 1 + 4
    assert "Late paper" in front_text(accepted)


def test_confidential_items_papers_are_left_out_for_readers_without_access(meeting):
    open_item = AgendaItemFactory(meeting=meeting, position=1, title="Budget")
    secret = AgendaItemFactory(meeting=meeting, position=2, title="Case of child J", confidential=True)
    sub_item = AgendaItemFactory(meeting=meeting, parent=secret, position=1, title="Chronology")
    PaperFactory(agenda_item=open_item, title="Budget paper", pages=1)
    PaperFactory(agenda_item=secret, title="Child J briefing", pages=2)
    PaperFactory(agenda_item=sub_item, title="Child J chronology", pages=2)

    for_partner = pack(meeting, include_confidential=False)
    assert len(for_partner.pages) == 2 + 1
    text = front_text(for_partner)
    assert "Child J" not in text and "Chronology" not in text

    for_member = pack(meeting, include_confidential=True)
    assert len(for_member.pages) == 2 + 1 + 2 + 2


def test_office_papers_are_listed_as_supplied_separately_with_their_link(meeting):
    item = AgendaItemFactory(meeting=meeting)
    word = PaperFactory(
        agenda_item=item, title="Terms of reference", original_name="tor.docx", content_type=WORD.content_type
    )
    PaperFactory(
        agenda_item=item, title="Budget sheet", original_name="budget.xlsx", content_type=EXCEL.content_type
    )
    reader = pack(meeting)
    contents = reader.pages[1].extract_text()
    assert len(reader.pages) == 2
    assert "Terms of reference" in contents and "Supplied separately" in contents
    assert f"/papers/{word.pk}/download/" in contents.replace("\n", "")


def test_a_damaged_pdf_is_supplied_separately_instead_of_breaking_the_pack(meeting):
    from django.core.files.base import ContentFile

    item = AgendaItemFactory(meeting=meeting)
    PaperFactory(agenda_item=item, title="Broken", file=ContentFile(b"%PDF-1.7 garbage", name="x.pdf"))
    PaperFactory(agenda_item=item, title="Good", pages=1)
    reader = pack(meeting)
    assert len(reader.pages) == 2 + 1
    assert "could not be read" in reader.pages[1].extract_text()


def test_a_long_agenda_pushes_the_papers_page_numbers_on(meeting):
    for position in range(1, 61):
        AgendaItemFactory(meeting=meeting, position=position, title=f"Item about topic {position}")
    paper = PaperFactory(agenda_item=meeting.agenda_items.get(position=60), title="Last paper", pages=1)
    reader = pack(meeting)
    front_pages = len(reader.pages) - 1
    assert front_pages > 2
    assert reader.get_destination_page_number(reader.outline[-1]) == front_pages
    assert reader.outline[-1].title == f"60. {paper.title}"


def test_the_pack_is_named_for_the_group_and_the_day(meeting):
    assert pack_filename(meeting) == f"edu-agenda-pack-{meeting.local_date:%Y-%m-%d}.pdf"
