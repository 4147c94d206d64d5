"""The yearly report as a PDF (core.pdf) and as a Word document (python-docx), from the same
parts and figures the page shows.

Laying out a year's figures takes WeasyPrint a second or two (18 pages, 30 tables on the bench
data) and python-docx a fifth of that, while the report changes a few times a year: each file is
kept in the cache under a digest of exactly what it prints (the PDF's HTML; the Word document's
blocks), so a download after the first is read back, and any change to the text, the figures,
the status or an approval makes a new digest (nothing to invalidate, nothing stale)."""

import hashlib
import io
import json
import logging
from collections.abc import Callable

from django.core.cache import cache
from django.template.loader import render_to_string
from docx import Document
from docx.shared import Pt

from core.pdf import html_to_pdf
from reporting.models import YearlyReport
from reporting.selectors import approval_lines, yearly_parts

logger = logging.getLogger(__name__)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# A file is kept while it is downloaded at least once a month; a changed report has a new key.
KEEP_SECONDS = 30 * 24 * 3600


def _context(report: YearlyReport) -> dict:
    return {"report": report, "parts": yearly_parts(report), "approvals": approval_lines(report)}


def _kept(kind: str, content: str, make: Callable[[], bytes]) -> bytes:
    """The file made from `content`, from the cache when it was made before. An unreachable
    cache costs the file being made again, never the download."""
    key = f"reporting:{kind}:{hashlib.sha256(content.encode()).hexdigest()}"
    try:
        found = cache.get(key)
    except Exception:
        logger.exception("reports: the cache could not be read; making the %s", kind)
        found = None
    if found is not None:
        return found
    made = make()
    try:
        cache.set(key, made, KEEP_SECONDS)
    except Exception:
        logger.exception("reports: the cache could not keep the %s", kind)
    return made


def yearly_report_pdf(report: YearlyReport) -> bytes:
    html = render_to_string("reporting/yearly_pdf.html", _context(report))
    return _kept("yearly-pdf", html, lambda: html_to_pdf(html))


def _paragraphs(text: str) -> list[tuple]:
    return [("paragraph", paragraph.strip()) for paragraph in text.split("\n\n") if paragraph.strip()]


def _docx_blocks(report: YearlyReport) -> list[tuple]:
    """The Word document as plain data, in order: headings, paragraphs and tables."""
    context = _context(report)
    blocks: list[tuple] = [
        ("heading", "Safeguarding Children Partnership yearly report", 0),
        ("paragraph", f"{report.period_start:%-d %B %Y} to {report.period_end:%-d %B %Y}"),
        ("paragraph", f"Status: {report.get_status_display()}"),
    ]
    for part in context["parts"]:
        blocks.append(("heading", part.title, 1))
        if part.text:
            blocks += _paragraphs(part.text)
        elif not part.sections:
            blocks.append(("paragraph", "Not written yet."))
        for section in part.sections:
            blocks.append(("heading", section.title, 2))
            blocks += [("paragraph", line) for line in section.summary]
            for table in section.tables:
                blocks.append(("caption", table.caption))
                rows = [[str(value) for value in row] for row in table.rows]
                blocks.append(("table", [str(header) for header in table.headers], rows))
    blocks.append(("heading", "Approval by the lead safeguarding partners (s.19.2)", 1))
    for line in context["approvals"]:
        if line.approval:
            text = (
                f"{line.label}: approved by {line.approval.approved_by.name} on "
                f"{line.approval.approved_at:%-d %B %Y}"
            )
        else:
            text = f"{line.label}: not yet approved"
        blocks.append(("paragraph", text))
    return blocks


def _write_docx(blocks: list[tuple]) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    for kind, *content in blocks:
        if kind == "heading":
            document.add_heading(content[0], level=content[1])
        elif kind == "paragraph":
            document.add_paragraph(content[0])
        elif kind == "caption":
            document.add_paragraph(content[0]).runs[0].bold = True
        else:
            headers, rows = content
            grid = document.add_table(rows=1, cols=len(headers))
            grid.style = "Table Grid"
            for cell, header in zip(grid.rows[0].cells, headers, strict=True):
                cell.text = header
            for row in rows:
                cells = grid.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = value
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def yearly_report_docx(report: YearlyReport) -> bytes:
    blocks = _docx_blocks(report)
    return _kept("yearly-docx", json.dumps(blocks), lambda: _write_docx(blocks))
