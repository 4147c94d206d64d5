"""The yearly report as a PDF (core.pdf) and as a Word document (python-docx), from the same
parts and figures the page shows."""

import io

from docx import Document
from docx.shared import Pt

from core.pdf import render_pdf
from reporting.models import YearlyReport
from reporting.selectors import approval_lines, yearly_parts

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _context(report: YearlyReport) -> dict:
    return {"report": report, "parts": yearly_parts(report), "approvals": approval_lines(report)}


def yearly_report_pdf(report: YearlyReport) -> bytes:
    return render_pdf("reporting/yearly_pdf.html", _context(report))


def _paragraphs(document, text: str) -> None:
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())


def yearly_report_docx(report: YearlyReport) -> bytes:
    context = _context(report)
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading("Safeguarding Children Partnership yearly report", level=0)
    document.add_paragraph(f"{report.period_start:%-d %B %Y} to {report.period_end:%-d %B %Y}")
    document.add_paragraph(f"Status: {report.get_status_display()}")
    for part in context["parts"]:
        document.add_heading(part.title, level=1)
        if part.text:
            _paragraphs(document, part.text)
        elif not part.sections:
            document.add_paragraph("Not written yet.")
        for section in part.sections:
            document.add_heading(section.title, level=2)
            for line in section.summary:
                document.add_paragraph(line)
            for table in section.tables:
                document.add_paragraph(table.caption).runs[0].bold = True
                grid = document.add_table(rows=1, cols=len(table.headers))
                grid.style = "Table Grid"
                for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
                    cell.text = str(header)
                for row in table.rows:
                    cells = grid.add_row().cells
                    for cell, value in zip(cells, row, strict=True):
                        cell.text = str(value)
    document.add_heading("Approval by the lead safeguarding partners (s.19.2)", level=1)
    for line in context["approvals"]:
        if line.approval:
            text = (
                f"{line.label}: approved by {line.approval.approved_by.name} on "
                f"{line.approval.approved_at:%-d %B %Y}"
            )
        else:
            text = f"{line.label}: not yet approved"
        document.add_paragraph(text)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
