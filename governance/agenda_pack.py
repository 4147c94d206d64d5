"""The agenda pack: one PDF with the agenda, a contents page, then each paper in agenda order.

The agenda and contents pages are rendered with WeasyPrint; the papers'
own pages are appended with pypdf. Word, Excel and PowerPoint papers cannot
be converted here, so the contents lists them as supplied separately, with
their download address. Late papers stay out unless the chair accepted them
(seed 003, item 2a); confidential items stay out for readers without access.
"""

import io
import logging
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from pypdf import PdfReader, PdfWriter

from core.pdf import render_pdf, without_active_content
from governance.models import AgendaItem, Meeting, Paper
from governance.paper_files import PDF
from governance.selectors.papers import agenda_with_papers, papers_in_pack

logger = logging.getLogger(__name__)

TEMPLATE = "governance/paper_pack.html"
# Rendering the front pages again only matters when the contents page numbers
# change the number of front pages; it settles after one or two rounds.
MAX_LAYOUT_ROUNDS = 4


@dataclass
class PackEntry:
    item: AgendaItem
    paper: Paper
    download_url: str
    reader: PdfReader | None = None
    first_page: int | None = None
    problem: str = ""

    @property
    def page_count(self) -> int:
        return len(self.reader.pages) if self.reader is not None else 0

    @property
    def in_pack(self) -> bool:
        return self.reader is not None


def _open_pdf(paper: Paper) -> tuple[PdfReader | None, str]:
    """A reader for a PDF paper, or why its pages cannot go in the pack."""
    try:
        with paper.file.open("rb") as stream:
            reader = PdfReader(io.BytesIO(stream.read()), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return None, "password-protected"
        len(reader.pages)  # parses the page tree: a damaged file fails here, not mid-merge
    except FileNotFoundError:
        logger.warning("Paper %s has no file at %s", paper.pk, paper.file.name)
        return None, "file missing"
    except Exception:  # pypdf raises many kinds on damaged files; the pack must still be made
        logger.warning("Paper %s could not be read as a PDF", paper.pk, exc_info=True)
        return None, "could not be read"
    return reader, ""


def _entries(items: list[AgendaItem], *, absolute_url) -> list[PackEntry]:
    entries = []
    for paper in papers_in_pack(items):
        entry = PackEntry(
            item=paper.agenda_item,
            paper=paper,
            download_url=absolute_url(reverse("governance:paper_download", args=[paper.pk])),
        )
        if paper.content_type == PDF.content_type:
            entry.reader, entry.problem = _open_pdf(paper)
        entries.append(entry)
    return entries


def _number_pages(entries: list[PackEntry], front_pages: int) -> None:
    page = front_pages + 1
    for entry in entries:
        if entry.in_pack:
            entry.first_page = page
            page += entry.page_count


def _render_front(context: dict, entries: list[PackEntry], request) -> bytes:
    front_pages = 2  # the agenda and the contents, each usually one page
    for _ in range(MAX_LAYOUT_ROUNDS):
        _number_pages(entries, front_pages)
        front = render_pdf(TEMPLATE, context, request=request)
        pages = len(PdfReader(io.BytesIO(front)).pages)
        if pages == front_pages:
            break
        front_pages = pages
    return front


def pack_filename(meeting: Meeting) -> str:
    return f"{slugify(meeting.group.label)}-agenda-pack-{meeting.local_date:%Y-%m-%d}.pdf"


def build_agenda_pack(*, meeting: Meeting, include_confidential: bool, request=None) -> bytes:
    items = agenda_with_papers(meeting=meeting, include_confidential=include_confidential)
    absolute_url = request.build_absolute_uri if request is not None else (lambda path: path)
    entries = _entries(items, absolute_url=absolute_url)
    context = {
        "meeting": meeting,
        "items": items,
        "entries": entries,
        "separate": [entry for entry in entries if not entry.in_pack],
        "deadline": timezone.localtime(meeting.paper_deadline),
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "generated_at": timezone.localtime(),
    }
    front = _render_front(context, entries, request)

    writer = PdfWriter()
    # The bookmarks are the pack's own, one per paper: not each paper's or WeasyPrint's headings.
    writer.append(PdfReader(io.BytesIO(front)), import_outline=False)
    writer.add_outline_item(title="Agenda and contents", page_number=0)
    for entry in entries:
        if entry.reader is not None and entry.first_page is not None:  # in the pack, numbered
            writer.append(entry.reader, import_outline=False)
            writer.add_outline_item(
                title=f"{entry.item.number}. {entry.paper.title}", page_number=entry.first_page - 1
            )
    writer.add_metadata({"/Title": f"Agenda pack: {meeting}", "/Producer": "HSCP Governance"})
    output = io.BytesIO()
    writer.write(output)
    # The papers' own JavaScript, launch actions and embedded files stay out of the pack (issue 9).
    return without_active_content(output.getvalue())
