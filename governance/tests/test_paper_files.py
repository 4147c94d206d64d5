import io

import pytest

from governance.paper_files import (
    EXCEL,
    EXCEL_97,
    NOT_A_DOCUMENT,
    PDF,
    POWERPOINT,
    POWERPOINT_97,
    WORD,
    WORD_97,
    PaperFileError,
    check_paper_file,
    detect_kind,
    megabytes,
)
from governance.tests.factories_papers import PNG_BYTES, ole2_bytes, ooxml_bytes, pdf_bytes

LIMIT = 20 * 1024 * 1024


def check(name, content, *, max_bytes=LIMIT, size=None):
    return check_paper_file(
        name=name,
        stream=io.BytesIO(content),
        size=len(content) if size is None else size,
        max_bytes=max_bytes,
    )


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (pdf_bytes(), PDF),
        (ooxml_bytes("word"), WORD),
        (ooxml_bytes("xl"), EXCEL),
        (ooxml_bytes("ppt"), POWERPOINT),
        (ole2_bytes("WordDocument"), WORD_97),
        (ole2_bytes("Workbook"), EXCEL_97),
        (ole2_bytes("Book"), EXCEL_97),
        (ole2_bytes("PowerPoint Document"), POWERPOINT_97),
    ],
)
def test_each_accepted_kind_is_recognised_by_its_content(content, kind):
    assert detect_kind(io.BytesIO(content)) == kind


@pytest.mark.parametrize(
    "content",
    [
        PNG_BYTES,
        b"Just some text that claims to be a report",
        b"%PD",  # a truncated signature
        ooxml_bytes("word", content_types=False),  # a zip, but not an Office document
        ooxml_bytes("images"),  # an Office-like zip with no Word, Excel or PowerPoint part
        b"PK\x03\x04 not really a zip",
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600,  # a compound file of no Office application
    ],
)
def test_content_that_is_none_of_the_kinds_is_not_recognised(content):
    assert detect_kind(io.BytesIO(content)) is None


def test_a_pdf_that_is_really_a_png_is_refused():
    with pytest.raises(PaperFileError, match=NOT_A_DOCUMENT):
        check("minutes.pdf", PNG_BYTES)


def test_a_docx_that_is_a_real_office_zip_passes():
    assert check("Report.DOCX", ooxml_bytes("word")) == WORD


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", ooxml_bytes("word")),  # a Word file named as a PDF
        ("report.docx", pdf_bytes()),
        ("budget.xlsx", ooxml_bytes("word")),
        ("slides.ppt", ole2_bytes("WordDocument")),
        ("report.doc", ooxml_bytes("word")),
        ("report", pdf_bytes()),  # no extension at all
    ],
)
def test_the_extension_must_agree_with_the_content(name, content):
    with pytest.raises(PaperFileError, match="but it is a"):
        check(name, content)


def test_a_file_exactly_at_the_limit_passes():
    assert check("paper.pdf", pdf_bytes(), size=LIMIT) == PDF


def test_a_file_one_byte_over_the_limit_is_refused():
    with pytest.raises(PaperFileError, match=r"The file is 20.1 MB; the limit is 20 MB\."):
        check("paper.pdf", pdf_bytes(), size=LIMIT + 1)


def test_the_size_message_names_both_sizes():
    with pytest.raises(PaperFileError) as error:
        check("paper.pdf", pdf_bytes(), size=31 * 1024 * 1024)
    assert str(error.value) == "The file is 31 MB; the limit is 20 MB."


def test_an_empty_file_is_refused():
    with pytest.raises(PaperFileError, match="empty"):
        check("paper.pdf", b"")


@pytest.mark.parametrize(
    ("size", "text"), [(20 * 1024 * 1024, "20 MB"), (1024 * 1024 + 1, "1.1 MB"), (512 * 1024, "0.5 MB")]
)
def test_megabytes_round_up_to_one_decimal(size, text):
    assert megabytes(size) == text
