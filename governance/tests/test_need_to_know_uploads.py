"""Issue 9, point 9: active content is removed from PDF papers (the agenda pack and each
download); Word, Excel and PowerPoint files with macros are refused."""

import datetime
import io
import zipfile

import pikepdf
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from core.pdf import without_active_content
from governance.paper_files import HAS_MACROS, PaperFileError, check_paper_file
from governance.tests.factories_minutes import AgendaItemFactory, MeetingFactory
from governance.tests.factories_papers import PaperFactory, ole2_bytes, pdf_bytes


def hostile_pdf() -> bytes:
    """A one-page PDF that runs JavaScript when opened, launches a program from a link and
    carries an embedded file."""
    document = pikepdf.open(io.BytesIO(pdf_bytes()))
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('owned')"))
    document.Root.OpenAction = document.make_indirect(script)
    launch = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[0, 0, 100, 100],
        A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe")),
    )
    document.pages[0].obj.Annots = pikepdf.Array([document.make_indirect(launch)])
    embedded = pikepdf.AttachedFileSpec(document, b"MZ payload", filename="payload.exe")
    document.attachments["payload.exe"] = embedded
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def active_content(pdf: bytes) -> list[str]:
    """What of the hostile PDF's active content a file still holds."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        if "/OpenAction" in document.Root:
            found.append("open action")
        if document.attachments:
            found.append("embedded file")
        for page in document.pages:
            for annotation in page.obj.get("/Annots", []):
                action = annotation.get("/A")
                if action is not None and action.get("/S") in ("/Launch", "/JavaScript"):
                    found.append("launch action")
    return found


def test_the_hostile_pdf_of_these_tests_carries_active_content():
    assert active_content(hostile_pdf()) == ["open action", "embedded file", "launch action"]


def test_active_content_is_removed_and_the_pages_kept():
    cleaned = without_active_content(hostile_pdf())
    assert active_content(cleaned) == []
    with pikepdf.open(io.BytesIO(cleaned)) as document:
        assert len(document.pages) == 1


@pytest.fixture
def hostile_paper(group):
    meeting = MeetingFactory(
        group=group,
        starts_at=timezone.now() + datetime.timedelta(days=10),
        status="scheduled",
        agenda_published_at=timezone.now(),
    )
    item = AgendaItemFactory(meeting=meeting, title="Budget")
    return PaperFactory(agenda_item=item, file=ContentFile(hostile_pdf(), name="budget.pdf"))


def test_the_agenda_pack_carries_no_active_content_of_its_papers(client, member, hostile_paper):
    client.force_login(member)
    response = client.get(reverse("governance:agenda_pack", args=[hostile_paper.agenda_item.meeting_id]))
    assert response.status_code == 200
    assert active_content(response.content) == []


def test_a_pdf_paper_downloads_without_its_active_content(client, member, hostile_paper):
    client.force_login(member)
    response = client.get(reverse("governance:paper_download", args=[hostile_paper.pk]))
    assert response.status_code == 200
    assert active_content(b"".join(response.streaming_content)) == []


def ooxml_with(folder: str, *, part: str = "", content_type: str = "") -> bytes:
    output = io.BytesIO()
    main = {"word": "document", "xl": "workbook", "ppt": "presentation"}[folder]
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", f'<?xml version="1.0"?><Types>{content_type}</Types>')
        archive.writestr(f"{folder}/{main}.xml", "<x/>")
        if part:
            archive.writestr(f"{folder}/{part}", b"\x00macro")
    return output.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.docx", ooxml_with("word", part="vbaProject.bin")),
        ("figures.xlsx", ooxml_with("xl", part="vbaProject.bin")),
        ("slides.pptx", ooxml_with("ppt", part="vbaProject.bin")),
        (
            "report.docx",
            ooxml_with(
                "word",
                content_type='<Override ContentType="application/vnd.ms-word.document.macroEnabled'
                '.main+xml"/>',
            ),
        ),
        ("report.doc", ole2_bytes("WordDocument") + "_VBA_PROJECT".encode("utf-16-le")),
    ],
)
def test_office_files_with_macros_are_refused(name, content):
    with pytest.raises(PaperFileError, match="contains macros"):
        check_paper_file(name=name, stream=io.BytesIO(content), size=len(content), max_bytes=10**7)
    assert "Save it without macros" in HAS_MACROS


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.docx", ooxml_with("word")), ("report.doc", ole2_bytes("WordDocument"))],
)
def test_office_files_without_macros_are_accepted(name, content):
    assert check_paper_file(name=name, stream=io.BytesIO(content), size=len(content), max_bytes=10**7)
