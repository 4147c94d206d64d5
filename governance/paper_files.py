"""What kind of document an uploaded paper really is, judged by its content.

Pure: reads the bytes it is given, never the database or the clock. A name
can lie ("report.pdf" that is a photo), so the content decides the kind and
the extension must agree with it.
"""

import math
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

PDF_SIGNATURE = b"%PDF-"
# The compound-file (OLE2) signature of Word 97-2003, Excel 97-2003 and PowerPoint 97-2003.
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: str
    extension: str
    content_type: str

    @property
    def is_pdf(self) -> bool:
        return self.key == "pdf"


PDF = DocumentKind("pdf", "PDF", "pdf", "application/pdf")
WORD = DocumentKind(
    "docx", "Word", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
EXCEL = DocumentKind(
    "xlsx", "Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
POWERPOINT = DocumentKind(
    "pptx", "PowerPoint", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"
)
WORD_97 = DocumentKind("doc", "Word", "doc", "application/msword")
EXCEL_97 = DocumentKind("xls", "Excel", "xls", "application/vnd.ms-excel")
POWERPOINT_97 = DocumentKind("ppt", "PowerPoint", "ppt", "application/vnd.ms-powerpoint")

KINDS = (PDF, WORD, EXCEL, POWERPOINT, WORD_97, EXCEL_97, POWERPOINT_97)
KIND_BY_CONTENT_TYPE = {kind.content_type: kind for kind in KINDS}
ACCEPTED_EXTENSIONS = tuple(f".{kind.extension}" for kind in KINDS)

# The part folder that makes an Office Open XML zip a Word, Excel or PowerPoint file.
OOXML_PART_FOLDERS = {"word/": WORD, "xl/": EXCEL, "ppt/": POWERPOINT}
# The stream each legacy Office application always writes, as it appears
# (UTF-16) in the compound file's directory.
OLE2_STREAMS = (
    ("WordDocument".encode("utf-16-le"), WORD_97),
    ("Workbook".encode("utf-16-le"), EXCEL_97),
    ("Book".encode("utf-16-le"), EXCEL_97),  # Excel 5 / 95 workbooks
    ("PowerPoint Document".encode("utf-16-le"), POWERPOINT_97),
)

NOT_A_DOCUMENT = "This file is not a PDF, Word, Excel or PowerPoint document."
HAS_MACROS = (
    "This file contains macros, which a paper may not carry (they would run on every reader's "
    "computer). Save it without macros, as a .docx, .xlsx or .pptx file, and upload that."
)
# A macro project inside an Office Open XML zip, and the content types of macro-enabled files.
OOXML_MACRO_PART = "vbaproject.bin"
OOXML_MACRO_CONTENT_TYPES = (b"macroEnabled", b"vbaProject")
# The stream every VBA project of a legacy Office file has (Excel's storage is _VBA_PROJECT_CUR),
# as it appears (UTF-16) in the compound file's directory.
OLE2_MACRO_STORAGES = ("_VBA_PROJECT".encode("utf-16-le"),)


class PaperFileError(ValueError):
    """The file cannot be a paper; the message is for the person uploading it."""


def megabytes(size: int) -> str:
    """31 MB, 20.1 MB: rounded up, so a file just over the limit never reads as equal to it."""
    value = math.ceil(size * 10 / (1024 * 1024)) / 10
    return f"{value:g} MB"


def detect_kind(stream) -> DocumentKind | None:
    """The document kind of a binary file-like object, from its content; None if it is none of ours."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(PDF_SIGNATURE):
        return PDF
    if head.startswith(ZIP_SIGNATURE):
        return _ooxml_kind(stream)
    if head == OLE2_SIGNATURE:
        return _ole2_kind(stream)
    return None


def _ooxml_kind(stream) -> DocumentKind | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, EOFError, OSError):
        return None
    finally:
        stream.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for folder, kind in OOXML_PART_FOLDERS.items():
        if any(name.startswith(folder) for name in names):
            return kind
    return None


def _ole2_kind(stream) -> DocumentKind | None:
    content = stream.read()
    stream.seek(0)
    for stream_name, kind in OLE2_STREAMS:
        if stream_name in content:
            return kind
    return None


def check_paper_file(*, name: str, stream, size: int, max_bytes: int) -> DocumentKind:
    """The kind of an uploaded paper, or PaperFileError saying why it cannot be one."""
    if size > max_bytes:
        raise PaperFileError(f"The file is {megabytes(size)}; the limit is {megabytes(max_bytes)}.")
    if size == 0:
        raise PaperFileError("The file is empty.")
    kind = detect_kind(stream)
    if kind is None:
        raise PaperFileError(NOT_A_DOCUMENT)
    if has_macros(stream, kind):
        raise PaperFileError(HAS_MACROS)
    extension = PurePath(name).suffix.lower()
    if extension != f".{kind.extension}":
        raise PaperFileError(
            f"The file is named “{name}” but it is a {kind.label} document (.{kind.extension}). "
            "Give it the right extension, or upload the file you meant."
        )
    return kind


def has_macros(stream, kind: DocumentKind) -> bool:
    """Whether a Word, Excel or PowerPoint file carries macros: a VBA project part or a
    macro-enabled content type in an Office Open XML zip, a VBA storage in a legacy file."""
    try:
        if kind in (WORD, EXCEL, POWERPOINT):
            with zipfile.ZipFile(stream) as archive:
                if any(PurePath(name).name.lower() == OOXML_MACRO_PART for name in archive.namelist()):
                    return True
                types = archive.read("[Content_Types].xml")
                return any(marker in types for marker in OOXML_MACRO_CONTENT_TYPES)
        if kind in (WORD_97, EXCEL_97, POWERPOINT_97):
            content = stream.read()
            return any(storage in content for storage in OLE2_MACRO_STORAGES)
        return False
    except (zipfile.BadZipFile, KeyError, EOFError, OSError):
        return False
    finally:
        stream.seek(0)
