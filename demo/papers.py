"""Small, valid documents for the demo's papers: a PDF and a Word (.docx) file, made by hand.

WeasyPrint would take a fraction of a second per paper and the demo has well
over a hundred, so the demo writes its own: a PDF with Helvetica text (the
fourteen standard fonts need no embedding) and the three parts Word needs to
open an Office Open XML document. Both pass the upload checks of
governance.paper_files, which judge a file by its content.
"""

import io
import textwrap
import zipfile
from xml.sax.saxutils import escape

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
LINE_HEIGHT = 14
WRAP_AT = 88
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN) // LINE_HEIGHT - 3


def _pdf_text(text: str) -> bytes:
    """A PDF string literal in WinAnsi (cp1252), the standard fonts' encoding."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _wrapped(paragraphs: list[str]) -> list[str]:
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, WRAP_AT) or [""])
        lines.append("")
    return lines


def _page_stream(title: str, lines: list[str], page: int, pages: int) -> bytes:
    top = PAGE_HEIGHT - MARGIN
    ops = [b"BT", b"/F1 14 Tf", f"{MARGIN} {top} Td".encode(), _pdf_text(title) + b" Tj", b"/F2 10 Tf"]
    ops.append(f"0 -{LINE_HEIGHT * 2} Td".encode())
    for line in lines:
        ops.append(_pdf_text(line) + b" Tj")
        ops.append(f"0 -{LINE_HEIGHT} Td".encode())
    ops.append(b"ET")
    footer = f"Page {page} of {pages}"
    ops += [b"BT", b"/F2 8 Tf", f"{MARGIN} {MARGIN // 2} Td".encode(), _pdf_text(footer) + b" Tj", b"ET"]
    return b"\n".join(ops)


def pdf_document(title: str, paragraphs: list[str]) -> bytes:
    """A text-only PDF 1.4: the title in bold, then the paragraphs, as many A4 pages as needed."""
    lines = _wrapped(paragraphs)
    chunks = [lines[start : start + LINES_PER_PAGE] for start in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    # Objects: 1 catalogue, 2 page tree, 3 and 4 the fonts, 5 the document information, then a page
    # and its content stream for each page.
    first_page = 6
    page_ids = [first_page + 2 * index for index in range(len(chunks))]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % pid for pid in page_ids)
        + b"] /Count %d >>" % len(page_ids),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        5: b"<< /Title " + _pdf_text(title) + b" /Producer (HSCP Governance demo) >>",
    }
    for index, (page_id, chunk) in enumerate(zip(page_ids, chunks, strict=True), start=1):
        stream = _page_stream(title, chunk, index, len(chunks))
        objects[page_id] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] " % (
            PAGE_WIDTH,
            PAGE_HEIGHT,
        ) + b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = output.tell()
        output.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = output.tell()
    size = max(objects) + 1
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        output.write(b"%010d 00000 n \n" % offsets[number])
    output.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return output.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    "</Relationships>"
)
WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# A fixed date for every part, so the same paper gives the same bytes.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def _word_paragraph(text: str, *, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_document(title: str, paragraphs: list[str]) -> bytes:
    """The smallest Word document Word opens: content types, the package relationship, the body."""
    body = _word_paragraph(title, bold=True) + "".join(_word_paragraph(text) for text in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{WORD_NAMESPACE}"><w:body>{body}</w:body></w:document>'
    )
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", PACKAGE_RELATIONSHIPS),
            ("word/document.xml", document),
        ):
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_DATE), content)
    return output.getvalue()
