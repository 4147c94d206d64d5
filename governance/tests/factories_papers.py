"""Factories and sample files for papers: real PDFs, real Office zips, and impostors."""

import datetime
import io
import zipfile

import factory
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from governance.models import CalendarFeedToken, Paper
from governance.paper_files import PDF
from governance.tests.factories import UserFactory
from governance.tests.factories_meetings import AgendaItemFactory

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def ooxml_bytes(folder: str = "word", *, content_types: bool = True) -> bytes:
    """A minimal Office Open XML zip: [Content_Types].xml plus a part under word/, xl/ or ppt/."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        if content_types:
            archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        main_part = {"word": "document", "xl": "workbook", "ppt": "presentation"}.get(folder, "main")
        archive.writestr(f"{folder}/{main_part}.xml", "<x/>")
    return output.getvalue()


def ole2_bytes(stream_name: str = "WordDocument") -> bytes:
    """The signature of a compound file and a directory entry naming its main stream."""
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + stream_name.encode("utf-16-le") + b"\x00" * 64


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


class PaperFactory(factory.django.DjangoModelFactory):
    """A one-page PDF paper submitted on time; pass `pages` for a longer one."""

    class Meta:
        model = Paper
        skip_postgeneration_save = True

    class Params:
        pages = 1

    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Paper {n}")
    file = factory.LazyAttribute(lambda p: ContentFile(pdf_bytes(p.pages), name="paper.pdf"))
    original_name = factory.Sequence(lambda n: f"paper-{n}.pdf")
    content_type = PDF.content_type
    size = factory.LazyAttribute(lambda p: p.file.size)
    submitted_by = factory.SubFactory(UserFactory)
    submitted_at = factory.LazyAttribute(
        lambda p: p.agenda_item.meeting.paper_deadline - datetime.timedelta(days=1)
    )
    is_late = False


class CalendarFeedTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeedToken
